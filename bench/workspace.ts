import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The project root: the nearest folder above this file whose package.json is the Förderlotse one. */
export function projectRoot(from = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'foerderlotse') return dir;
    if (dirname(dir) === dir) throw new Error(`No foerderlotse package.json above ${from}`);
  }
}

/** Temporary folders of one run; all removed by cleanup(), also when the run crashes. */
export class Workspace {
  readonly base = mkdtempSync(join(tmpdir(), 'foerderlotse-bench-'));
  private n = 0;

  constructor(readonly root: string) {}

  /** A fresh folder under the run's base. */
  dir(name: string): string {
    const d = join(this.base, `${name}-${++this.n}`);
    mkdirSync(d, { recursive: true });
    return d;
  }

  /** A copy of knowledge/ without its index (sources, programmes, term list), as a fresh checkout has. */
  knowledgeCopy(): string {
    const k = join(this.dir('knowledge'), 'knowledge');
    mkdirSync(k, { recursive: true });
    for (const part of ['sources', 'programs', 'terms.yaml', 'synonyms.yaml']) cpSync(join(this.root, 'knowledge', part), join(k, part), { recursive: true });
    return k;
  }

  cleanup(): void {
    rmSync(this.base, { recursive: true, force: true });
  }
}
