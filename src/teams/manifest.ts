import { z } from 'zod';
import { MANIFEST_STRINGS, type ManifestLanguage } from './manifestStrings.js';
import {
  GUID,
  HEX_COLOR,
  LOCALIZATION_SCHEMA_URL,
  MANIFEST_SCHEMA_URL,
  MANIFEST_VERSION,
  SEMVER,
  teamsLocalizationSchema,
  teamsManifestSchema,
  type TeamsLocalization,
  type TeamsManifest,
} from './manifestSchema.js';

/** File names inside the app package; Teams resolves them relative to manifest.json. */
export const PACKAGE_FILES = {
  manifest: 'manifest.json',
  englishLocalization: 'en-us.json',
  colorIcon: 'color.png',
  outlineIcon: 'outline.png',
} as const;

const DEFAULT_LANGUAGE: ManifestLanguage = 'de-de';

const httpsUrl = () =>
  z.string().refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'muss eine https-Adresse sein, z. B. https://foerderlotse.example.de/datenschutz');

// Host names only (Teams wants no scheme or path); a leading "*." wildcard is allowed.
const DOMAIN = /^(\*\.)?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/i;

/** Inputs of buildManifest; TeamsManifestError names appId, version and accentColor by their environment variables. */
export const manifestOptionsSchema = z.object({
  appId: z
    .string({ error: 'fehlt: die App-ID der Azure-Bot-Registrierung (eine GUID) ist nötig.' })
    .trim()
    .regex(GUID, 'muss die App-ID der Azure-Bot-Registrierung sein, eine GUID (8-4-4-4-12 Hex-Ziffern, z. B. 00000000-0000-0000-0000-000000000000).'),
  botName: z.string().trim().min(1).max(30, 'höchstens 30 Zeichen (Teams-Grenze für den Kurznamen).').default('Förderlotse'),
  version: z.string().trim().regex(SEMVER, 'muss die Form Major.Minor.Patch haben, z. B. 1.0.0.').default('1.0.0'),
  developer: z.object({
    name: z.string().trim().min(1, 'fehlt.').max(32, 'höchstens 32 Zeichen (Teams-Grenze).'),
    websiteUrl: httpsUrl(),
    privacyUrl: httpsUrl(),
    termsOfUseUrl: httpsUrl(),
  }),
  // Same default as WIDGET_ACCENT_COLOR in config.ts, so Teams and the web chat share a colour.
  accentColor: z.string().regex(HEX_COLOR, 'muss eine Farbe wie #0a5c8a sein.').default('#0a5c8a'),
  validDomains: z
    .array(z.string().trim().regex(DOMAIN, 'nur Hostnamen ohne https:// und Pfad, z. B. foerderlotse.example.de.'))
    .max(16, 'Teams erlaubt höchstens 16 Einträge.')
    .default([]),
});

export type ManifestOptions = z.input<typeof manifestOptionsSchema>;
type ParsedOptions = z.output<typeof manifestOptionsSchema>;

/** Invalid inputs for the Teams manifest; `issues` lists each field with its message. */
export class TeamsManifestError extends Error {
  constructor(readonly issues: { field: string; message: string }[]) {
    super(`Teams-Manifest kann nicht erstellt werden:\n${issues.map((i) => `  ${i.field}: ${i.message}`).join('\n')}`);
    this.name = 'TeamsManifestError';
  }
}

const FIELD_LABELS: Record<string, string> = { appId: 'MicrosoftAppId', version: 'TEAMS_APP_VERSION', accentColor: 'WIDGET_ACCENT_COLOR' };

function parseOptions(opts: ManifestOptions): ParsedOptions {
  const parsed = manifestOptionsSchema.safeParse(opts);
  if (!parsed.success) {
    throw new TeamsManifestError(
      parsed.error.issues.map((i) => {
        const path = i.path.join('.');
        return { field: FIELD_LABELS[path] ?? path, message: i.message };
      }),
    );
  }
  return parsed.data;
}

function commandList(language: ManifestLanguage) {
  return MANIFEST_STRINGS[language].commands.map((c) => ({ title: c.title, description: c.description }));
}

/** The Teams app manifest (v1.17) for the bot registered as `appId`, with German as its default language. */
export function buildManifest(opts: ManifestOptions): TeamsManifest {
  const o = parseOptions(opts);
  const de = MANIFEST_STRINGS[DEFAULT_LANGUAGE];
  const manifest: TeamsManifest = {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: o.version,
    // The bot's app id doubles as the Teams app id: stable across builds and unique per registration.
    id: o.appId,
    localizationInfo: {
      defaultLanguageTag: DEFAULT_LANGUAGE,
      additionalLanguages: [{ languageTag: 'en-us', file: PACKAGE_FILES.englishLocalization }],
    },
    developer: { ...o.developer },
    name: { short: o.botName, full: fullName(DEFAULT_LANGUAGE, o.botName) },
    description: { short: de.shortDescription, full: de.fullDescription },
    icons: { color: PACKAGE_FILES.colorIcon, outline: PACKAGE_FILES.outlineIcon },
    accentColor: o.accentColor,
    bots: [
      {
        botId: o.appId,
        scopes: ['personal', 'team', 'groupChat'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [{ scopes: ['personal', 'team'], commands: commandList(DEFAULT_LANGUAGE) }],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [...new Set(o.validDomains.map((d) => d.toLowerCase()))],
  };
  // Our own strings must fit Teams' limits too; fail here rather than on upload.
  return teamsManifestSchema.parse(manifest);
}

/** The English localization file (en-us.json) that the manifest's localizationInfo points to. */
export function buildEnglishLocalization(opts: ManifestOptions): TeamsLocalization {
  const { botName } = parseOptions(opts);
  const en = MANIFEST_STRINGS['en-us'];
  const file: TeamsLocalization = {
    $schema: LOCALIZATION_SCHEMA_URL,
    'name.short': botName,
    'name.full': fullName('en-us', botName),
    'description.short': en.shortDescription,
    'description.full': en.fullDescription,
  };
  en.commands.forEach((c, j) => {
    file[`bots[0].commandLists[0].commands[${j}].title`] = c.title;
    file[`bots[0].commandLists[0].commands[${j}].description`] = c.description;
  });
  return teamsLocalizationSchema.parse(file);
}

function fullName(language: ManifestLanguage, botName: string): string {
  return MANIFEST_STRINGS[language].fullName.replace('{{name}}', () => botName);
}
