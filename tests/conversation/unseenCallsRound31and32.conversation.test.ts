import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the thirty-first and thirty-second evaluation rounds: a federal two-stage
// call, a Land agency page with a moved deadline, a Landkreis call with a list of help given line by
// line, a foundation call, a council-tablets page and a ministry circular.
const FILES = [
  'bmro-foerderaufruf-schaufenster-frei-2026.txt',
  'lgn-rlp-quellfrisch-wassertretbecken-2027.html',
  'rehbock-stiftung-abwasch-statt-abfall-2027.txt',
  'lra-aurachgrund-sichere-kroetenwege-2027.md',
  'mkv-niedersachsen-rundschreiben-lastenrad-kommunal-2027.txt',
  'skeb-ratsarbeit-digital-2027.html',
  'mfte-remember-together-2027-call.md',
];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('help besides the money, said over several lines', () => {
  it.each([
    ['Was bekommen die Gemeinden bei Sichere Krötenwege außer der Pauschale vom Landratsamt?', /leiht[\s\S]*Warnschilder[\s\S]*bildet/, /unterstützt der Landkreis/],
    ['Welche Unterstützung außer dem Zuschuss gibt es bei Quellfrisch?', /Bäderberaterin[\s\S]*Hinweistafel/, /Prozent/],
    ['Was bekommen geförderte Kommunen bei Schaufenster frei außer dem Geld?', /Leerstandsberatung[\s\S]*Transferwerkstätten/, /Millionen/],
  ])('quotes every line of it for "%s"', async (question, help, not) => {
    const text = await ask(question);
    expect(text).toMatch(help);
    expect(text).not.toMatch(not);
  });
});

describe('stages, signing and publication', () => {
  it('says no to a formal application without invitation', async () => {
    expect(await ask('Wir haben die Skizzenfrist bei Schaufenster frei verpasst. Können wir stattdessen bis zum 31. März 2027 direkt einen förmlichen Förderantrag stellen?')).toMatch(/^Nein – [\s\S]*ohne vorherige Aufforderung eingehen, werden nicht berücksichtigt/);
  });

  it('quotes the sentence an "Erst …" answers to', async () => {
    expect(await ask('Muss unser Bürgermeister die Bewerbung für Abwasch statt Abfall unterschreiben?')).toMatch(/^Nein – [\s\S]*keine Unterschrift nötig[\s\S]*Erst den Fördervertrag/);
  });

  it('reads "nennt alle geförderten Gemeinden" as published, and "kann nicht abgesehen werden" as no exception', async () => {
    expect(await ask('Could a municipality receive Abwasch statt Abfall funding without being named publicly?', 'en-US')).toMatch(/^No\b/);
    expect(await ask('Kann unsere Gemeinde verlangen, dass ihr Name bei Lastenrad kommunal nicht veröffentlicht wird?')).not.toMatch(/^Ja\b/);
  });
});

describe('what is funded, and how much for a size', () => {
  it.each([
    ['ist kompostierbares einweggeschirr bei abwasch statt abfall förderfähig?', /^Nein – [\s\S]*Einweggeschirr fördern wir nicht/],
    ['Können wir mit dem Geld aus Sichere Krötenwege einen festen Amphibientunnel unter unserer Gemeindestraße bauen?', /^Nein – [\s\S]*finanziert dieses Programm nicht/],
  ])('says no to "%s" from the sentence that refuses it', async (question, answer) => {
    expect(await ask(question)).toMatch(answer);
  });

  it('takes the row of a table by population for the size asked', async () => {
    expect(await ask('Unsere amtsfreie Gemeinde in Brandenburg hat genau 5.000 Einwohner. Welchen Festbetrag bekommen wir bei Ratsarbeit digital?')).toMatch(/bis 5\.000: 8\.000 Euro/);
    expect(await ask('Our town in Brandenburg has 15,001 inhabitants. How much would Ratsarbeit digital pay us?', 'en-US')).toMatch(/15\.001 bis 30\.000: 16\.000 Euro/);
  });
});

describe('a call written in English, asked in English', () => {
  it('finds the sentences by the question\'s own words and the English cues of each kind', async () => {
    expect(await ask('Can our municipality take part in Remember Together without being named publicly?', 'en-US')).toMatch(/unless a municipality asks not to be named/);
    expect(await ask('What do we have to attach to a Remember Together application?', 'en-US')).toMatch(/letter of support from a local dementia counselling service/);
  });
});

describe('a call for the places it names one by one', () => {
  it('says no to a place the call does not name, in German and English', async () => {
    expect(await ask('Die Gemeinde Lindenreuth im Landkreis Aurachgrund hat auch Krötenwanderungen. Kann sie bei Sichere Krötenwege mitmachen?')).toMatch(/^Nein – [\s\S]*Lindenreuth ist nicht darunter[\s\S]*Brunnried, Eschelbach/);
    expect(await ask('The municipality of Lindenreuth in the Aurachgrund district has toads too. Can it take part in Sichere Krötenwege?', 'en-US')).toMatch(/^No – [\s\S]*Lindenreuth is not one of them/);
  });

  it('says yes to a listed place, and names the list when no place is given', async () => {
    expect(await ask('Wir sind die Gemeinde Kirchwald. Können wir bei Sichere Krötenwege mitmachen?')).toMatch(/^Ja – Kirchwald gehört zu den Kommunen/);
    expect(await ask('Wir sind eine Gemeinde im Landkreis Aurachgrund. Können wir bei Sichere Krötenwege mitmachen?')).toMatch(/^Ja, aber nur unter Bedingung: [^\n]*namentlich genannten Kommunen \(Brunnried, [^)]*Weidling\)/);
  });
});

describe('when something other than applying happens', () => {
  it.each([
    ['Wann wird die Krötenwege-Pauschale ausgezahlt?', 'de-DE'],
    ['When will the Krötenwege lump sum be paid out?', 'en-US'],
    ['When will the Abwasch statt Abfall Spülmobil be delivered?', 'en-US'],
  ])('abstains for "%s" rather than giving the application deadline or a sentence without a time', async (question, locale) => {
    const text = await ask(question, locale);
    expect(text).toMatch(/keine gesicherte Information|could not find reliable information/);
    expect(text).not.toMatch(/Dezember|December|November|2\.500/);
  });

  it('takes the dated sentence over one with the year in the call\'s name', async () => {
    expect(await ask('Wann müssen die Zäune bei Sichere Krötenwege stehen?')).toMatch(/bis zum 15\. Februar 2027 aufgebaut/);
  });

  it('reads a time given relative to the approval', async () => {
    expect(await ask('Bis wann müssen die über Lastenrad kommunal geförderten Räder gekauft sein?')).toMatch(/innerhalb von sechs Monaten nach Zugang des Bewilligungsbescheids/);
    expect(await ask('By when do we have to buy the cargo bikes funded by Lastenrad kommunal?', 'en-US')).toMatch(/innerhalb von sechs Monaten/);
  });
});

describe('whether a thing is funded, asked as "förderfähig" or "eligible"', () => {
  it.each([
    ['Sind Smartphones für die Gemeindevertreter bei Ratsarbeit digital förderfähig?', 'de-DE', /^Nein – [\s\S]*Smartphones, Mobilfunkverträge/],
    ['Are smartphones eligible under Ratsarbeit digital?', 'en-US', /^No – [\s\S]*Smartphones, Mobilfunkverträge/],
    ['Sind Anhänger bei Lastenrad kommunal förderfähig?', 'de-DE', /^Ja – [\s\S]*Anhänger und Transportboxen werden zusammen mit dem Lastenrad gefördert/],
    ['Is a trailer for the cargo bike also eligible under Lastenrad kommunal?', 'en-US', /^Yes – [\s\S]*Anhänger und Transportboxen/],
  ])('answers "%s" from the sentence on that thing, not from who may apply', async (question, locale, answer) => {
    const text = await ask(question, locale);
    expect(text).toMatch(answer);
    expect(text).not.toMatch(/Antragsberechtigt sind/);
  });
});
