import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { ProgramDetector } from '../../src/nlu/programDetector.js';
import { useSeedsWithNewCall } from '../knowledge/tempKnowledge.js';

const knowledge = useSeedsWithNewCall();
let kb: KnowledgeBase;
let detector: ProgramDetector;
beforeAll(() => {
  kb = knowledge.kb();
  detector = new ProgramDetector(kb.programs, kb.vocabulary, (p) => kb.vocabularyOf(p));
});

const first = (text: string) => detector.detect(text)[0]?.id;

describe('ProgramDetector', () => {
  it.each([['Kann ich das Papierformular nutzen?'], ['Muss der Antrag auf Papier eingereicht werden?'], ['Reicht das Papier formular?'], ['Gibt es eine Studie über Integration?']])(
    'names no paper for a paper form or a study in general: "%s"',
    (text) => {
      expect(first(text)).toBeUndefined();
    },
  );

  it.each([
    ['Bis wann läuft KommA?', 'komma'],
    ['Was ist komma?', 'komma'],
    ['Braucht die KommA-Bewerbung eine Unterschrift?', 'komma'],
    ['Worum geht es bei „Kommunale Allianzen“?', 'komma'],
    ['Fragen an das IMAP-Institut', 'komma'],
    ['Bewerbungsfrist Komma?', 'komma'],
    ['Wie läuft das WIR-Programm?', 'wir-hessen'],
    ['Fördert WIR auch kleine Gemeinden?', 'wir-hessen'],
    ['Was fördert das HMSI?', 'wir-hessen'],
    ['Welche Fördersumme gibt es bei den hessischen Integrationsstrategien?', 'wir-hessen'],
    ['Was ist Weltoffene Kommune?', 'weltoffene-kommune'],
    ['Was macht PHINEO dort?', 'weltoffene-kommune'],
    ['Ist der BAMF-Aufruf für Vereine?', 'bamf-zusammenhalt'],
    ['Bis wann läuft das Interessenbekundungsverfahren?', 'bamf-zusammenhalt'],
    ['Was sagt das ILS-Papier zur Regelförderung?', 'ils-was-bewegt-kommunen'],
    ['Was bewegt Kommunen laut Studie?', 'ils-was-bewegt-kommunen'],
    ['Bis wann kann man sich für Nachbarschaft digital bewerben?', 'nachbarschaft-digital-2029'],
    ['Was ist Nachbarschaft-Digital?', 'nachbarschaft-digital-2029'],
    // The texts hold one paper: "the paper" is that one.
    ['Was sagt das Papier zur Verstetigung von Projekten?', 'ils-was-bewegt-kommunen'],
    ['Was empfiehlt die Studie zu kleinen Kommunen?', 'ils-was-bewegt-kommunen'],
    ['What does the paper say about civic engagement?', 'ils-was-bewegt-kommunen'],
  ])('finds the programme in "%s"', (text, id) => {
    expect(first(text)).toBe(id);
  });

  it.each([
    ['Bewerbungsfrist Kommaa?', 'komma'],
    ['Wie läuft Weltofene Kommune?', 'weltoffene-kommune'],
    ['Was ist Weltofen?', 'weltoffene-kommune'],
    ['Interessenbekundungsverfaren BAMF', 'bamf-zusammenhalt'],
  ])('tolerates the typo in "%s"', (text, id) => {
    expect(first(text)).toBe(id);
  });

  it.each([
    ['Nachbarschaft digtal Frist', 'nachbarschaft-digital-2029'],
    ['Nachbarschaf digital Frist', 'nachbarschaft-digital-2029'],
  ])('tolerates the typo in the two-word name in "%s"', (text, id) => {
    expect(first(text)).toBe(id);
  });

  it.each([
    ['Kommt das für uns in Frage?'],
    ['Wann kommt die Antwort?'],
    ['Wir sind eine Gemeinde in Bayern.'],
    ['wir möchten uns bewerben'],
    ['Die Summe ist wichtig.'],
    ['Warum ist das so?'],
    ['Gibt es ein Zimmer für das Treffen?'],
    ['Wie ist das Wetter?'],
  ])('finds no programme in "%s"', (text) => {
    expect(detector.detect(text)).toEqual([]);
  });

  it('does not take "wir" in "Wir sind eine hessische Gemeinde" for the WIR-Programm but takes "WIR"', () => {
    expect(detector.detect('Wir sind eine Gemeinde. Passt das?').map((p) => p.id)).not.toContain('wir-hessen');
    expect(first('Passt WIR zu uns?')).toBe('wir-hessen');
  });

  it('finds two programmes named in one question', () => {
    const ids = detector.detect('Was unterscheidet KommA und das WIR-Programm?').map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['komma', 'wir-hessen']));
    expect(ids).toHaveLength(2);
  });

  it('puts the longer, more specific name first', () => {
    expect(detector.detect('Weltoffene Kommune oder Kommune allgemein?')[0].id).toBe('weltoffene-kommune');
  });
});
