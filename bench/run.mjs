// `npm run bench` (scripts/run.mjs builds dist/, then runs this): type-checks and compiles bench/ into
// bench/dist/ and runs it. The bench loads the service from dist/; tsc's copies of src/ are removed.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'dist');
rmSync(out, { recursive: true, force: true });
process.stderr.write('» Benchmark wird übersetzt …\n');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'bench', 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
rmSync(join(out, 'src'), { recursive: true, force: true });
const r = spawnSync(process.execPath, [join(out, 'bench', 'bench.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
