// Installs dependencies when missing or outdated and builds dist/ — shared by start, test and the CLIs.
// Plain Node on purpose: it must run before anything is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, label) {
  process.stderr.write(`» ${label}\n`);
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** npm ci when node_modules is missing or older than package-lock.json. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    run(npm, ['ci', '--no-audit', '--no-fund'], 'Abhängigkeiten werden installiert (npm ci) …');
  }
}

/** Compiles src/ to dist/ with the project's TypeScript. */
export function build() {
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], 'TypeScript wird übersetzt …');
}

export function prepare() {
  ensureInstalled();
  build();
}

export const projectRoot = root;
export const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
