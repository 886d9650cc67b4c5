// `npm run bench` (scripts/run.mjs builds dist/, then runs this): type-checks and compiles bench/ into
// bench/dist/ and runs it. The bench loads the service from dist/ (see project.ts), not tsc's copies
// of src/ under bench/dist/src.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'dist');
rmSync(out, { recursive: true, force: true });
process.stderr.write('» Benchmark wird übersetzt …\n');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'bench', 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
// --expose-gc: the bench settles the heap after building each corpus, as a long-running service's would be.
const r = spawnSync(process.execPath, ['--expose-gc', join(out, 'bench', 'bench.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
