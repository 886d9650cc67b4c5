import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** Packages a fresh process has loaded after importing one built module (CommonJS packages show in require.cache). */
function packagesAfterImporting(modulePath: string): string[] {
  const script = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(modulePath)});
    const seen = new Set();
    for (const file of Object.keys(createRequire(import.meta.url).cache)) {
      const m = file.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\/(?!.*node_modules\\/)/);
      if (m) seen.add(m[1]);
    }
    console.log(JSON.stringify([...seen]));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as string[];
}

describe('the flows engine footprint', () => {
  // The prompts' text recognizers cost ~40 MB of memory and ~0.4 s; the scripted flows use no prompt.
  it('loads botbuilder-dialogs without the prompts’ text recognizers', () => {
    const loaded = packagesAfterImporting(join(root, 'dist', 'dialogs', 'flowEngine.js'));
    expect(loaded).toContain('botbuilder-dialogs');
    expect(loaded.filter((p) => p.startsWith('@microsoft/recognizers-text'))).toEqual([]);
  });

  it('would see the recognizers if the package index were imported (the check can fail)', () => {
    const loaded = packagesAfterImporting('botbuilder-dialogs');
    expect(loaded.some((p) => p.startsWith('@microsoft/recognizers-text'))).toBe(true);
  });
});
