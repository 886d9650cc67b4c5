import { z } from 'zod';

/** The Teams app manifest version this project writes; its JSON schema is hosted at MANIFEST_SCHEMA_URL. */
export const MANIFEST_VERSION = '1.17';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

// Patterns and limits as in the v1.17 JSON schema (definitions guid, hexColor, languageTag, httpsUrl).
export const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const LANGUAGE_TAG = /^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8}){0,2}$/;
const HTTPS_URL = /^[Hh][Tt][Tt][Pp][Ss]?:\/\//;
// Teams accepts only major.minor.patch; the v1.17 schema itself does not check it.
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

const guid = z.string().regex(GUID);
const url = z.string().max(2048).regex(HTTPS_URL);
const relativePath = z.string().min(1).max(2048);
const botScope = z.enum(['team', 'personal', 'groupChat']);

/**
 * The part of the v1.17 manifest this project uses, as strict as the JSON schema (unknown keys rejected),
 * plus the rules Teams applies on upload (semver version, icon files).
 */
export const teamsManifestSchema = z.strictObject({
  $schema: z.url().optional(),
  manifestVersion: z.literal(MANIFEST_VERSION),
  version: z.string().max(256).regex(SEMVER),
  id: guid,
  localizationInfo: z
    .strictObject({
      defaultLanguageTag: z.string().regex(LANGUAGE_TAG),
      additionalLanguages: z.array(z.strictObject({ languageTag: z.string().regex(LANGUAGE_TAG), file: relativePath })).optional(),
    })
    .optional(),
  developer: z.strictObject({
    name: z.string().min(1).max(32),
    mpnId: z.string().max(10).optional(),
    websiteUrl: url,
    privacyUrl: url,
    termsOfUseUrl: url,
  }),
  name: z.strictObject({ short: z.string().min(1).max(30), full: z.string().min(1).max(100) }),
  description: z.strictObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.strictObject({ color: relativePath, outline: relativePath }),
  accentColor: z.string().regex(HEX_COLOR),
  bots: z
    .array(
      z.strictObject({
        botId: guid,
        needsChannelSelector: z.boolean().optional(),
        isNotificationOnly: z.boolean().optional(),
        supportsFiles: z.boolean().optional(),
        supportsCalling: z.boolean().optional(),
        supportsVideo: z.boolean().optional(),
        scopes: z.array(botScope).min(1).max(3),
        commandLists: z
          .array(
            z.strictObject({
              scopes: z.array(botScope).min(1).max(3),
              commands: z.array(z.strictObject({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) })).max(10),
            }),
          )
          .max(3)
          .optional(),
      }),
    )
    .max(1)
    .optional(),
  permissions: z.array(z.enum(['identity', 'messageTeamMembers'])).max(2).optional(),
  validDomains: z.array(z.string().min(1).max(2048)).max(16).optional(),
});

export type TeamsManifest = z.infer<typeof teamsManifestSchema>;

const commandKey = /^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.(title|description)$/;

/** A v1.17 localization file: the four name/description strings plus localized bot command strings. */
export const teamsLocalizationSchema = z
  .object({
    $schema: z.url().optional(),
    'name.short': z.string().min(1).max(30),
    'name.full': z.string().min(1).max(100),
    'description.short': z.string().min(1).max(80),
    'description.full': z.string().min(1).max(4000),
  })
  .catchall(z.string().min(1).max(128))
  .superRefine((file, ctx) => {
    const fixed = new Set(['$schema', 'name.short', 'name.full', 'description.short', 'description.full']);
    for (const [key, value] of Object.entries(file)) {
      if (fixed.has(key)) continue;
      if (!commandKey.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'unknown localization key' });
      else if (key.endsWith('.title') && value.length > 32) ctx.addIssue({ code: 'custom', path: [key], message: 'at most 32 characters' });
    }
  });

export type TeamsLocalization = z.infer<typeof teamsLocalizationSchema>;
