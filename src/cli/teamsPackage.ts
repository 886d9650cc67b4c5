import { readFileSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TeamsManifestError } from '../teams/manifest.js';
import { TeamsPackageSettingsError, teamsPackageSettings } from '../teams/packageSettings.js';
import { writeTeamsPackage } from '../teams/teamsPackage.js';

// src/cli and dist/cli both sit two levels below the project root.
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_OUT = 'dist/teams/foerderlotse-teams.zip';

const USAGE = `Aufruf: npm run teams:package [-- --out pfad/zum/paket.zip]

Baut das Teams-App-Paket (manifest.json, en-us.json, color.png, outline.png) aus der Umgebung:
  MicrosoftAppId        App-ID der Azure-Bot-Registrierung (GUID, Pflicht)
  TEAMS_APP_VERSION     Version des Pakets (Major.Minor.Patch; Standard: Version aus package.json)
  PUBLIC_URL            öffentliche https-Adresse des Förderlotsen (Website-Link, validDomains)
  WIDGET_ACCENT_COLOR   Akzentfarbe (#rrggbb), auch Hintergrund des Farb-Icons
  TEAMS_DEVELOPER_NAME  Herausgeber, den Teams anzeigt (Standard: Förderlotse)
  TEAMS_PRIVACY_URL     Datenschutzerklärung (Standard: PUBLIC_URL/datenschutz)
  TEAMS_TERMS_URL       Nutzungsbedingungen (Standard: PUBLIC_URL/nutzungsbedingungen)
Standard-Ausgabe: ${DEFAULT_OUT}
`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '1.0.0';
}

/** `npm run teams:package [-- --out file.zip]`: builds the Teams app package; returns the exit code. */
export function runTeamsPackage(argv: string[], env: Record<string, string | undefined>, io: CliIo): number {
  let outArg: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a === '--out' && argv[i + 1]) {
      outArg = argv[++i];
    } else if (a.startsWith('--out=') && a.length > 6) {
      outArg = a.slice(6);
    } else {
      io.err(`Unbekanntes Argument "${a}".\n\n${USAGE}`);
      return 2;
    }
  }
  const outFile = outArg ? resolve(io.cwd, outArg) : resolve(PROJECT_ROOT, DEFAULT_OUT);
  try {
    const { options, warnings } = teamsPackageSettings(env, { version: packageVersion() });
    const written = writeTeamsPackage(options, outFile);
    for (const w of warnings) io.err(`Warnung: ${w}\n`);
    const shown = relative(io.cwd, written.file) || written.file;
    const m = written.manifest;
    io.out(
      [
        `Teams-App-Paket geschrieben: ${shown} (${written.bytes} Bytes)`,
        ...written.files.map((f) => `  ${f.name.padEnd(14)} ${String(f.data.length).padStart(7)} Bytes`),
        `App-ID/Bot-ID: ${m.id}   Version: ${m.version}   Manifest: v${m.manifestVersion}   Domains: ${m.validDomains?.join(', ') || '–'}`,
        'Hochladen: Teams → Apps → Apps verwalten → App hochladen, oder im Teams Admin Center unter „Teams-Apps verwalten“.',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (err) {
    if (err instanceof TeamsPackageSettingsError || err instanceof TeamsManifestError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function isEntryPoint(): boolean {
  try {
    // realpath on both sides: import.meta.url has symlinks resolved, argv[1] does not.
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// Run only as the entry point, so tests can import runTeamsPackage.
if (isEntryPoint()) {
  process.exitCode = runTeamsPackage(process.argv.slice(2), process.env, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  });
}
