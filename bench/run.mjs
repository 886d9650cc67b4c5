// `npm run bench` (scripts/run.mjs builds dist/, then runs this): compiles bench/ into bench/dist/ and runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(join(root, 'bench', 'dist'), { recursive: true, force: true });
process.stderr.write('» Benchmark wird übersetzt …\n');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'bench', 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
const r = spawnSync(process.execPath, [join(root, 'bench', 'dist', 'bench', 'bench.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
