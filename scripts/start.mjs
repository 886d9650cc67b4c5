// `npm start`: installs and builds as needed, then starts the bot; the bot ingests knowledge/ at start when its index is missing or stale.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { prepare, projectRoot } from './prepare.mjs';

prepare();
const child = spawn(process.execPath, [join(projectRoot, 'dist', 'index.js')], { cwd: projectRoot, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
