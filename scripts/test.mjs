// `npm test`: installs and builds as needed, type-checks, runs every vitest suite (unit, protocol,
// PostgreSQL, SMTP, browser, acceptance) and ends with one plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { prepare, projectRoot } from './prepare.mjs';

prepare();
const tsc = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'], { cwd: projectRoot, stdio: 'inherit' });
if (tsc.status !== 0) {
  process.stderr.write('Typprüfung fehlgeschlagen.\n');
  process.stdout.write('Tests: 0 passed, 1 failed\n');
  process.exit(1);
}
mkdirSync(join(projectRoot, 'test-artifacts'), { recursive: true });
const report = join(projectRoot, 'test-artifacts', 'vitest.json');
const args = [join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const r = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR } });
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}
if (r.status !== 0 && failed === 0) failed = 1;
process.stdout.write(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(r.status ?? 1);
