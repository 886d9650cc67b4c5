import { it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSourceDocument } from '../../src/knowledge/sourceDocument.js';
import { minimalPdf } from './minimalPdf.js';
it('dump', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  writeFileSync(join(dir, 'aufruf.pdf'), minimalPdf([
    ['Förderaufruf Quartiersräte', '', 'Die Bewerbungsfrist endet am 30. April 2027. Gefördert wer-', 'den Landkreise und Gemeinden.', '1'],
    ['Häufige Fragen', 'Ist eine Unterschrift nötig?', 'Nein, eine formlose E-Mail genügt.', '2'],
  ]));
  const d = await readSourceDocument(dir, 'aufruf.pdf');
  console.log(JSON.stringify(d.blocks, null, 1), d.title);
});
