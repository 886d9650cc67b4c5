import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MANIFEST_VERSION, teamsLocalizationSchema, teamsManifestSchema } from '../../../src/teams/manifestSchema.js';

/** Validates a manifest or localization file; returns one line per problem, empty when valid. */
export interface ManifestValidator {
  /** Which schema is in use, for the test names. */
  source: string;
  manifest(doc: unknown): string[];
  localization(doc: unknown): string[];
}

interface AjvError {
  instancePath: string;
  message?: string;
}
type ValidateFn = ((doc: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvInstance {
  compile(schema: unknown): ValidateFn;
}
type AjvClass = new (options: Record<string, unknown>) => AjvInstance;
type AddFormats = (ajv: AjvInstance, formats: string[]) => unknown;

const PACKAGE = '@microsoft/app-manifest';

function defaultExport<T>(mod: T | { default: T }): T {
  return typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : mod;
}

/**
 * Microsoft's own v1.17 JSON schemas (shipped in @microsoft/app-manifest, checked with the ajv it depends on)
 * when that package is installed; otherwise the project's zod schema of the fields Teams requires.
 */
export function loadManifestValidator(): ManifestValidator {
  const require = createRequire(import.meta.url);
  let main: string;
  try {
    main = require.resolve(PACKAGE);
  } catch {
    return {
      source: `zod schema of the Teams v${MANIFEST_VERSION} fields (${PACKAGE} not installed)`,
      manifest: (doc) => zodProblems(teamsManifestSchema.safeParse(doc)),
      localization: (doc) => zodProblems(teamsLocalizationSchema.safeParse(doc)),
    };
  }
  // Resolve ajv from the package itself: its index.js needs fs-extra, which 1.1.2 does not declare, so it is not imported.
  const fromPackage = createRequire(main);
  const version = (fromPackage(`${PACKAGE}/package.json`) as { version: string }).version;
  const Ajv = defaultExport(fromPackage('ajv-draft-04') as AjvClass | { default: AjvClass });
  const addFormats = defaultExport(fromPackage('ajv-formats') as AddFormats | { default: AddFormats });
  const schemaDir = join(dirname(main), 'json-schemas', 'teams', `v${MANIFEST_VERSION}`);
  const compile = (file: string): ValidateFn => {
    // unicodeRegExp off: the localization schema's patterns contain a bare "]" that unicode mode rejects.
    const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    return ajv.compile(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')));
  };
  const run = (validate: ValidateFn) => (doc: unknown) =>
    validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
  return {
    source: `Microsoft's v${MANIFEST_VERSION} JSON schema from ${PACKAGE}@${version}`,
    manifest: run(compile('MicrosoftTeams.schema.json')),
    localization: run(compile('MicrosoftTeams.Localization.schema.json')),
  };
}

function zodProblems(result: { success: true } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  return result.success ? [] : result.error.issues.map((i) => `/${i.path.map(String).join('/')} ${i.message}`);
}
