import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/answer/support.js';
import { Synonyms } from '../../src/nlu/synonyms.js';
import { stem } from '../../src/retrieval/textAnalysis.js';

const VOCAB = new Set<string>();

describe('Synonyms', () => {
  const syn = new Synonyms([
    ['Verwaltungsspitze', 'Verwaltungsleitung', 'Leitung der Gesamtverwaltung'],
    ['Webinar', 'Online-Informationsveranstaltung'],
  ]);

  it('gives the other entries of a word’s group, a phrase as all its content stems', () => {
    expect(syn.alternatives(stem('verwaltungsspitze'))).toEqual([[stem('verwaltungsleitung')], [stem('leitung'), stem('gesamtverwaltung')]]);
    // A hyphenated phrase is its parts, as questions' hyphenated words are.
    expect(syn.alternatives(stem('webinar'))).toEqual([[stem('online'), stem('informationsveranstaltung')]]);
    expect(syn.alternatives(stem('fördersumme'))).toEqual([]);
  });

  it('widens a search with the written synonyms of a text’s words', () => {
    expect(syn.expand('Braucht es die Verwaltungsspitze?')).toEqual(['Verwaltungsleitung', 'Leitung der Gesamtverwaltung']);
    expect(syn.expand('Bis wann?')).toEqual([]);
    expect(Synonyms.none.expand('Verwaltungsspitze')).toEqual([]);
  });

  it('lets coverage find a question word through a synonym the passage uses, and only then', () => {
    const passage = 'Die Leitung der Gesamtverwaltung unterstützt die Bewerbung.';
    const focus = [stem('verwaltungsspitze')];
    expect(coverage(focus, passage, VOCAB)).toBe(0);
    expect(coverage(focus, passage, VOCAB, syn)).toBe(1);
    // Every word of a phrase must be there: "Leitung" alone is not "Leitung der Gesamtverwaltung".
    expect(coverage(focus, 'Die Leitung des Projekts liegt beim Institut.', VOCAB, syn)).toBe(0);
  });

  it('loads knowledge/synonyms.yaml, is empty without the file and names the file when it is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synonyms-'));
    expect(Synonyms.load(join(dir, 'missing.yaml')).alternatives(stem('webinar'))).toEqual([]);
    writeFileSync(join(dir, 'ok.yaml'), '- [Webinar, Infoveranstaltung]\n');
    expect(Synonyms.load(join(dir, 'ok.yaml')).alternatives(stem('webinar'))).toEqual([[stem('infoveranstaltung')]]);
    writeFileSync(join(dir, 'bad.yaml'), '- [nur ein Wort]\n- 42\n');
    expect(() => Synonyms.load(join(dir, 'bad.yaml'))).toThrow(/bad\.yaml is invalid/);
  });

  it('loads the project’s own list', () => {
    const own = Synonyms.load(join(import.meta.dirname, '..', '..', 'knowledge', 'synonyms.yaml'));
    expect(own.alternatives(stem('webinare')).length).toBeGreaterThan(0);
  });
});

describe('coverage: separable verbs', () => {
  it.each([
    ['zusammenarbeiten', 'Die Lotsinnen arbeiten eng mit den Pflegestützpunkten zusammen.'],
    ['teilnehmen', 'Kommunen nehmen an vier Workshops teil.'],
    ['stattfinden', 'Die Werkstatt findet im März in Kassel statt.'],
  ])('finds "%s" when its particle stands apart: "%s"', (verb, passage) => {
    expect(coverage([stem(verb)], passage, VOCAB)).toBe(1);
  });

  it('needs both the verb and its particle', () => {
    expect(coverage([stem('zusammenarbeiten')], 'Die Lotsinnen arbeiten eng mit den Pflegestützpunkten.', VOCAB)).toBe(0);
    expect(coverage([stem('zusammenarbeiten')], 'Die Gemeinden kommen zusammen.', VOCAB)).toBe(0);
  });
});

describe('words: gender forms', () => {
  it('reads a gender star, colon or slash as the word it extends, and leaves times and "und/oder" alone', async () => {
    const { words } = await import('../../src/retrieval/textAnalysis.js');
    expect(words('Einwohner*innendialoge mit Bürgermeister:in und Mitarbeiter/innen')).toEqual(['einwohnerdialoge', 'mit', 'bürgermeister', 'und', 'mitarbeiter']);
    expect(words('um 14:00 Uhr, und/oder')).toEqual(['um', '14', '00', 'uhr', 'und', 'oder']);
  });
});
