import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/knowledge/sentences.js';

describe('splitSentences', () => {
  it.each([
    ['"z.B." inside parentheses', 'Die Leitung (z.B. Bürgermeister:in) unterstützt die Bewerbung. Danach folgt der Vertrag.', 'Die Leitung (z.B. Bürgermeister:in) unterstützt die Bewerbung.'],
    ['"Dr." before a name', 'Fragen beantwortet Dr. Jenni Winterhagen gern. Schreiben Sie uns.', 'Fragen beantwortet Dr. Jenni Winterhagen gern.'],
    ['"Prof. Dr." before a name', 'Es spricht Prof. Dr. Petra Bendel vom Beirat. Danach Diskussion.', 'Es spricht Prof. Dr. Petra Bendel vom Beirat.'],
    ['"bzw." before a noun', 'Kommunen bzw. Stadtteile sind die Handlungsebene. Das ist zentral.', 'Kommunen bzw. Stadtteile sind die Handlungsebene.'],
    ['"ca." before a number', 'Es gibt ca. 80 Beratungstage. Mehr nicht.', 'Es gibt ca. 80 Beratungstage.'],
    ['a date with the month in words', 'Die Frist geht bis zum 28. Februar 2023. Danach ist Schluss.', 'Die Frist geht bis zum 28. Februar 2023.'],
    ['a day and month without a year', 'Die Frist zur Interessensbekundung ist der 8. September. Danach nicht mehr.', 'Die Frist zur Interessensbekundung ist der 8. September.'],
    ['a numeric date', 'Bewerben bis zum 28.2.2023 möglich. Danach nicht.', 'Bewerben bis zum 28.2.2023 möglich.'],
    ['"e.V." in a name', 'Der Träger (IMAP e.V.) hilft. Danke.', 'Der Träger (IMAP e.V.) hilft.'],
    ['an ordinal', 'Das ist die 2. Förderrunde des Landes. Sie läuft.', 'Das ist die 2. Förderrunde des Landes.'],
    ['a question inside a quoted title', 'Das Papier entstand im Projekt “Was bewegt Kommunen? Erfolgsfaktoren vor Ort” der Stiftung. Danach Dank.', 'Das Papier entstand im Projekt “Was bewegt Kommunen? Erfolgsfaktoren vor Ort” der Stiftung.'],
    ['a question inside German quotation marks', 'Die Broschüre „Wer hilft? Beratung vor Ort“ liegt bei. Sie ist kostenlos.', 'Die Broschüre „Wer hilft? Beratung vor Ort“ liegt bei.'],
    ['two days of one month', 'Die Auftaktwerkstatt ist am 20./21. April 2027 in Verden. Danach Coaching.', 'Die Auftaktwerkstatt ist am 20./21. April 2027 in Verden.'],
  ])('does not split at %s', (_label, text, first) => {
    const sentences = splitSentences(text);
    expect(sentences[0]).toBe(first);
    expect(sentences).toHaveLength(2);
  });

  it.each([
    ['periods', 'Erster Satz. Zweiter Satz. Dritter Satz.', ['Erster Satz.', 'Zweiter Satz.', 'Dritter Satz.']],
    ['question and exclamation marks', 'Ist das so? Ja! Gut.', ['Ist das so?', 'Ja!', 'Gut.']],
    ['a closing quotation mark', 'Er sagte: „Wir fördern Vielfalt.“ So der Minister.', ['Er sagte: „Wir fördern Vielfalt.“', 'So der Minister.']],
    ['a quoted question that ends the sentence', 'Sie fragen: „Wer darf sich bewerben?“ Das steht in Abschnitt 3.', ['Sie fragen: „Wer darf sich bewerben?“', 'Das steht in Abschnitt 3.']],
    ['a question after a closed quotation', 'Gilt „Kommune“ auch für Kreise? Ja.', ['Gilt „Kommune“ auch für Kreise?', 'Ja.']],
    ['a year at the end of a sentence', 'Das Programm läuft seit 2014. Es wird fortgesetzt.', ['Das Programm läuft seit 2014.', 'Es wird fortgesetzt.']],
  ])('splits at sentence ends marked by %s', (_label, text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it('keeps every character of the text apart from the spaces between sentences', () => {
    const text = 'Die Frist endet am 15. Januar 2029. Bewerbungen gehen per E-Mail an digital@example.net. Ist das klar? Ja.';
    expect(splitSentences(text).join(' ')).toBe(text);
  });

  it.each([
    ['a dotted short form in brackets', 'Die Förderlogiken von Fördermittelgebenden (v.a. Ministerien) sind kurz. Das ist ein Problem.', 2],
    ['a short form the list does not name', 'Die o.g. Kommunen und z.T. Landkreise sind gemeint. Danach folgt mehr.', 2],
    ['an abbreviated month before a year', 'Die Frist endet am 15. Jan. 2027 um 12 Uhr. Danach nicht mehr.', 2],
    ['a title before a name', 'Fragen beantwortet Hr. Meier gern. Rufen Sie an.', 2],
  ])('does not split after %s', (_label, text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});
