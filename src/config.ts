import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const list = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []));

/** Every environment variable the service reads; documented one by one in .env.example. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().optional(),
  MicrosoftAppId: z.string().optional().default(''),
  MicrosoftAppPassword: z.string().optional().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().optional().default(''),
  SERVICE_URL_ALLOWLIST: list,
  // Only to test against a stubbed identity provider, or for sovereign clouds: botbuilder's own names.
  ToBotFromChannelOpenIdMetadataUrl: z.string().url().optional(),
  ToBotFromEmulatorOpenIdMetadataUrl: z.string().url().optional(),
  ToBotFromChannelTokenIssuer: z.string().optional(),
  TRUST_PROXY: bool,
  KNOWLEDGE_DIR: z.string().default('knowledge'),
  DIALOGS_DIR: z.string().default('dialogs'),
  LOCALES_DIR: z.string().default('locales'),
  DATA_DIR: z.string().default('data'),
  STORAGE_URL: z.string().optional().default(''),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(256 * 1024),
  MAX_TEXT_CHARS: z.coerce.number().int().min(100).max(100_000).default(2000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  DEFAULT_LOCALE: z.enum(['de-DE', 'en-US']).default('de-DE'),
  HANDOFF_DEFAULT_EMAIL: z.string().email().default('komma@imap-institut.de'),
  HANDOFF_FROM_EMAIL: z.string().email().default('foerderlotse@localhost'),
  SMTP_URL: z.string().optional().default(''),
  OUTBOX_DIR: z.string().default('outbox'),
  DIRECT_LINE_SECRET: z.string().optional().default(''),
  DIRECT_LINE_TOKEN_SECRET: z.string().min(32, 'at least 32 characters').optional().or(z.literal('')).default(''),
  WIDGET_FRAME_ANCESTORS: list,
  METRICS_TOKEN: z.string().optional().default(''),
  WIDGET_TITLE: z.string().default('Förderlotse'),
  WIDGET_ACCENT_COLOR: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0a5c8a').default('#0a5c8a'),
  PUBLIC_URL: z.string().optional().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_SALT: z.string().optional().default(''),
  TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').optional(),
  NO_INGEST_ON_START: bool,
});

export type Config = z.infer<typeof configSchema>;

/** Parse the environment; throws an error naming every offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable (KEY= in .env) means "not set", so defaults apply.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
