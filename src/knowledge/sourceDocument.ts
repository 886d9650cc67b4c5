import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { blocksToText, cleanToBlocks, stripHtml, type Block, type SourceKind } from './cleanText.js';

/** One source file after clean-up. */
export interface SourceDocument {
  id: string;
  file: string;
  kind: SourceKind;
  /** sha256 of the raw file: the manifest's change detector. */
  hash: string;
  /** Date of the file's last change (YYYY-MM-DD), shown with citations. */
  modified: string;
  title: string;
  blocks: Block[];
  text: string;
}

const KINDS: Record<string, SourceKind> = { '.txt': 'txt', '.md': 'md', '.html': 'html', '.htm': 'html', '.pdf': 'pdf' };

/** A stable, readable id from a file name: "komma-informationsschreiben-2023.txt" → "komma-informationsschreiben-2023". */
export function docIdFromFile(file: string): string {
  return basename(file, extname(file))
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'quelle';
}

/** Lists the ingestible files of a folder, sorted for a stable index. */
export async function listSourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && KINDS[extname(e.name).toLowerCase()] && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

async function extractPdf(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: false });
  // Pages joined by blank lines: the clean-up treats page ends like paragraph breaks.
  return (Array.isArray(text) ? text : [text]).join('\n\n');
}

const NOISE_TITLE = /^(zum inhalt springen|sie befinden sich hier:?|inhalt|seite \d+)$/i;

function titleOf(blocks: Block[], id: string): string {
  const first = blocks.find((b) => (b.kind === 'heading' || b.text.length <= 120) && !NOISE_TITLE.test(b.text));
  return first ? first.text.replace(/\s+/g, ' ').slice(0, 160) : id;
}

/** A web page names itself in its first <h1>, else in <title>; site navigation around it is no title. */
function htmlTitle(html: string): string | undefined {
  for (const re of [/<h1\b[^>]*>([\s\S]*?)<\/h1>/i, /<title\b[^>]*>([\s\S]*?)<\/title>/i]) {
    const inner = html.match(re)?.[1];
    const text = inner ? stripHtml(inner).replace(/^[#\s]+/, '').replace(/\s+/g, ' ').trim() : '';
    if (text.length >= 4) return text.slice(0, 160);
  }
  return undefined;
}

/** Reads, extracts and cleans one source file. */
export async function readSourceDocument(dir: string, file: string): Promise<SourceDocument> {
  const path = join(dir, file);
  const bytes = await readFile(path);
  const kind = KINDS[extname(file).toLowerCase()];
  const raw = kind === 'pdf' ? await extractPdf(new Uint8Array(bytes)) : bytes.toString('utf8');
  const blocks = cleanToBlocks(raw, kind);
  const id = docIdFromFile(file);
  const info = await stat(path);
  return {
    id,
    file,
    kind,
    hash: createHash('sha256').update(bytes).digest('hex'),
    modified: info.mtime.toISOString().slice(0, 10),
    title: (kind === 'html' ? htmlTitle(raw) : undefined) ?? titleOf(blocks, id),
    blocks,
    text: blocksToText(blocks),
  };
}
