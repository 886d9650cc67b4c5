import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TermList } from '../../src/nlu/termList.js';

describe('TermList', () => {
  const terms = new TermList([
    { en: ['signature', 'sign', 'signed'], de: ['Unterschrift'] },
    { en: ['register', 'registration', 'sign up'], de: ['Anmeldung'] },
    { en: ['deadline'], de: ['Frist'] },
  ]);

  it('reads "sign up" as registering, not as a signature', () => {
    expect(terms.heads('How do we sign up for the session?')).toEqual(['Anmeldung']);
    expect(terms.expand('How do we sign up?')).toEqual(['Anmeldung']);
  });

  it('still reads "sign" on its own, and both when both are asked', () => {
    expect(terms.heads('Who has to sign the application?')).toEqual(['Unterschrift']);
    expect(terms.heads('Who has to sign it, and how do we sign up?')).toEqual(['Unterschrift', 'Anmeldung']);
  });

  it('counts no word of a phrase of another entry as unknown', () => {
    expect(terms.unknownWords('When is the deadline to sign up for the Dorfcafe?')).toEqual(['dorfcafe']);
  });

  it('loads the shipped term list with the same precedence', () => {
    const shipped = TermList.load(join(import.meta.dirname, '../../knowledge/terms.yaml'));
    expect(shipped.heads('and how do we sign up?')).not.toContain('Unterschrift');
    expect(shipped.heads('Does the mayor have to sign?')).toContain('Unterschrift');
  });
});

describe('TermList.english', () => {
  it('gives the English words of each entry whose German words a German question uses, with their endings', () => {
    const terms = new TermList([
      { en: ['signature', 'sign'], de: ['Unterschrift', 'unterschreiben', 'unterschrieben'] },
      { en: ['deadline'], de: ['Frist'] },
    ]);
    expect(terms.english('Muss der Antrag unterschrieben werden?')).toEqual(['signature', 'sign']);
    expect(terms.english('Brauchen wir Unterschriften?')).toEqual(['signature', 'sign']);
    expect(terms.english('Wer ist Ansprechpartner?')).toEqual([]);
  });
});
