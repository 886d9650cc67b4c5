import { describe, expect, it } from 'vitest';
import { composeMail } from '../../src/handoff/composeMail.js';
import { makeCase } from './support/fixtures.js';

const from = 'foerderlotse@imap-institut.de';

function sectionOf(text: string, title: string): string {
  const start = text.indexOf(`${title.toUpperCase()}\n`);
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start);
  const end = rest.indexOf('\n\n', title.length + 2);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('composeMail', () => {
  it('addresses the programme and names programme and reference in the subject', () => {
    const c = makeCase({ reference: 'FL-2611-7K3Q9' });
    const mail = composeMail(c, { from });
    expect(mail.to).toBe('komma@imap-institut.de');
    expect(mail.from).toBe('"Förderlotse" <foerderlotse@imap-institut.de>');
    expect(mail.subject).toBe('[Förderlotse] KommA – Kommunale Anpassung – Anfrage FL-2611-7K3Q9');
    expect(mail.replyTo).toBe('kaemmerei@musterstadt.de');
  });

  it('derives a stable Message-ID and reference header from the reference', () => {
    const c = makeCase({ reference: 'FL-2611-7K3Q9' });
    const a = composeMail(c, { from });
    const b = composeMail({ ...c, question: 'anders' }, { from });
    expect(a.headers['Message-ID']).toBe('<FL-2611-7K3Q9.handoff@imap-institut.de>');
    expect(b.headers['Message-ID']).toBe(a.headers['Message-ID']);
    expect(a.headers['X-Foerderlotse-Reference']).toBe('FL-2611-7K3Q9');
    expect(composeMail(makeCase(), { from }).headers['Message-ID']).not.toBe(a.headers['Message-ID']);
  });

  it('has the question, reply address, profile, transcript, sources and footer in German', () => {
    const mail = composeMail(makeCase(), { from });
    expect(sectionOf(mail.text, 'Frage (in den Worten des Nutzers)')).toContain(
      'Können wir als Gemeinde mit 4.800 Einwohnern auch einen Antrag für Klimaanpassung stellen?',
    );
    expect(sectionOf(mail.text, 'Antwortadresse')).toContain('kaemmerei@musterstadt.de');
    expect(sectionOf(mail.text, 'Vom Förderlotsen angebotene Quellen')).toContain('[1] Förderaufruf KommA 2026, Abschnitt 3');
    expect(mail.text).toContain('„Antragsberechtigt sind Städte, Gemeinden und Landkreise.“');
    expect(mail.text).toContain('https://example.org/komma.pdf');
    expect(mail.text).toMatch(/\n-- \nDiese Nachricht hat der Förderlotse automatisch erstellt und versendet\./);
  });

  it('prints the profile as an aligned two-column table', () => {
    const profile = sectionOf(composeMail(makeCase(), { from }).text, 'Profil').split('\n').slice(2);
    expect(profile).toEqual(['Kommune:        Musterstadt', 'Bundesland:     Hessen', 'Einwohnerzahl:  4.800']);
    const valueColumns = profile.map((l) => l.search(/\S+$/));
    expect(new Set(valueColumns).size).toBe(1);
  });

  it('labels transcript turns with speaker and German local time', () => {
    const transcript = sectionOf(composeMail(makeCase(), { from }).text, 'Gesprächsverlauf');
    expect(transcript).toContain('[14:01] Nutzer:      Gibt es Förderung für Hitzeaktionspläne?');
    expect(transcript).toContain('[14:01] Förderlotse: Ja, KommA fördert Anpassungskonzepte.');
    // The continuation line lines up under the text, not under the label.
    expect(transcript).toContain('\n                     Die Frist endet am 31.01.2027.');
    expect(transcript).toContain('[14:03] Nutzer:');
  });

  it('keeps only the last turns and says how many there were', () => {
    const transcript = Array.from({ length: 20 }, (_, i) => ({
      from: (i % 2 ? 'bot' : 'user') as 'bot' | 'user',
      text: `Nachricht ${i + 1}`,
      at: '2026-11-26T13:01:00.000Z',
    }));
    const text = composeMail(makeCase({ transcript }), { from, maxTurns: 4 }).text;
    expect(text).toContain('GESPRÄCHSVERLAUF (LETZTE 4 VON 20 NACHRICHTEN)');
    expect(text).toContain('Nachricht 20');
    expect(text).toContain('Nachricht 17');
    expect(text).not.toMatch(/Nachricht 16\b/);
  });

  it('says so when there is no profile, reply address, transcript or source', () => {
    const mail = composeMail(makeCase({ profile: null, replyTo: null, transcript: [], citations: [] }), { from });
    expect(sectionOf(mail.text, 'Profil')).toContain('kein Profil angegeben');
    expect(sectionOf(mail.text, 'Antwortadresse')).toContain('keine Antwortadresse angegeben');
    expect(mail.text).toContain('kein Gesprächsverlauf übermittelt');
    expect(mail.text).toContain('keine Quellen angeboten');
    expect(mail.replyTo).toBeUndefined();
    expect(mail.text).not.toContain('Musterstadt');
  });

  it('handles a case without programme', () => {
    const mail = composeMail(makeCase({ reference: 'FL-2611-AAAAA', programId: null, programName: null }), { from });
    expect(mail.subject).toBe('[Förderlotse] ohne Programmzuordnung – Anfrage FL-2611-AAAAA');
    expect(mail.headers['X-Foerderlotse-Program']).toBeUndefined();
    expect(mail.text).toContain('nicht zugeordnet');
  });

  it('leaves out the internal user key and strips control and bidi-override characters', () => {
    const c = makeCase({
      userKey: 'hash-5d41402abc4b2a76',
      question: 'Frist?\u0007\u202Egnirts\u202C Ende\r\nzweite Zeile',
      programName: 'KommA\r\nBcc: evil@example.org',
    });
    const mail = composeMail(c, { from });
    expect(JSON.stringify(mail)).not.toContain('hash-5d41402abc4b2a76');
    expect(mail.text).toContain('Frist?gnirts Ende\nzweite Zeile');
    expect(mail.text).not.toMatch(/[\u0007\u202E\r]/);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('only states what the case contains', () => {
    const c = makeCase({ profile: { Kommune: 'Musterstadt' }, citations: [] });
    const text = composeMail(c, { from }).text;
    // Every line is fixed wording, a section rule, or carries a value from the case.
    const values = [c.reference, c.programName!, 'Musterstadt', c.question, c.replyTo!, ...c.transcript.flatMap((t) => t.text.split('\n'))];
    const fixed = [
      /^Neue Anfrage über den Förderlotsen zum Programm /,
      /^(Referenz|Programm|Eingegangen|Chat-Sprache):/,
      /^[A-ZÄÖÜ ()-]+$/,
      /^-+$/,
      /^-- $/,
      /^keine Quellen angeboten$/,
      /^Diese Nachricht hat der Förderlotse automatisch erstellt und versendet\.$/,
      /^$/,
    ];
    for (const line of text.split('\n')) {
      const ok = fixed.some((re) => re.test(line)) || values.some((v) => line.includes(v.trim()));
      expect(ok, line).toBe(true);
    }
  });
});
