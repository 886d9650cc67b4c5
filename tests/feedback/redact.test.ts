import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../src/feedback/redact.js';

const cases: [string, string][] = [
  // e-mail addresses
  ['Schreiben Sie an anna.schmidt@kassel.de bitte', 'Schreiben Sie an [E-Mail] bitte'],
  ['Kontakt: a_b+foerder@stadt-musterhausen.nrw.de.', 'Kontakt: [E-Mail].'],
  ['anna (at) kassel (dot) de', '[E-Mail]'],
  // phone numbers
  ['Rufen Sie mich an: 030 1234567', 'Rufen Sie mich an: [Telefon]'],
  ['Tel. +49 (0)171 234-5678!', 'Tel. [Telefon]!'],
  ['0049 89 12345678', '[Telefon]'],
  ['(030) 123 456 78', '[Telefon]'],
  ['Telefon 0561/123456', 'Telefon [Telefon]'],
  ['+49 561 1234-56', '[Telefon]'],
  ['030 1234567 / 0171 2345678', '[Telefon]'],
  // IBAN
  ['IBAN DE89 3704 0044 0532 0130 00 bitte', 'IBAN [IBAN] bitte'],
  ['de89370400440532013000', '[IBAN]'],
  // names introduced as such
  ['Ich bin Anna Schmidt aus Kassel, bis wann KommA?', 'Ich bin [Name] aus Kassel, bis wann KommA?'],
  ['Mein Name ist Dr. Hans-Peter Müller-Lüdenscheidt.', 'Mein Name ist Dr. [Name].'],
  ['mein name ist anna schmidt und ich habe eine frage', 'mein name ist [Name] und ich habe eine frage'],
  ['Ich heiße Jana und arbeite in der Verwaltung', 'Ich heiße [Name] und arbeite in der Verwaltung'],
  ['My name is John Smith, I work for the council', 'My name is [Name], I work for the council'],
  ['I am Jane Doe from Leeds', 'I am [Name] from Leeds'],
  ['Ich bin Ursula von der Leyen', 'Ich bin [Name]'],
  ['Ich bin Frau Schmidt', 'Ich bin Frau [Name]'],
  ['Ich bin Bürgermeisterin Schmidt', 'Ich bin Bürgermeisterin [Name]'],
  ['Viele Grüße, Anna Schmidt', 'Viele Grüße, [Name]'],
  ['Ich bin die Anna', 'Ich bin die [Name]'],
  ['Mein Name ist A. Schmidt', 'Mein Name ist [Name]'],
  // roles and funding vocabulary stay
  ['Ich bin Bürgermeisterin und frage nach der Frist', 'Ich bin Bürgermeisterin und frage nach der Frist'],
  ['Ich bin Klimaschutzmanagerin der Stadt Kassel', 'Ich bin Klimaschutzmanagerin der Stadt Kassel'],
  ['Ich bin Kämmerer einer Gemeinde mit 8.000 Einwohnern', 'Ich bin Kämmerer einer Gemeinde mit 8.000 Einwohnern'],
  ['Ich bin KommA-Teilnehmerin', 'Ich bin KommA-Teilnehmerin'],
  ['Ich bin Ihnen dankbar', 'Ich bin Ihnen dankbar'],
  ['Ich bin neu hier', 'Ich bin neu hier'],
  ["I'm the Mayor", "I'm the Mayor"],
  ['Hallo, hier ist KommA gemeint', 'Hallo, hier ist KommA gemeint'],
  ['Bis wann läuft die Frist 08.09.2026 für 01/2026–2027?', 'Bis wann läuft die Frist 08.09.2026 für 01/2026–2027?'],
  ['Förderung 2024-2026, 8.000 € bzw. 50000 Euro, PLZ 01067 Dresden', 'Förderung 2024-2026, 8.000 € bzw. 50000 Euro, PLZ 01067 Dresden'],
  ['Brauchen wir eine Unterschrift der Bürgermeisterin?', 'Brauchen wir eine Unterschrift der Bürgermeisterin?'],
  ['', ''],
];

describe('redactPersonalData', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it('keeps words the caller names as never personal, such as programme names', () => {
    expect(redactPersonalData('Hier ist Zusammenhalt gemeint')).toBe('Hier ist [Name] gemeint');
    expect(redactPersonalData('Hier ist Zusammenhalt gemeint', { keep: ['Zusammenhalt'] })).toBe('Hier ist Zusammenhalt gemeint');
  });

  it('removes several kinds of personal data from one message', () => {
    const out = redactPersonalData('Mein Name ist Eva Meier, Tel. 0561 987654, eva.meier@example.org – Frist für KommA?');
    expect(out).toBe('Mein Name ist [Name], Tel. [Telefon], [E-Mail] – Frist für KommA?');
  });
});

describe('redactPersonalData on hostile input', () => {
  it.each([
    ['letters', 'a'.repeat(100_000)],
    ['digits', '0'.repeat(100_000)],
    ['dots', 'a.'.repeat(50_000)],
    ['plus signs', '+4'.repeat(50_000)],
    ['at signs', 'a@'.repeat(50_000)],
    ['repeated triggers', 'ich bin Anna '.repeat(8_000)],
    ['repeated strong triggers', 'mein name ist '.repeat(7_000)],
    ['spaced digits', '0 '.repeat(50_000)],
  ])('stays fast on 100 000 characters of %s', (_name, text) => {
    const started = performance.now();
    redactPersonalData(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
