import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import YAML from 'yaml';
import { normalizeForQuote } from '../knowledge/cleanText.js';
import type { SourceDocument } from '../knowledge/sourceDocument.js';
import { programFileSchema, type Program, type ProgramFile } from './programSchema.js';

/** A curated fact whose quote is not in its source: names the file and the fact. */
export class QuoteNotFoundError extends Error {
  constructor(readonly problems: string[]) {
    super(`Curated facts quote text that is not in their source:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'QuoteNotFoundError';
  }
}

/** Reads and validates knowledge/programs/*.yaml; errors name the file and the field. */
export async function readProgramFiles(dir: string): Promise<{ file: string; program: ProgramFile }[]> {
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return [];
  }
  const out: { file: string; program: ProgramFile }[] = [];
  for (const file of names) {
    const parsed = programFileSchema.safeParse(YAML.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`knowledge/programs/${file} is invalid: ${issues}`);
    }
    out.push({ file, program: parsed.data });
  }
  return out;
}

/** Every quote of a curated programme, labelled for error messages. */
export function quotesOf(p: ProgramFile): { label: string; quote: string }[] {
  const q: { label: string; quote: string }[] = [];
  if (p.funder) q.push({ label: 'funder', quote: p.funder.quote });
  if (p.implementer) q.push({ label: 'implementer', quote: p.implementer.quote });
  if (p.deadline) q.push({ label: 'deadline', quote: p.deadline.quote });
  p.contacts.forEach((c, i) => q.push({ label: `contacts[${i}]`, quote: c.quote }));
  p.facts.forEach((f, i) => {
    q.push({ label: `facts[${i}] (${f.topic})`, quote: f.quote });
    f.moreQuotes.forEach((m, j) => q.push({ label: `facts[${i}].moreQuotes[${j}] (${f.topic})`, quote: m }));
  });
  p.rules.forEach((r, i) => q.push({ label: `rules[${i}] (${r.type})`, quote: r.quote }));
  return q;
}

/** Checks every quote against the cleaned text of its source; returns the problems found. */
export function verifyQuotes(files: { file: string; program: ProgramFile }[], docsByFile: Map<string, SourceDocument>): string[] {
  const problems: string[] = [];
  for (const { file, program } of files) {
    const doc = docsByFile.get(program.source);
    if (!doc) {
      problems.push(`${file}: source "${program.source}" is not in knowledge/sources/`);
      continue;
    }
    const text = normalizeForQuote(doc.text);
    for (const { label, quote } of quotesOf(program)) {
      if (!text.includes(normalizeForQuote(quote))) problems.push(`${file} → ${label}: quote not found in ${program.source}: "${quote.slice(0, 80)}…"`);
    }
  }
  return problems;
}

function aliasesFromTitle(title: string, id: string): string[] {
  const aliases = new Set<string>([title.toLowerCase()]);
  for (const m of title.matchAll(/[„"“»]([^“”"«]+)[“”"«]/g)) {
    aliases.add(m[1].toLowerCase().trim());
    const head = m[1].split(/\s+[–—-]\s+/)[0].trim();
    if (head.length >= 4) aliases.add(head.toLowerCase());
  }
  const head = title.replace(/^(ausschreibung|aufruf|förderaufruf|call)\s+/i, '').split(/\s+[–—-]\s+/)[0].replace(/[„"“”»«]/g, '').trim();
  if (head.length >= 4) aliases.add(head.toLowerCase());
  aliases.add(id.replace(/-/g, ' '));
  return [...aliases].filter((a) => a.length >= 4);
}

/** Programmes for the answering side: curated ones, plus one derived from each uncurated source. */
export function buildPrograms(files: { program: ProgramFile }[], docs: SourceDocument[]): Program[] {
  const programs: Program[] = [];
  const covered = new Set<string>();
  for (const { program: p } of files) {
    const doc = docs.find((d) => d.file === p.source);
    if (!doc) continue;
    covered.add(doc.id);
    programs.push({
      id: p.id, kind: p.kind, name: p.name, shortName: p.shortName,
      aliases: [...new Set([p.shortName.toLowerCase(), ...p.aliases.map((a) => a.toLowerCase())])],
      docIds: [doc.id], documentTitle: p.documentTitle, url: p.url, handoffEmail: p.handoffEmail, curated: true,
      funder: p.funder, implementer: p.implementer, contacts: p.contacts, deadline: p.deadline, facts: p.facts, rules: p.rules,
    });
  }
  for (const doc of docs) {
    if (covered.has(doc.id)) continue;
    const short = doc.title.match(/[„"“»]([^“”"«]+)[“”"«]/)?.[1]?.split(/\s+[–—-]\s+/)[0].trim() ?? doc.title;
    const email = doc.text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/)?.[0];
    // The sentence that gives the address is the quote, not the bare address.
    const emailSentence = email ? (doc.text.split(/(?<=[.!?])\s+|\n+/).find((x) => x.includes(email)) ?? email).trim() : undefined;
    programs.push({
      id: doc.id, kind: 'call', name: doc.title, shortName: short.slice(0, 60), aliases: aliasesFromTitle(doc.title, doc.id),
      docIds: [doc.id], documentTitle: doc.title, handoffEmail: undefined, curated: false, contacts: email ? [{ email, quote: emailSentence ?? email }] : [],
      facts: [], rules: [],
    });
  }
  return programs;
}
