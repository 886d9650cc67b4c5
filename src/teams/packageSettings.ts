import { z } from 'zod';
import type { ManifestOptions } from './manifest.js';

/** Used when PUBLIC_URL is not set; a package built with it installs, but its links lead nowhere. */
export const PLACEHOLDER_PUBLIC_URL = 'https://example.org';

/** Environment variables `npm run teams:package` reads; an empty value means "not set". */
export const teamsPackageEnvSchema = z.object({
  MicrosoftAppId: z.string({
    error:
      'fehlt. Setzen Sie die App-ID der Azure-Bot-Registrierung (eine GUID) als Umgebungsvariable, ' +
      'z. B. MicrosoftAppId=00000000-0000-0000-0000-000000000000 npm run teams:package',
  }),
  TEAMS_APP_VERSION: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  WIDGET_ACCENT_COLOR: z.string().optional(),
  TEAMS_DEVELOPER_NAME: z.string().default('Förderlotse'),
  TEAMS_PRIVACY_URL: z.string().regex(/^https:\/\/\S+$/i, 'muss eine https-Adresse sein.').optional(),
  TEAMS_TERMS_URL: z.string().regex(/^https:\/\/\S+$/i, 'muss eine https-Adresse sein.').optional(),
});

/** Invalid or missing settings for the Teams package; the message names each variable. */
export class TeamsPackageSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsPackageSettingsError';
  }
}

/** Turns the environment into buildManifest options plus warnings worth showing the operator. */
export function teamsPackageSettings(env: Record<string, string | undefined>, defaults: { version: string }): { options: ManifestOptions; warnings: string[] } {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = teamsPackageEnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new TeamsPackageSettingsError(`Einstellungen für das Teams-Paket fehlen oder sind ungültig:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const warnings: string[] = [];
  const base = publicBase(e.PUBLIC_URL ?? PLACEHOLDER_PUBLIC_URL);
  if (!e.PUBLIC_URL) {
    warnings.push(
      `PUBLIC_URL ist nicht gesetzt; die Links im Paket zeigen auf ${PLACEHOLDER_PUBLIC_URL} und validDomains bleibt leer. ` +
        'Für den Betrieb PUBLIC_URL auf die öffentliche https-Adresse des Förderlotsen setzen.',
    );
  }
  if (!e.TEAMS_PRIVACY_URL || !e.TEAMS_TERMS_URL) {
    warnings.push(
      'TEAMS_PRIVACY_URL/TEAMS_TERMS_URL nicht gesetzt; die Links zeigen auf PUBLIC_URL/datenschutz bzw. /nutzungsbedingungen, ' +
        'die der Förderlotse selbst nicht ausliefert. Tragen Sie die Seiten Ihrer Verwaltung ein.',
    );
  }
  return {
    options: {
      appId: e.MicrosoftAppId,
      version: e.TEAMS_APP_VERSION ?? defaults.version,
      accentColor: e.WIDGET_ACCENT_COLOR,
      developer: {
        name: e.TEAMS_DEVELOPER_NAME,
        websiteUrl: base.href,
        privacyUrl: e.TEAMS_PRIVACY_URL ?? new URL('datenschutz', base).href,
        termsOfUseUrl: e.TEAMS_TERMS_URL ?? new URL('nutzungsbedingungen', base).href,
      },
      validDomains: e.PUBLIC_URL ? [base.hostname] : [],
    },
    warnings,
  };
}

function publicBase(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TeamsPackageSettingsError(`PUBLIC_URL ist keine gültige Adresse: ${value}`);
  }
  if (url.protocol !== 'https:') throw new TeamsPackageSettingsError(`PUBLIC_URL muss mit https:// beginnen (Teams verlangt https): ${value}`);
  // A trailing slash keeps a path prefix (https://host/foerderlotse) when relative links are resolved against it.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}
