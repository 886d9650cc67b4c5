import { describe, expect, it } from 'vitest';
import { blocksToText, cleanToBlocks, normalizeForQuote, type Block } from '../../src/knowledge/cleanText.js';

const texts = (blocks: Block[]) => blocks.map((b) => b.text);
const ofKind = (blocks: Block[], kind: Block['kind']) => blocks.filter((b) => b.kind === kind).map((b) => b.text);

describe('cleanToBlocks: words hyphenated across line breaks', () => {
  it.each([
    ['a blank line between the halves (PDF extraction)', 'Hass gehört mitt-\n\nlerweile zum Alltag.', 'mittlerweile'],
    ['a plain line break', 'Hass gehört mitt-\nlerweile zum Alltag.', 'mittlerweile'],
    ['trailing blanks after the hyphen', 'Die Beauftragte für Anti-   \n\nrassismus fördert das Projekt.', 'Antirassismus'],
    ['a page number between the halves', 'Sie erhalten rund 80 Bera-\n\n2\n\ntungstage.', 'Beratungstage'],
  ])('rejoins the word across %s', (_label, raw, word) => {
    const text = blocksToText(cleanToBlocks(raw, 'txt'));
    expect(text).toContain(word);
    expect(text).not.toMatch(/\w-\s+\w/);
  });

  it('keeps the hyphen when the text elsewhere spells the word with one ("imap-institut")', () => {
    const raw = 'Begleitet werden Sie durch das imap-\n\ninstitut in Düsseldorf.\n\nFragen an komma@imap-institut.de.';
    const text = blocksToText(cleanToBlocks(raw, 'txt'));
    expect(text).toContain('durch das imap-institut in Düsseldorf');
    expect(text).not.toContain('imapinstitut');
  });

  it('keeps a hyphenated e-mail address whole across the break', () => {
    const raw = 'Anmeldung bei komma@imap-insti-\n\ntut.de möglich.';
    expect(blocksToText(cleanToBlocks(raw, 'txt'))).toContain('komma@imap-institut.de');
  });

  it('keeps the truncation hyphen of "Beratungs- und Hilfestellen" across a line break', () => {
    const raw = 'Die Allianz zwischen Verwaltung, Beratungs-\nund Hilfestellen wird aufgebaut.';
    expect(blocksToText(cleanToBlocks(raw, 'txt'))).toContain('Beratungs- und Hilfestellen');
  });

  it('joins a hyphenated compound whose second part is capitalised without a space ("Online-Fortbildungen")', () => {
    const raw = 'Mitarbeitende nehmen bevorzugt an Online-\n\nFortbildungen und am Transferprogramm teil.';
    expect(blocksToText(cleanToBlocks(raw, 'txt'))).toContain('an Online-Fortbildungen und');
  });
});

describe('cleanToBlocks: noise removed', () => {
  it.each([
    ['a lone page number', 'Erster Absatz endet hier.\n\n7\n\nZweiter Absatz beginnt hier.', /^\d+$/],
    ['a page number with blanks around it', 'Erster Absatz endet hier.\n \n 12 \n \nZweiter Absatz beginnt hier.', /^\d+$/],
    ['a separator line of asterisks', 'Erster Absatz endet hier.\n\n*** \n\nZweiter Absatz beginnt hier.', /^\*+$/],
  ])('drops %s', (_label, raw, noise) => {
    const blocks = cleanToBlocks(raw, 'txt');
    expect(texts(blocks).some((t) => noise.test(t))).toBe(false);
    expect(texts(blocks)).toEqual(['Erster Absatz endet hier.', 'Zweiter Absatz beginnt hier.']);
  });

  it('keeps numbers that stand inside a line', () => {
    const text = blocksToText(cleanToBlocks('Gefördert werden bis zu 40 Modellkommunen.\n\n3\n\nDie Auswahl folgt.', 'txt'));
    expect(text).toBe('Gefördert werden bis zu 40 Modellkommunen.\n\nDie Auswahl folgt.');
  });

  it('removes soft hyphens and control characters', () => {
    const text = blocksToText(cleanToBlocks('Bewer\u00adbungs\u0007frist endet.', 'txt'));
    expect(text).toBe('Bewerbungsfrist endet.');
  });
});

describe('cleanToBlocks: HTML', () => {
  it.each([
    ['<b> tags between words', '<p>Die <b>Bewerbungsfrist</b> endet am 15. Januar.</p>', 'Die Bewerbungsfrist endet am 15. Januar.'],
    ['footnote markers in <sup>', '<p>Gefördert werden Kommunen<sup>1</sup> in Hessen.</p>', 'Gefördert werden Kommunen in Hessen.'],
    ['named entities', '<p>Stra&szlig;e &amp; Pl&auml;tze f&uuml;r &bdquo;alle&ldquo;</p>', 'Straße & Plätze für „alle“'],
    ['numeric entities', '<p>Gr&#252;&#223;e &#x2013; 8&#8239;000&nbsp;&euro;</p>', 'Grüße – 8 000 €'],
    ['scripts, styles and comments', '<style>p{color:red}</style><p>Text<!-- intern --> bleibt.</p><script>alert(1)</script>', 'Text bleibt.'],
  ])('removes %s', (_label, html, expected) => {
    const text = blocksToText(cleanToBlocks(html, 'html'));
    expect(text).toBe(expected);
    expect(text).not.toMatch(/<[^>]+>|&[a-z]+;|&#/i);
  });

  it('turns list items into bullet blocks and <h2> into a heading', () => {
    const html = '<h2>Leistungen</h2><ul><li>40 Beratungstage.</li><li>8.000 Euro Sachkosten.</li></ul><p>Weiteres folgt.</p>';
    expect(cleanToBlocks(html, 'html')).toEqual([
      { kind: 'heading', text: 'Leistungen' },
      { kind: 'bullet', text: '40 Beratungstage.' },
      { kind: 'bullet', text: '8.000 Euro Sachkosten.' },
      { kind: 'paragraph', text: 'Weiteres folgt.' },
    ]);
  });

  it.each([
    ['a word', '<p><b>Förder</b>summe bis 20.000 Euro.</p>', 'Fördersumme bis 20.000 Euro.'],
    ['punctuation', '<p>Die Frist endet <i>bald</i>. Mehr <a href="/faq">hier</a>.</p>', 'Die Frist endet bald. Mehr hier.'],
  ])('removes inline tags without splitting %s', (_label, html, expected) => {
    expect(blocksToText(cleanToBlocks(html, 'html'))).toBe(expected);
  });

  it('ends a list item at </li> even when it has no final punctuation', () => {
    const html = '<ul><li>40 Beratungstage</li><li>8.000 Euro Sachkosten</li></ul><p>Weiteres folgt.</p>';
    expect(cleanToBlocks(html, 'html')).toEqual([
      { kind: 'bullet', text: '40 Beratungstage' },
      { kind: 'bullet', text: '8.000 Euro Sachkosten' },
      { kind: 'paragraph', text: 'Weiteres folgt.' },
    ]);
  });

  it('strips inline HTML that appears inside a text or markdown file', () => {
    const raw = '<b>Kurzfassung .....</b>\t<b>3</b>\n\nDie Förderung ist befristet.';
    const text = blocksToText(cleanToBlocks(raw, 'md'));
    expect(text).not.toMatch(/<\/?b>/);
    expect(text).toContain('Die Förderung ist befristet.');
  });
});

describe('cleanToBlocks: markdown', () => {
  it.each([
    ['a link keeps its text', 'Mehr unter [www.ils-forschung.de](http://www.ils-forschung.de) nachlesen.', 'Mehr unter www.ils-forschung.de nachlesen.'],
    ['bold emphasis with underscores', 'Das ist __sehr wichtig__ für Kommunen.', 'Das ist sehr wichtig für Kommunen.'],
    ['italic emphasis', 'Das ist *wichtig* und _dringend_ für Kommunen.', 'Das ist wichtig und dringend für Kommunen.'],
    ['escaped asterisk in a gender star', 'Die Autor\\*innen danken allen.', 'Die Autor*innen danken allen.'],
    ['escaped underscore', 'Foto: AdobeStock\\_425497915 (Titelseite).', 'Foto: AdobeStock_425497915 (Titelseite).'],
    ['inline code ticks', 'Der Wert `Frist` steht im Formular.', 'Der Wert Frist steht im Formular.'],
  ])('removes markup: %s', (_label, md, expected) => {
    expect(blocksToText(cleanToBlocks(md, 'md'))).toBe(expected);
  });

  it('keeps the gender star of unescaped words like "Expert*innen"', () => {
    expect(blocksToText(cleanToBlocks('Die Expert*innen empfehlen das.', 'md'))).toBe('Die Expert*innen empfehlen das.');
  });

  it('takes a directive\'s "§ 8 Title" line for the heading of its numbered paragraphs', () => {
    const blocks = cleanToBlocks('§ 8 Veröffentlichung, Vertraulichkeit\n\n(1) Die Behörde veröffentlicht die Namen.\n\n(2) Von der Veröffentlichung nach Absatz 1 kann abgesehen werden.', 'txt');
    expect(ofKind(blocks, 'heading')).toEqual(['§ 8 Veröffentlichung, Vertraulichkeit']);
    expect(ofKind(blocks, 'paragraph')).toHaveLength(2);
    // A sentence that merely cites a paragraph stays a sentence.
    expect(ofKind(cleanToBlocks('Die Frist richtet sich nach § 7 Absatz 1.', 'txt'), 'heading')).toEqual([]);
  });

  it('reads a question-and-answer sheet ("F: … ?" / "A: …") without its labels', () => {
    const blocks = cleanToBlocks('F:\tMuss der Antrag unterschrieben werden?\nA:\tJa. Das Original geht per Post.\n\nA: Anlage 1 liegt bei.', 'txt');
    expect(blocks.slice(0, 2)).toEqual([
      { kind: 'question', text: 'Muss der Antrag unterschrieben werden?' },
      { kind: 'paragraph', text: 'Ja. Das Original geht per Post.' },
    ]);
    // Only an answer to a question loses its "A:".
    expect(blocks[2].text).toBe('A: Anlage 1 liegt bei.');
  });

  it('keeps "Nicht antragsberechtigt sind" above its lettered items as their intro, but "Wer gefördert wird" as a heading', () => {
    const blocks = cleanToBlocks('Nicht antragsberechtigt sind\na)\tVereine,\nb)\tStiftungen.\n\nWer gefördert wird\n\nGemeinden.', 'txt');
    expect(ofKind(blocks, 'heading')).toEqual(['Wer gefördert wird']);
    expect(ofKind(blocks, 'bullet')).toEqual(['Vereine,', 'Stiftungen.']);
    expect(texts(blocks)[0]).toBe('Nicht antragsberechtigt sind:');
  });

  it('reads an HTML definition list as rows of facts, and a term asked as a question as an FAQ entry', () => {
    const html = '<dl><dt>Bewerbungsschluss</dt><dd>25. Februar 2027, 14:00 Uhr</dd><dt>Wer kann sich bewerben?</dt><dd>Gemeinden in Sachsen</dd><dt>Förderer</dt><dd>Stiftung A</dd><dd>Land B</dd></dl>';
    expect(cleanToBlocks(html, 'html')).toEqual([
      { kind: 'paragraph', text: 'Bewerbungsschluss: 25. Februar 2027, 14:00 Uhr' },
      { kind: 'question', text: 'Wer kann sich bewerben?' },
      { kind: 'paragraph', text: 'Gemeinden in Sachsen' },
      { kind: 'paragraph', text: 'Förderer: Stiftung A; Land B' },
    ]);
  });

  it('turns "#" lines into headings without the hashes', () => {
    const blocks = cleanToBlocks('# Was bewegt Kommunen?\n\n## Kurzfassung\n\nText folgt hier.', 'md');
    expect(ofKind(blocks, 'heading')).toEqual(['Was bewegt Kommunen?', 'Kurzfassung']);
  });

  it.each([
    ['in a sentence', 'Das ist **sehr wichtig** für Kommunen.', 'Das ist sehr wichtig für Kommunen.'],
    ['around a heading', '## **Inhaltsverzeichnis**', 'Inhaltsverzeichnis'],
  ])('removes "**" bold markers completely %s', (_label, md, expected) => {
    expect(blocksToText(cleanToBlocks(md, 'md'))).toBe(expected);
  });

  it('ends a markdown list item at the blank line before the next paragraph', () => {
    const blocks = cleanToBlocks('- 40 Beratungstage\n- 8.000 Euro Sachkosten\n\nWeiteres folgt.', 'md');
    expect(texts(blocks)).toEqual(['40 Beratungstage', '8.000 Euro Sachkosten', 'Weiteres folgt.']);
  });

  it('treats markdown ordered-list items as content, not headings', () => {
    const blocks = cleanToBlocks('1. Die Verwaltungsleitung unterstützt die Bewerbung\n2. Eine Ansprechperson wird benannt', 'md');
    expect(ofKind(blocks, 'heading')).toEqual([]);
  });
});

describe('cleanToBlocks: structure', () => {
  it.each([
    ['•', '• Sie erhalten Begleitung.\n• Sie stärken sich als Verwaltung.\n• Sie nehmen teil.'],
    ['-', '- Sie erhalten Begleitung.\n- Sie stärken sich als Verwaltung.\n- Sie nehmen teil.'],
    ['–', '– Sie erhalten Begleitung.\n– Sie stärken sich als Verwaltung.\n– Sie nehmen teil.'],
  ])('makes each "%s" bullet its own block', (_bullet, raw) => {
    const blocks = cleanToBlocks(raw, 'txt');
    expect(blocks.map((b) => b.kind)).toEqual(['bullet', 'bullet', 'bullet']);
    expect(texts(blocks)).toEqual(['Sie erhalten Begleitung.', 'Sie stärken sich als Verwaltung.', 'Sie nehmen teil.']);
  });

  it('continues a bullet that wraps onto the next line', () => {
    const blocks = cleanToBlocks('• Sie erhalten eine kostenfreie Begleitung von rund 80 Bera-\n\ntungstagen.\n• Zweiter Punkt.', 'txt');
    expect(texts(blocks)).toEqual(['Sie erhalten eine kostenfreie Begleitung von rund 80 Beratungstagen.', 'Zweiter Punkt.']);
  });

  it('detects FAQ questions and keeps the answer as the next block', () => {
    const raw = 'Fragen und Antworten\n\nIst eine Unterschrift erforderlich?\nFür die Bewerbung genügt eine formlose E-Mail.\n\nWerden die Pilotregionen veröffentlicht?\nJa, nach der Auswahl.';
    const blocks = cleanToBlocks(raw, 'txt');
    expect(ofKind(blocks, 'question')).toEqual(['Ist eine Unterschrift erforderlich?', 'Werden die Pilotregionen veröffentlicht?']);
    const i = blocks.findIndex((b) => b.text === 'Ist eine Unterschrift erforderlich?');
    expect(blocks[i + 1]).toEqual({ kind: 'paragraph', text: 'Für die Bewerbung genügt eine formlose E-Mail.' });
  });

  it('joins a question that wraps across lines into one question block', () => {
    const blocks = cleanToBlocks('Was passiert, wenn sich Angaben im Bewerbungsformular nach der Einreichung\n\nändern?\n\nSie teilen es uns mit.', 'txt');
    expect(ofKind(blocks, 'question')).toEqual(['Was passiert, wenn sich Angaben im Bewerbungsformular nach der Einreichung ändern?']);
  });

  it.each([
    ['a short title line', 'Teilnahmevoraussetzungen\n\nBewerben können sich Landkreise.', 'Teilnahmevoraussetzungen'],
    ['a title directly followed by text', 'Ihr Mehrwert als Modellkommune\nSie erhalten Begleitung.', 'Ihr Mehrwert als Modellkommune'],
    ['a title before bullets', 'Voraussetzungen für die Bewerbung\n• Die Teilnahme ist kostenfrei.', 'Voraussetzungen für die Bewerbung'],
    [
      'a long quoted title line',
      'Ausschreibung „Nachbarschaft digital – Begegnung trotz Entfernung 2029“\n\nDas Institut ruft Landkreise auf.',
      'Ausschreibung „Nachbarschaft digital – Begegnung trotz Entfernung 2029“',
    ],
  ])('detects a heading: %s', (_label, raw, heading) => {
    expect(ofKind(cleanToBlocks(raw, 'txt'), 'heading')).toEqual([heading]);
  });

  it.each([
    ['a sentence that wraps after a function word', 'Gefördert werden Kommunen mit\nEinwohnern in Hessen.'],
    ['a line ending in a comma', 'Landkreise, kreisfreie Städte,\nGemeinden können sich bewerben.'],
  ])('does not take %s for a heading', (_label, raw) => {
    const blocks = cleanToBlocks(raw, 'txt');
    expect(ofKind(blocks, 'heading')).toEqual([]);
    expect(blocks).toHaveLength(1);
  });

  it('rebuilds a paragraph wrapped over several lines into one block and keeps a bare link apart', () => {
    const raw = 'Interessierte Kommunen – Landkreise, kreisfreie Städte sowie kreisangehörige Städte und Ge-\n\nmeinden – können sich bis zum 28.2.2023 bewerben. Alle Informationen finden Sie hier:\n\nwww.imap-institut.de/de/kommunale-allianzen.';
    expect(texts(cleanToBlocks(raw, 'txt'))).toEqual([
      'Interessierte Kommunen – Landkreise, kreisfreie Städte sowie kreisangehörige Städte und Gemeinden – können sich bis zum 28.2.2023 bewerben. Alle Informationen finden Sie hier:',
      'www.imap-institut.de/de/kommunale-allianzen.',
    ]);
  });
});

describe('blocksToText and normalizeForQuote', () => {
  it('separates blocks by blank lines', () => {
    expect(blocksToText([{ kind: 'heading', text: 'A' }, { kind: 'paragraph', text: 'B c.' }])).toBe('A\n\nB c.');
  });

  it('makes quotes comparable across quote styles, dashes and whitespace', () => {
    expect(normalizeForQuote('„Kommunale  Allianzen“ –\nStrategien')).toBe(normalizeForQuote('"Kommunale Allianzen" - Strategien'));
  });
});

describe('cleanToBlocks: layouts of calls nobody curated', () => {
  it('ends a paragraph at a blank line before a capitalised line, but not inside a broken sentence', () => {
    const blocks = cleanToBlocks('Bekanntmachung des Ministeriums\nvom 14. Oktober 2026\n\nRichtlinie zur Förderung von Bürgerbussen\n\nDie Kommunen\n\nerhalten Zuschüsse.', 'txt');
    expect(blocks.map((b) => b.text)).toEqual(['Bekanntmachung des Ministeriums vom 14. Oktober 2026', 'Richtlinie zur Förderung von Bürgerbussen', 'Die Kommunen erhalten Zuschüsse.']);
  });

  it('drops page furniture of extracted PDFs: "- 2 -", "Seite 2 von 4" and a header repeated on every page', () => {
    const page = (n: number, body: string) => `Stiftung Teilhabe · Ausschreibung 2027\n\n${body}\n\n- ${n} -\n\nSeite ${n} von 3\n`;
    const text = page(1, 'Gefördert werden Vereine.') + page(2, 'Der Eigenanteil beträgt 20 %.') + page(3, 'Die Frist endet am 31. Januar 2027.');
    const out = blocksToText(cleanToBlocks(text, 'txt'));
    expect(out).not.toMatch(/Stiftung Teilhabe · Ausschreibung|Seite \d von|- \d -/);
    expect(out).toContain('Der Eigenanteil beträgt 20 %.');
  });

  it('keeps list items that differ only in their numbers, one under the other, and still drops rulers of "="', () => {
    const text = '3. Preise\n\nDas Preisgeld wird wie folgt vergeben:\n\n- 1. Preis: 150.000 Euro\n- 2. Preis: 100.000 Euro\n- 3. Preis: 75.000 Euro\n\n==========\nFolie 2\n==========\n\nZusätzlich gibt es Anerkennungen.';
    const blocks = cleanToBlocks(text, 'txt');
    expect(blocks.filter((b) => b.kind === 'bullet').map((b) => b.text)).toEqual(['1. Preis: 150.000 Euro', '2. Preis: 100.000 Euro', '3. Preis: 75.000 Euro']);
    expect(blocksToText(blocks)).not.toMatch(/===/);
  });

  it('treats line breaks of an HTML source as spaces, and a <details> entry\'s <summary> as its question', () => {
    const html = '<p class=MsoNormal><i>Veröffentlicht am 16.&nbsp;November\n2026</i></p>\n<details>\n  <summary>Können wir anonym teilnehmen?</summary>\n  <p>Nein. Alle geförderten\nKommunen werden genannt.</p>\n</details>';
    const blocks = cleanToBlocks(html, 'html');
    expect(blocks.map((b) => b.text)).toEqual(['Veröffentlicht am 16. November 2026', 'Können wir anonym teilnehmen?', 'Nein. Alle geförderten Kommunen werden genannt.']);
    expect(blocks[1].kind).toBe('question');
  });

  it('reads a table whose rows each have a <th> key and a <td> value as "Key: Value" lines, not as a schedule with a header row', () => {
    const html = '<table><tr><th>Antragsfrist (Projektskizze)</th><td>31. März 2027, 12:00 Uhr</td></tr><tr><th>Fördersumme</th><td>50.000 bis 400.000 Euro</td></tr></table>';
    const out = blocksToText(cleanToBlocks(html, 'html'));
    expect(out).toContain('Antragsfrist (Projektskizze): 31. März 2027, 12:00 Uhr');
    expect(out).toContain('Fördersumme: 50.000 bis 400.000 Euro');
    expect(out).not.toMatch(/Antragsfrist \(Projektskizze\): Fördersumme/);
  });

  it('repairs what OCR makes of umlauts, ligatures and a "1" in numbering, and leaves other text alone', () => {
    const text = 'Fo¨rderaufruf fu¨r A¨mter und Pﬂegestu¨tzpunkte\n\n2.l Antragsberechtigt sind Kreise.\n\nl. Ziel des Aufrufs\n\nAktenzeichen 4l2.07, Stempel l6. 0KT. 2026, Regel l bleibt.';
    const out = blocksToText(cleanToBlocks(text, 'txt'));
    expect(out).toContain('Förderaufruf für Ämter und Pflegestützpunkte');
    expect(out).toContain('2.1 Antragsberechtigt sind Kreise.');
    expect(out).toContain('1. Ziel des Aufrufs');
    expect(out).toContain('412.07');
    expect(out).toContain('Regel l bleibt.');
    // A combining diaeresis (U+0308) becomes the one letter, so "für" is found whichever way it was typed.
    expect(blocksToText(cleanToBlocks('Antra\u0308ge fu\u0308r alle', 'txt'))).toBe('Anträge für alle');
  });

  it('drops table of contents entries with dot leaders, but keeps an ellipsis in a sentence', () => {
    const text = 'Inhalt\n\nKurzfassung ..... 3\nTeil I: Erfolgsfaktoren der Umsetzung .......... 6\nAnhang …… 19\n\nTeil I: Erfolgsfaktoren der Umsetzung\n\nGefördert werden Kommunen, Kreise usw. ... und Vereine.';
    const out = blocksToText(cleanToBlocks(text, 'txt'));
    expect(out).not.toMatch(/\.{4}|……|Kurzfassung/);
    expect(out).toContain('Teil I: Erfolgsfaktoren der Umsetzung');
    expect(out).toContain('Gefördert werden Kommunen, Kreise usw. ... und Vereine.');
  });

  it('keeps a one-line fact ("Bewerbungsschluss: 15. März") as text, not as a heading', () => {
    const blocks = cleanToBlocks('Termine\n\nBewerbungsschluss: 15. März\n\nDie Teilnahme ist kostenfrei.', 'txt');
    expect(blocks.find((b) => b.text.startsWith('Bewerbungsschluss'))?.kind).toBe('paragraph');
  });

  it('reads Markdown block quotes as their lines', () => {
    const blocks = cleanToBlocks('## Kontakt\n\n> **Sabine Lorenz**\n> Telefon: 0331 / 58 29 47-3\n> E-Mail: s.lorenz@example.org', 'md');
    expect(blocksToText(blocks)).not.toContain('>');
    expect(blocksToText(blocks)).toContain('Sabine Lorenz');
  });
});

describe('cleanToBlocks: e-mails', () => {
  const mail = [
    'Die wichtigsten Termine:',
    '',
    '  Schritt                | Termin',
    '  -----------------------+-----------',
    '  Online-Infoabend       | 3. Dezember',
    '  Einsendeschluss        | 12. März',
    '',
    'Startseite | Presse',
    '',
    'Mit freundlichen Grüßen',
    'Jonas Pietrzak',
    '',
    '--',
    'Diese E-Mail kann vertrauliche Informationen enthalten. Sie möchten keine Einladungen mehr erhalten? Antworten Sie mit „Abmelden“.',
  ].join('\n');

  it('turns each row of a plain-text table into one fact and drops its ruler', () => {
    const lines = texts(cleanToBlocks(mail, 'txt'));
    expect(lines).toEqual(expect.arrayContaining(['Online-Infoabend: 3. Dezember', 'Einsendeschluss: 12. März']));
    expect(lines.join('\n')).not.toMatch(/-{5}\+/);
  });

  it('keeps a lone line with a bar as it is, and drops the footer after the signature delimiter', () => {
    const text = blocksToText(cleanToBlocks(mail, 'txt'));
    expect(text).toContain('Startseite | Presse');
    expect(text).toContain('Jonas Pietrzak');
    expect(text).not.toMatch(/vertrauliche|Abmelden/);
  });
});

describe('cleanToBlocks: sentences a PDF extraction broke across blank lines', () => {
  const texts = (raw: string, kind: 'txt' | 'md' = 'txt') => cleanToBlocks(raw, kind).map((b) => b.text);

  it.each([
    ['a line that ends in a function word', 'Die Teilnahme ist kostenfrei und erfordert keine Einbringung von\n\nEigenmitteln.', 'Die Teilnahme ist kostenfrei und erfordert keine Einbringung von Eigenmitteln.'],
    ['a long line cut after an adjective', '- antirassistische Strategiekonzepte, u.a. zu Clearingverfahren sowie antirassistische\n\nInterventions- und Beteiligungsstrategien zu entwickeln', 'antirassistische Strategiekonzepte, u.a. zu Clearingverfahren sowie antirassistische Interventions- und Beteiligungsstrategien zu entwickeln'],
    ['a semicolon at a line end', 'In diesem Fall stellt eine Kommune den Antrag für alle Beteiligten;\neine von allen unterzeichnete Vereinbarung ist beizufügen.', 'In diesem Fall stellt eine Kommune den Antrag für alle Beteiligten; eine von allen unterzeichnete Vereinbarung ist beizufügen.'],
  ])('joins %s', (_label, raw, joined) => {
    expect(texts(raw)).toContain(joined);
  });

  it('still ends a paragraph before a capitalised line after a short line or a full stop', () => {
    expect(texts('Ihr Mehrwert\n\nSie erhalten eine Begleitung.')).toEqual(['Ihr Mehrwert', 'Sie erhalten eine Begleitung.']);
    expect(texts('Die Frist endet am 1. März.\n\nDie Auswahl trifft eine Jury.')).toHaveLength(2);
  });
});

describe('cleanToBlocks: a web page saved as Markdown', () => {
  const page = [
    '[Zum Inhalt springen](#inhalt)',
    '',
    '* [Start](https://example.org/)',
    '* [Programme](https://example.org/programme)',
    '* [Kontakt](https://example.org/kontakt)',
    '',
    'Diese Website verwendet Cookies. [Einstellungen](#) [Alle akzeptieren](#)',
    '',
    'Sie sind hier: Start › Programme › Landfunken',
    '',
    '# Landfunken 2027',
    '',
    '| | |',
    '|---|---|',
    '| **Wie viel?** | bis zu 12.000 Euro |',
    '| **Bewerbungsschluss** | 28. Februar 2027 |',
    '',
    '### Muss die Bewerbung unterschrieben werden?',
    '',
    'Nein. Die Bewerbung erfolgt ohne Unterschrift.',
    '',
    'Mehr unter [unserer Seite](https://example.org/mehr).',
  ].join('\n');
  const blocks = cleanToBlocks(page, 'md');

  it('drops the menu, the skip link, the cookie line and the breadcrumb, but keeps links in sentences', () => {
    const text = blocksToText(blocks);
    expect(text).not.toMatch(/Start|Zum Inhalt|Cookies|Sie sind hier/);
    expect(text).toContain('Mehr unter unserer Seite.');
  });

  it('keeps each table row a fact of its own, also when the key is a question', () => {
    expect(blocks.map((b) => b.text)).toEqual(expect.arrayContaining(['Wie viel?: bis zu 12.000 Euro', 'Bewerbungsschluss: 28. Februar 2027']));
  });

  it('reads a "###" heading that asks as an FAQ question', () => {
    expect(blocks.find((b) => b.text.startsWith('Muss die Bewerbung'))?.kind).toBe('question');
    expect(blocks.find((b) => b.text === 'Landfunken 2027')?.kind).toBe('heading');
  });
});

describe('cleanToBlocks: forwarded and answered e-mails', () => {
  const mail = [
    'Moin,',
    '',
    '-------- Weitergeleitete Nachricht --------',
    'Von: Programmleitung <a@b.example>',
    '',
    '> WIE BEWERBEN?',
    '> - Interessenbekundung per E-Mail an',
    '>   bewegung@stiftung.example',
    '> - Frist: Freitag, 8. Januar 2027, 12:00 Uhr',
    '>',
    '> > Geht das?',
    '',
    'Nein. Für die Interessenbekundung genügt das Formular per',
    'E-Mail aus der Verwaltung; eine Unterschrift ist nicht nötig.',
  ].join('\n');
  const blocks = cleanToBlocks(mail, 'txt');
  const text = blocksToText(blocks);

  it('reads quoted lines without their "> " markers', () => {
    expect(text).not.toMatch(/(^|\s)>(\s|$)/m);
    expect(text).toContain('Interessenbekundung per E-Mail an bewegung@stiftung.example');
    expect(text).toContain('Frist: Freitag, 8. Januar 2027, 12:00 Uhr');
  });

  it('drops the forwarding separator line', () => {
    expect(text).not.toContain('Weitergeleitete Nachricht');
  });

  it('keeps an answer line that starts with "Nein." as prose, not as a heading', () => {
    expect(ofKind(blocks, 'heading')).not.toContain('Nein. Für die Interessenbekundung genügt das Formular per');
    expect(text).toContain('Nein. Für die Interessenbekundung genügt das Formular per E-Mail aus der Verwaltung; eine Unterschrift ist nicht nötig.');
  });
});

describe('cleanToBlocks: a table extracted one cell per line', () => {
  const raw = ['Es gelten folgende Fristen:', '', 'Tabelle 2: Fristen', 'Antragstellende', 'Stufe 1:', 'Projektskizze', 'Gruppe A (Landkreise)', '29. Januar 2027', 'Gruppe B (Gemeinden)', '26. Februar 2027', '', 'Verspätete Skizzen werden nicht berücksichtigt.'].join('\n');
  const blocks = cleanToBlocks(raw, 'pdf');

  it('keeps the cells with their caption in one paragraph, none of them a heading', () => {
    expect(ofKind(blocks, 'heading')).toEqual([]);
    expect(texts(blocks)).toContain('Tabelle 2: Fristen Antragstellende Stufe 1: Projektskizze Gruppe A (Landkreise) 29. Januar 2027 Gruppe B (Gemeinden) 26. Februar 2027');
  });
});


describe('cleanToBlocks: Word exports and static-site Markdown', () => {
  it('reads a paragraph that is bold as a whole as a question, and decodes &middot;', () => {
    const html = '<p class=MsoNormal><b><span lang=DE>13. Werden die Namen\nveröffentlicht?</span></b></p>\n<p class=MsoNormal><span>Nur mit Einwilligung &middot; jederzeit widerrufbar.</span></p>';
    const blocks = cleanToBlocks(html, 'html');
    expect(ofKind(blocks, 'question')).toEqual(['13. Werden die Namen veröffentlicht?']);
    expect(texts(blocks).join(' ')).toContain('Nur mit Einwilligung · jederzeit widerrufbar.');
  });

  it('names the cells of a schedule by their column and keeps a cell\'s paragraphs in the cell', () => {
    const html = '<table><tr><td><p>Stufe</p></td><td><p>Was</p></td><td><p>Frist</p></td></tr><tr><td><p>1</p></td><td><p>Interessenbekundung</p></td><td><p>Montag, 22. Februar 2027</p></td></tr></table>';
    expect(texts(cleanToBlocks(html, 'html'))).toContain('Stufe: 1; Was: Interessenbekundung; Frist: Montag, 22. Februar 2027');
  });

  it('leaves other tables as "Cell: Cell"', () => {
    const html = '<table><tr><th>Antragsteller</th><th>Einwohner</th></tr><tr><td>Kreisfreie Städte</td><td>nicht antragsberechtigt</td></tr></table>';
    expect(texts(cleanToBlocks(html, 'html'))).toContain('Kreisfreie Städte: nicht antragsberechtigt');
  });

  it('drops attribute lists and reads admonitions: a question on its own line, another title leading into its text', () => {
    const md = ['## Wer kann sich bewerben? { #wer }', '', '!!! warning "Nicht antragsberechtigt"', '    Landkreise und kreisfreie Städte.', '', '??? question "Muss die Bewerbung unterschrieben werden?"', '    Nein. Ein Häkchen genügt.'].join('\n');
    const blocks = cleanToBlocks(md, 'md');
    const all = texts(blocks).join('\n');
    expect(all).not.toMatch(/\{|!!!|\?\?\?/);
    expect(all).toContain('Nicht antragsberechtigt: Landkreise und kreisfreie Städte.');
    expect(ofKind(blocks, 'question')).toContain('Muss die Bewerbung unterschrieben werden?');
  });
});

describe('slides exported to text', () => {
  it('makes each slide title a heading of its own, even after a list item the footer removal left open', () => {
    const blocks = cleanToBlocks('Folie 5 – Runden\n• weitere Runden: derzeit nicht geplant\n\nFolie 6 – Wer kann beantragen?\n• amtsfreie Gemeinden\n• Ämter', 'txt');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Folie 5 – Runden'],
      ['bullet', 'weitere Runden: derzeit nicht geplant'],
      ['heading', 'Folie 6 – Wer kann beantragen?'],
      ['bullet', 'amtsfreie Gemeinden'],
      ['bullet', 'Ämter'],
    ]);
  });
});
