// `npm run ingest|ask|report|bench|teams:package`: prepares the project, then runs the matching entry with the given arguments.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { prepare, projectRoot } from './prepare.mjs';

const ENTRIES = {
  ingest: 'dist/cli/ingest.js',
  ask: 'dist/cli/ask.js',
  report: 'dist/cli/report.js',
  teamsPackage: 'dist/cli/teamsPackage.js',
  bench: 'bench/run.mjs',
};
const [name, ...args] = process.argv.slice(2);
const entry = ENTRIES[name];
if (!entry) {
  process.stderr.write(`Unbekannter Befehl "${name}". Möglich: ${Object.keys(ENTRIES).join(', ')}\n`);
  process.exit(2);
}
prepare();
const file = join(projectRoot, entry);
if (!existsSync(file)) {
  process.stderr.write(`${entry} fehlt.\n`);
  process.exit(2);
}
const r = spawnSync(process.execPath, [file, ...args], { cwd: projectRoot, stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
