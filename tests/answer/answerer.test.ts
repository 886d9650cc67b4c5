import { beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import type { Answer } from '../../src/answer/types.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import type { Lang } from '../../src/nlu/language.js';
import type { ApplicantProfile } from '../../src/programs/eligibility.js';
import { answererFor, useSeedsWithNewCall } from '../knowledge/tempKnowledge.js';

const NOW = new Date('2026-11-21T12:00:00Z');
const ND = 'nachbarschaft-digital-2029';

const knowledge = useSeedsWithNewCall();
let kb: KnowledgeBase;
let answerer: Answerer;
beforeAll(() => {
  kb = knowledge.kb();
  answerer = answererFor(kb, knowledge.dir()).answerer;
});

function ask(text: string, opts: { lang?: Lang; programId?: string; profile?: ApplicantProfile; now?: Date; lastIntent?: string } = {}): Answer {
  return answerer.answer({ text, lang: opts.lang ?? 'de', now: opts.now ?? NOW, programId: opts.programId, profile: opts.profile, lastIntent: opts.lastIntent });
}

/** Whitespace-insensitive: quotes are compared with the cleaned text, which joins lines. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function expectVerbatimCitations(a: Answer): void {
  expect(a.citations.length).toBeGreaterThan(0);
  expect(a.grounded).toBe(true);
  for (const c of a.citations) {
    expect(c.docId, `citation without docId: ${c.quote}`).toBeDefined();
    const doc = kb.docs.get(c.docId!);
    expect(doc, `unknown document ${c.docId}`).toBeDefined();
    expect(squash(doc!.text)).toContain(squash(c.quote));
    expect(c.title.length).toBeGreaterThan(3);
    expect(c.version).toMatch(/^[0-9a-f]{8} \(\d{4}-\d{2}-\d{2}\)$/);
  }
}

type FactRow = [question: string, programId: string, intent: string, lead: RegExp, docId: string];
const GERMAN: FactRow[] = [
  ['Bis wann können wir uns für KommA bewerben?', 'komma', 'deadline', /28\.02\.2023.*abgelaufen.*1\.362 Tage/, 'komma-informationsschreiben-2023'],
  ['Wann ist Bewerbungsschluss für KommA?', 'komma', 'deadline', /28\.02\.2023/, 'komma-informationsschreiben-2023'],
  ['Brauchen wir für die KommA-Bewerbung die Unterschrift der Bürgermeisterin?', 'komma', 'signature', /^Nein – .*keine formale Unterschrift/, 'komma-informationsschreiben-2023'],
  // A name's adjective as declined ("den Kommunalen Allianzen"), "zeitlich", and colloquial words of paying.
  ['Wir wollen unsere Bewerbung für die Kommunalen Allianzen gegen Rassismus und Hass nächsten Monat abschicken. Passt das zeitlich noch?', 'komma', 'deadline', /^Die Bewerbungsfrist für KommA endete am 28\.02\.2023/, 'komma-informationsschreiben-2023'],
  ['müssen wir bei komma eigenes geld reinstecken oder ist das für die kommune umsonst?', 'komma', 'ownFunds', /^Nein – .*kostenfrei/, 'komma-informationsschreiben-2023'],
  // Asked the other way round ("ohne Unterschrift"), the same fact answers yes.
  ['Geht die KommA-Bewerbung auch ohne Unterschrift der Bürgermeisterin?', 'komma', 'signature', /^Ja – .*keine formale Unterschrift/, 'komma-informationsschreiben-2023'],
  ['Ist bei KommA eine anonyme Teilnahme möglich?', 'komma', 'anonymity', /^Ja – .*anonyme Teilnahme möglich/, 'komma-informationsschreiben-2023'],
  ['Dürfen sich auch kreisfreie Städte bei KommA bewerben?', 'komma', 'eligibility', /kreisfreie Städte/i, 'komma-informationsschreiben-2023'],
  ['Brauchen wir Eigenmittel für KommA?', 'komma', 'ownFunds', /^Nein – .*keine Eigenmittel/, 'komma-informationsschreiben-2023'],
  ['Welche Unterstützung erhalten KommA-Modellkommunen?', 'komma', 'benefits', /80 Beratungstage/, 'komma-informationsschreiben-2023'],
  ['Wohin wende ich mich bei Fragen zu KommA?', 'komma', 'contact', /komma@imap-institut\.de/, 'komma-informationsschreiben-2023'],
  ['Wer fördert KommA?', 'komma', 'funder', /Beauftragte der Bundesregierung.*IMAP Institut/, 'komma-informationsschreiben-2023'],
  // "Wann fanden die statt?" asks about the events named in the sentence before (plural included), not the deadline.
  ['Gab es zur KommA-Bewerbung Online-Infoveranstaltungen? Wann fanden die statt?', 'komma', 'deadline', /Am 31\. Januar um 14-15 Uhr und am 16\. Februar/, 'komma-informationsschreiben-2023'],
  // A name asked for, and the contact has one.
  ['Wie heißt die Ansprechpartnerin bei KommA?', 'komma', 'contact', /Dr\. Jenni Winterhagen und Leon Godeffroy/, 'komma-informationsschreiben-2023'],
  ['Wer hat die ILS-Studie finanziert?', 'ils-was-bewegt-kommunen', 'funder', /Stiftung Mercator/, 'ils-was-bewegt-kommunen-2022'],
  ['Was passiert, wenn sich nach der Einreichung der KommA-Bewerbung Angaben ändern?', 'komma', 'changes', /komma@imap-institut\.de/, 'komma-informationsschreiben-2023'],
  ['Bis wann konnten hessische Kommunen WIR-Anträge einreichen?', 'wir-hessen', 'deadline', /30\.11\.2019.*abgelaufen/, 'hessen-wir-integrationsstrategien-2019'],
  ['Welche Fördersumme gibt es bei den hessischen Integrationsstrategien?', 'wir-hessen', 'money', /20\.000 Euro/, 'hessen-wir-integrationsstrategien-2019'],
  ['Wer kann sich für das WIR-Programm bewerben?', 'wir-hessen', 'eligibility', /10\.000 bis 50\.000 Einwohnern/, 'hessen-wir-integrationsstrategien-2019'],
  ['Bis wann läuft das Interessenbekundungsverfahren des BAMF?', 'bamf-zusammenhalt', 'deadline', /8\. September.*kein Jahr/, 'bamf-zusammenhalt-trotz-distanz'],
  ['Können sich beim BAMF-Aufruf nur Kommunen bewerben?', 'bamf-zusammenhalt', 'eligibility', /^Nicht nur Kommunen.*Organisationen/, 'bamf-zusammenhalt-trotz-distanz'],
  ['An wen schicke ich das Interessenformular für Weltoffene Kommune?', 'weltoffene-kommune', 'contact', /Bianka Certa/, 'weltoffene-kommune-modellprojekt'],
  // Colloquial and lower-case words of receiving and funding name no topic.
  ['was genau kriegt man als modellkomune bei weltofene kommune? nur so nen selbstcheck?', 'weltoffene-kommune', 'benefits', /Selbstcheck mit moderiertem Workshop/, 'weltoffene-kommune-modellprojekt'],
  ['Aus wessen Mitteln wird Weltoffene Kommune gefördert und wer hat das Projekt angestoßen?', 'weltoffene-kommune', 'funder', /Beauftragte der Bundesregierung/, 'weltoffene-kommune-modellprojekt'],
  ['Wie hoch ist die Fördersumme bei Weltoffene Kommune?', 'weltoffene-kommune', 'money', /^Zu einer Fördersumme enthält der Text keine Angabe/, 'weltoffene-kommune-modellprojekt'],
  ['Was sagt das ILS-Papier zur Regelförderung?', 'ils-was-bewegt-kommunen', 'unknown', /Regelförderung/, 'ils-was-bewegt-kommunen-2022'],
  // The unseen call: no curated facts, answered from its text alone.
  ['Bis wann kann man sich für Nachbarschaft digital bewerben?', ND, 'deadline', /15\.01\.2029.*noch offen, noch 786 Tage/, ND],
  ['Ist für Nachbarschaft digital eine Unterschrift nötig?', ND, 'signature', /formlose E-Mail/, ND],
  // Its applicants are read from its own text: a verdict that quotes the sentence.
  ['Können sich kreisangehörige Gemeinden bei Nachbarschaft digital bewerben?', ND, 'eligibility', /^Nicht direkt – Gemeinden .*nur über ihren Landkreis/, ND],
  ['Wie hoch ist die Sachkostenpauschale bei Nachbarschaft digital?', ND, 'money', /8\.000 Euro/, ND],
  ['Brauchen wir Eigenmittel für Nachbarschaft digital?', ND, 'ownFunds', /Eigenanteil ist nicht erforderlich/, ND],
  ['Werden die Pilotregionen bei Nachbarschaft digital veröffentlicht?', ND, 'anonymity', /öffentlich bekannt gegeben/, ND],
  ['An wen gehen die Bewerbungen für Nachbarschaft digital?', ND, 'contact', /digital@example\.net/, ND],
];

describe('Answerer: German questions', () => {
  it.each(GERMAN)('answers "%s" from %s, leading with the fact', (question, programId, intent, lead, docId) => {
    const a = ask(question);
    // An eligibility question that describes the applicant ("kreisfreie Städte") may be answered as a verdict.
    expect(intent === 'eligibility' ? ['answer', 'verdict'] : ['answer']).toContain(a.kind);
    expect(a.intent).toBe(intent);
    expect(a.programId).toBe(programId);
    expect(a.text.slice(0, 300)).toMatch(lead);
    expect(a.citations.map((c) => c.docId)).toContain(docId);
  });

  it.each(GERMAN)('cites "%s" with a quote that is verbatim in the cited text', (question) => {
    expectVerbatimCitations(ask(question));
  });

  it.each([
    ['Braucht man für Nachbarschaft digital eine Unterschrift?', /formlose E-Mail/],
    ['Kann sich eine kreisangehörige Gemeinde direkt bei Nachbarschaft digital bewerben?', /^Nicht direkt – Gemeinden .*nur über ihren Landkreis/],
    ['Können sich Gemeinden direkt bei KommA bewerben?', /Gemeinden/],
  ])('answers "%s" instead of abstaining over an everyday word', (question, lead) => {
    const a = ask(question);
    expect(a.kind).not.toBe('abstain');
    expect(a.text).toMatch(lead);
  });

  it('cites the curated programme’s own title and link', () => {
    const c = ask('Bis wann läuft KommA?').citations[0];
    expect(c.title).toBe('KommA – Informationsschreiben zur Ausschreibung (IMAP Institut)');
    expect(c.url).toBe('http://www.imap-institut.de/de/kommunale-allianzen');
  });

  it('cites an uncurated call by its document title', () => {
    expect(ask('Bis wann läuft Nachbarschaft digital?').citations[0].title).toBe('Ausschreibung „Nachbarschaft digital – Begegnung trotz Entfernung 2029“');
  });

  it('offers next questions about the same programme, not the one just answered', () => {
    const a = ask('Bis wann läuft KommA?');
    const values = a.suggestions.map((s) => s.value);
    expect(values.some((v) => /Unterschrift/.test(v) && /KommA/.test(v))).toBe(true);
    expect(values.some((v) => /Bewerbungsfrist/.test(v))).toBe(false);
    expect(values.some((v) => /Projektleitung KommA/.test(v))).toBe(true);
  });
});

describe('Answerer: the clock decides the deadline status', () => {
  it.each([
    ['2023-02-01T12:00:00Z', /28\.02\.2023.*noch offen, noch 27 Tage/],
    ['2023-02-28T12:00:00Z', /endet heute, am 28\.02\.2023/],
    ['2023-03-01T12:00:00Z', /abgelaufen \(seit 1 Tagen\)|abgelaufen \(seit 1 Tag\)/],
  ])('on %s says the KommA deadline %s', (now, lead) => {
    expect(ask('Bis wann läuft KommA?', { now: new Date(now) }).text).toMatch(lead);
  });

  it('answers the unseen call’s deadline against the clock too', () => {
    expect(ask('Bis wann läuft Nachbarschaft digital?', { now: new Date('2029-01-16T12:00:00Z') }).text).toMatch(/15\.01\.2029.*abgelaufen/);
  });
});

describe('Answerer: abstains when the texts do not support an answer', () => {
  it.each([
    ['Wie ist das Wetter morgen?'],
    ['Wie ist das Wetter morgen in Berlin?'],
    ['Was kostet ein Parkausweis in Köln?'],
    ['Wohngeld beantragen'],
    ['Bekommen wir bei KommA Wohngeld?'],
    ['Wie viele Seiten darf die KommA-Bewerbung höchstens haben?'],
    ['Gibt es bei KommA eine Altersgrenze?'],
    ['Wie viele Einwohner muss eine Kommune für KommA mindestens haben?'],
    ['Ab wie vielen Einwohnern darf eine Kommune bei Weltoffene Kommune mitmachen?'],
    ['Wie lange dauert die Projektlaufzeit bei WIR?'],
    ['Braucht man beim BAMF-Aufruf eine Unterschrift?'],
    ['Kann man bei WIR anonym teilnehmen?'],
    ['Wie viel Geld bekommt man beim BAMF-Aufruf?'],
    ['Welche Farbe hat das KommA-Logo?'],
  ])('abstains on "%s", with no citation and an offer to pass the question on', (question) => {
    const a = ask(question);
    expect(a.kind).toBe('abstain');
    expect(a.citations).toEqual([]);
    expect(a.grounded).toBe(false);
    expect(a.text).toMatch(/keine gesicherte Information/);
    expect(a.suggestions.map((s) => s.value).join(' ')).toMatch(/Projektleitung/);
  });

  it('names the programme it could not answer for', () => {
    expect(ask('Welche Farbe hat das KommA-Logo?').text).toMatch(/Unterlagen zu KommA/);
  });

  it('abstains in English on an English question', () => {
    const a = ask('Tell me the weather forecast for tomorrow.', { lang: 'en' });
    expect(a.kind).toBe('abstain');
    expect(a.text).toMatch(/could not find reliable information/);
  });

  it.each([
    ['Wie beantrage ich Wohngeld?', 'de'],
    ['What is the weather like tomorrow?', 'en'],
    ['Wer ist der Ansprechpartner für Wohngeld?', 'de'],
  ] as [string, Lang][])('abstains on "%s" instead of asking which programme is meant', (question, lang) => {
    expect(ask(question, { lang }).kind).toBe('abstain');
  });

  it('abstains on a contact question for a call whose text names no contact (BAMF)', () => {
    expect(ask('Wer ist Ansprechpartner für den BAMF-Aufruf?').kind).toBe('abstain');
  });

  it('answers "Wie hoch ist die Förderung bei WIR?" with the curated amount', () => {
    expect(ask('Wie hoch ist die Förderung bei WIR?').text).toMatch(/20\.000 Euro/);
  });

  it('offers a well-formed handoff suggestion when no programme is known', () => {
    for (const s of ask('Wie ist das Wetter morgen?').suggestions) expect(s.value).not.toMatch(/\s{2}/);
  });
});

describe('Answerer: English questions over German texts', () => {
  it.each([
    ['When is the KommA deadline?', /^The application deadline for KommA was 28 February 2023 – it has passed/],
    ['Is a signature needed to apply for KommA?', /^No – .*does not need a formal signature/],
    ['Can we take part in KommA anonymously?', /^Yes – .*anonymous participation/],
    ['Who can apply for KommA?', /^Districts \(Landkreise\), independent cities/],
    ['How much money does the WIR programme give?', /up to EUR 20,000/],
    ['Whom do I contact about KommA?', /project leads .*komma@imap-institut\.de/],
    ['Who funds KommA?', /KommA is funded by the Federal Government Commissioner.*It is run by the IMAP Institut/],
    ['When is the deadline for Nachbarschaft digital?', /^The application deadline for Nachbarschaft digital is 15 January 2029 – it is still open, 786 days left/],
    // A call read from its text: an English "no" first when the German sentence says it plainly.
    ['Is a signature needed for Nachbarschaft digital?', /^No – according to the Nachbarschaft digital call text no signature is needed: “Für die Bewerbung genügt eine formlose E-Mail/],
    ['When does the BAMF expression of interest close?', /8 September – the text gives no year/],
    // "co-payment" is only in the term list: its German words tell the kind of question.
    ['Do we need a co-payment for Nachbarschaft digital?', /^No – .*no own contribution is required: “Ein Eigenanteil ist nicht erforderlich/],
  ])('answers "%s" with an English lead', (question, lead) => {
    const a = ask(question, { lang: 'en' });
    expect(a.kind).toBe('answer');
    expect(a.text).toMatch(lead);
    expect(a.text).not.toMatch(/\b(Bewerbungsfrist|abgelaufen|Laut Ausschreibung|Nein|Ja)\b/);
    expectVerbatimCitations(a);
  });

  it('offers English suggestions', () => {
    const values = ask('When is the KommA deadline?', { lang: 'en' }).suggestions.map((s) => s.value).join(' | ');
    expect(values).toMatch(/Who can apply for KommA\?/);
    expect(values).not.toMatch(/Wer kann/);
  });
});

describe('Answerer: follow-ups keep the programme', () => {
  it.each([
    ['Und bis wann?', 'komma', 'de', /KommA.*28\.02\.2023/],
    ['Und die Unterschrift?', 'komma', 'de', /keine formale Unterschrift/],
    ['Wer ist Ansprechpartner?', 'komma', 'de', /komma@imap-institut\.de/],
    ['Und bis wann?', ND, 'de', /15\.01\.2029/],
    ['Wie hoch ist die Sachkostenpauschale?', ND, 'de', /8\.000 Euro/],
    ['And the deadline?', 'wir-hessen', 'en', /30 November 2019/],
    ['What about the signature?', 'komma', 'en', /^No – /],
  ] as [string, string, Lang, RegExp][])('answers "%s" about %s from the conversation', (question, programId, lang, lead) => {
    const a = ask(question, { programId, lang });
    expect(a.kind).toBe('answer');
    expect(a.programId).toBe(programId);
    expect(a.text).toMatch(lead);
    expectVerbatimCitations(a);
  });

  it('switches to a programme named in the follow-up', () => {
    const a = ask('Bis wann läuft das WIR-Programm?', { programId: 'komma' });
    expect(a.programId).toBe('wir-hessen');
    expect(a.text).toMatch(/30\.11\.2019/);
  });

  it('does not turn small talk into an answer about the remembered programme', () => {
    expect(ask('Danke!', { programId: 'komma' }).kind).toBe('smalltalk');
  });

  it('does not attach an unrelated question to the remembered programme', () => {
    expect(ask('Wie ist das Wetter morgen?', { programId: 'komma' }).kind).toBe('abstain');
  });
});

describe('Answerer: ambiguous questions', () => {
  it.each([['Muss man unterschreiben?'], ['Bis wann?'], ['Wer kann sich bewerben?'], ['Gibt es eine Fördersumme?']])('asks which programme is meant for "%s"', (question) => {
    const a = ask(question);
    expect(a.kind).toBe('clarify');
    expect(a.citations).toEqual([]);
    expect(a.text).toMatch(/welches meinen Sie/);
    const titles = a.suggestions.map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['KommA', 'WIR-Programm Hessen', 'Weltoffene Kommune', 'Nachbarschaft digital']));
    expect(titles).not.toContain('ILS-Papier');
    for (const s of a.suggestions) expect(s.value).toContain(s.title);
  });

  it('resolves the clarification when the user picks a suggestion', () => {
    const clarify = ask('Muss man unterschreiben?');
    const pick = clarify.suggestions.find((s) => s.title === 'KommA')!;
    // The conversation remembers what was asked; the pick names only the programme.
    const a = ask(pick.value, { lastIntent: clarify.intent });
    expect(a.kind).toBe('answer');
    expect(a.text).toMatch(/keine formale Unterschrift/);
  });

  it('answers a question specific enough to name its text without the programme ("Sachkostenpauschale?")', () => {
    const a = ask('Sachkostenpauschale?');
    expect(a.kind).toBe('answer');
    expect(a.programId).toBe(ND);
    expect(a.text).toMatch(/8\.000 Euro/);
  });

  it('answers "Wie hoch ist die Sachkostenpauschale?" from the one text that has it', () => {
    const a = ask('Wie hoch ist die Sachkostenpauschale?');
    expect(a.kind).toBe('answer');
    expect(a.text).toMatch(/8\.000 Euro/);
  });

  it('answers each programme when a question names several', () => {
    const a = ask('Bis wann laufen KommA und das WIR-Programm?');
    expect(a.kind).toBe('answer');
    expect(a.text).toMatch(/KommA.*28\.02\.2023/s);
    expect(a.text).toMatch(/WIR-Programm Hessen.*30\.11\.2019/s);
    expect(new Set(a.citations.map((c) => c.docId))).toEqual(new Set(['komma-informationsschreiben-2023', 'hessen-wir-integrationsstrategien-2019']));
  });
});

describe('Answerer: eligibility from a described profile', () => {
  it.each([
    ['Wir sind eine hessische Gemeinde mit 4.500 Einwohnern. Kommt das WIR-Programm für uns in Frage?', 'wir-hessen', /^Nur gemeinsam – .*4\.500.*Partnerkommunen/, 'gemeinsam mit einer oder zwei Partnerkommunen'],
    ['Unsere Stadt in Hessen hat 80.000 Einwohner. Können wir beim WIR-Programm Integrationsstrategien fördern lassen?', 'wir-hessen', /^Nein – .*50\.000/, 'zwischen 10.000 und 50.000'],
    ['Wir sind eine Gemeinde in Bayern mit 20.000 Einwohnern. Können wir uns für WIR bewerben?', 'wir-hessen', /^Nein – .*nur für Hessen.*Bayern/, 'Gemeinden Hessens'],
    ['Wir sind ein Verein in Hessen. Können wir uns bei KommA bewerben?', 'komma', /^Nein – /, 'Landkreise, kreisfreie Städte'],
    ['Wir sind ein Landkreis. Können wir bei KommA mitmachen?', 'komma', /^Ja – Landkreise/, 'Landkreise, kreisfreie Städte'],
  ])('gives a verdict for "%s"', (question, programId, lead, quotePart) => {
    const a = ask(question);
    expect(a.kind).toBe('verdict');
    expect(a.programId).toBe(programId);
    expect(a.text).toMatch(lead);
    expect(a.citations.some((c) => c.quote.includes(quotePart))).toBe(true);
    expectVerbatimCitations(a);
  });

  it('uses the saved profile for a short eligibility question', () => {
    const a = ask('Können wir uns für WIR bewerben?', { profile: { entityType: 'gemeinde', state: 'Hessen', population: 30_000 } });
    expect(a.kind).toBe('verdict');
    expect(a.text).toMatch(/^Ja – /);
  });

  it('checks every call when the profile names no programme', () => {
    const a = ask('Wir sind ein Verein in Hessen. Für welche Programme können wir uns bewerben?');
    expect(a.kind).toBe('verdict');
    const lines = a.details.join('\n');
    expect(lines).toMatch(/BAMF-Aufruf „Zusammenhalt trotz Distanz“\*\*: passt\b/);
    expect(lines).toMatch(/KommA\*\*: passt nicht/);
    // Rules read from the unseen call's text: it names Landkreise and kreisfreie Städte only.
    expect(lines).toMatch(/Nachbarschaft digital\*\*: passt nicht/);
    expect(lines).not.toMatch(/ILS/);
    expectVerbatimCitations(a);
  });

  it('gives an uncurated call’s verdict from the sentences of its text, and says so', () => {
    const a = ask('Wir sind eine Gemeinde in Hessen. Können wir uns bei Nachbarschaft digital bewerben?');
    expect(a.kind).toBe('verdict');
    expect(a.programId).toBe(ND);
    expect(a.citations[0].docId).toBe(ND);
    expect(a.citations.map((c) => c.quote)).toContain('Kreisangehörige Städte und Gemeinden können sich nur über ihren Landkreis beteiligen.');
    // "… nur über ihren Landkreis": not a plain no, the way in.
    expect(a.text).toMatch(/^Nicht direkt – Gemeinden können sich laut Ausschreibung nicht selbst bewerben, sondern nur über ihren Landkreis/);
    expect(a.details.join(' ')).toMatch(/nicht redaktionell geprüft/);
    const kfs = ask('Wir sind eine kreisfreie Stadt. Können wir uns bei Nachbarschaft digital bewerben?');
    expect(kfs.text).toMatch(/^Ja – Kreisfreie Städte/);
    expect(kfs.citations[0].quote).toBe('Bewerben können sich Landkreise und kreisfreie Städte aus allen Bundesländern.');
  });

  it('quotes the conditions right after the verdict when the question asks for them', () => {
    const a = ask('Welche Voraussetzungen muss ein Landkreis für Nachbarschaft digital erfüllen?');
    expect(a.kind).toBe('verdict');
    expect(a.text).toMatch(/^Ja – Landkreise .* Voraussetzungen laut Ausschreibung: „Die Verwaltungsspitze muss die Bewerbung unterstützen, und es muss eine verantwortliche Koordinationsperson benannt werden\.“/);
    expect(ask('Wir sind ein Landkreis. Können wir bei Nachbarschaft digital mitmachen?').text).not.toMatch(/Voraussetzungen laut/);
    expect(ask('What requirements must a county meet for Nachbarschaft digital?', { lang: 'en' }).text).toMatch(/^Yes – .*Conditions in the call text: “Die Verwaltungsspitze muss/);
  });
});

describe('Answerer: words of the question the text writes differently', () => {
  it('knows a word the text uses only as the end of a compound ("Interessenbekundungsverfahren")', () => {
    expect(ask('Wie läuft das Verfahren beim BAMF-Aufruf?').kind).toBe('answer');
    expect(ask('Braucht KommA einen Verwendungsnachweis?').kind).toBe('abstain');
  });

  it('answers whether one can stay unnamed plainly: yes, on request', () => {
    const a = ask('Kann man bei Nachbarschaft digital ungenannt bleiben?');
    expect(a.text).toMatch(/^Ja, auf Wunsch – .*„.*Auf begründeten Wunsch kann auf die Nennung verzichtet werden\.“/);
    expectVerbatimCitations(a);
  });

  it.each([
    ['Welche Erfolgsfaktoren nennt das ILS-Papier?', 'de'],
    ['Welche Erfolgsfaktoren nennt das ILS-Papier für wirkungsvolle Projekte?', 'de'],
    ['What success factors does the ILS paper name?', 'en'],
  ] as const)('answers "%s" from what the paper says, not from its title, contents or list of works', (question, lang) => {
    const a = ask(question, { lang });
    expect(a.intent).toBe('unknown');
    const quote = a.citations[0]?.quote ?? '';
    expect(quote).toMatch(/Erfolgsfaktoren/);
    // The project title in quotation marks, a contents line with dot leaders, a cited work.
    expect(quote).not.toMatch(/Working Paper ist im Rahmen|\.{4}|\(\d{4}\):/);
    expectVerbatimCitations(a);
  });

  it.each([
    ['Wann ist das ILS-Papier erschienen?', 'de'],
    ['When was the ILS paper published?', 'en'],
  ] as const)('answers "%s" with the date of the imprint, not with "no deadline"', (question, lang) => {
    const a = ask(question, { lang });
    expect(a.kind).toBe('answer');
    expect(a.citations[0]?.quote).toMatch(/September 2022/);
    expectVerbatimCitations(a);
  });

  it.each([['Wann wurde der KommA-Aufruf veröffentlicht?'], ['Wann wurde die Ausschreibung für Weltoffene Kommune veröffentlicht?']])(
    'abstains on "%s": the call gives no date of its own, and publication of participants is another question',
    (question) => {
      const a = ask(question);
      expect(a.kind).toBe('abstain');
    },
  );

  it('answers when participants are published as a publication question, not with the date of the text', () => {
    const a = ask('Wann werden die Namen der Modellkommunen bei KommA veröffentlicht?');
    expect(a.intent).toBe('anonymity');
    expect(a.kind).toBe('answer');
  });

  it('takes "das Papier" for the one paper among the texts', () => {
    const a = ask('Was sagt das Papier über bürgerschaftliches Engagement?');
    expect(a.programId).toBe('ils-was-bewegt-kommunen');
    expect(a.citations[0]?.quote).toMatch(/Engagement/);
  });

  it.each([
    ['Aus wessen Budget stammt das Geld für KommA, und welche Einrichtung ist für die Durchführung zuständig?', /Beauftragte der Bundesregierung/],
    ['Der BAMF-Aufruf „trotz Distanz“ wird aus Bundesmitteln bezahlt – welches Ressort stellt das Geld?', /Bundesministeriums des Inneren/],
  ])('answers who funds it however the money is called: "%s"', (question, funder) => {
    const a = ask(question);
    expect(a.intent).toBe('funder');
    expect(a.text).toMatch(funder);
  });

  it('counts the municipalities when asked how many get the support, rather than telling the support', () => {
    const a = ask('Wie groß ist der Kreis der KommA-Modellkommunen – an wie viele Kommunen geht die Begleitung?');
    expect(a.citations[0]?.quote).toMatch(/In zehn Modellkommunen/);
  });

  it('abstains when an amount is asked and the paper names none', () => {
    expect(ask('Welchen Betrag pro Einwohner empfiehlt das ILS-Papier für eine Regelförderung der kommunalen Integrationsarbeit?').kind).toBe('abstain');
  });

  it('answers a changed contact person with where to report changes', () => {
    const a = ask('Die im KommA-Formular genannte Kontaktperson hat inzwischen die Stelle gewechselt. Wo melden wir die Korrektur?');
    expect(a.text).toMatch(/komma@imap-institut\.de/);
  });

  it('names the event of the month asked first when one sentence gives several', () => {
    const a = ask('Um wie viel Uhr begann die KommA-Infoveranstaltung im Februar?');
    expect(a.text).toMatch(/^„am 16\. Februar um 11-12 Uhr“/);
    expectVerbatimCitations(a);
  });

  it('reads what stands before a dash as the scene and answers the question after it', () => {
    const a = ask('Der WIR-Aufruf beschreibt einen partizipativen Prozess – welches Produkt soll dabei herauskommen?');
    expect(a.citations[0]?.quote).toMatch(/Integrationsstrategie entstehen, die beschlussfähig sein soll/);
  });

  it('answers "is it too late now?" with the deadline and its status', () => {
    const a = ask('Our city council only voted this week to take part in KommA. Is it too late now to hand in our application?', { lang: 'en' });
    expect(a.intent).toBe('deadline');
    expect(a.text).toMatch(/^The application deadline for KommA was 28 February 2023 – it has passed/);
  });

  it('gives a verdict when an English question asks whether a described municipality could have applied on its own', () => {
    const a = ask('Our Hessian municipality has 9,400 inhabitants and no partner municipality. Could we have applied for a WIR strategy grant on our own?', { lang: 'en' });
    expect(a.kind).toBe('verdict');
    expect(a.text).toMatch(/^Only jointly/);
  });

  it('does not take "langfristig" for a deadline question', () => {
    const a = ask('Was empfiehlt das ILS-Papier zur langfristigen Finanzierung?');
    expect(a.intent).not.toBe('deadline');
    expect(a.text).toMatch(/nachhaltig|Regelförderung|langfristig/);
  });
});

describe('Answerer: cost of a turn', () => {
  it('answers a typical question in well under 100 ms', () => {
    const t0 = performance.now();
    ask('Bis wann können wir uns für KommA bewerben?');
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('answers a message containing a 120-letter token in under 250 ms', () => {
    const t0 = performance.now();
    ask(`Bis wann läuft KommA? ${'q'.repeat(120)}`);
    expect(performance.now() - t0).toBeLessThan(250);
  });
});

describe('Answerer: conversation control', () => {
  it.each([
    ['Hallo', 'greeting'],
    ['Danke!', 'thanks'],
    ['Hilfe', 'help'],
  ])('answers "%s" as small talk (%s) without citations', (text, intent) => {
    const a = ask(text);
    expect(a).toMatchObject({ kind: 'smalltalk', intent, citations: [] });
    expect(a.suggestions.length).toBeGreaterThan(0);
  });

  it('lists the calls and names the research paper as background', () => {
    const a = ask('Welche Programme gibt es?');
    expect(a.text).toMatch(/5 Förderaufrufe/);
    expect(a.details.join('\n')).toMatch(/Nachbarschaft digital/);
    expect(a.details.join('\n')).toMatch(/Außerdem: ILS-Working-Paper.*keine Ausschreibung/);
  });
});

describe('Answerer: held-out style wordings of the seed calls', () => {
  it.each([
    ['Ist die Bewerbungsphase für KommA schon vorbei?', /^Die Bewerbungsfrist für KommA endete am 28\.02\.2023 – sie ist abgelaufen/],
    ['unterschirft bürgermeisterin komma nötig?', /^Nein – .*keine formale Unterschrift/],
    // A situation told first, then the question: the situation's nouns are no topic the text must name.
    ['Bei uns gab es Drohungen gegen den Bürgermeister. Können wir bei KommA mitmachen, ohne öffentlich genannt zu werden?', /^Ja – .*anonyme Teilnahme möglich/],
    // "wir" in lower case names the WIR programme next to another word of its name.
    ['antragsfirst wir hessen?', /^Die Bewerbungsfrist für WIR-Programm Hessen endete am 30\.11\.2019/],
    ['Wie werde ich Modellkommune bei Weltoffene Kommune – was ist der erste Schritt?', /Formular „Interesse an einer Teilnahme“ an Bianka Certa/],
    ['Ist das ILS-Papier eine Ausschreibung, auf die wir uns bewerben können?', /^Nein – das ILS-Papier ist eine Forschungsarbeit, keine Ausschreibung/],
    ['Wer hat das ILS-Papier geschrieben?', /„Von: Nils Hans, Ralf Zimmer-Hegmann“/],
    // Synonyms (knowledge/synonyms.yaml): the question's words are not the text's.
    ['Was passiert, wenn wir bei KommA nicht ausgewählt werden?', /„Bei einer nicht erfolgreichen Bewerbung nehmen Mitarbeitende/],
    ['Wann sind die Webinare von KommA?', /Online-Informationsveranstaltungen/],
    ['Braucht man für KommA die Unterstützung der Verwaltungsspitze?', /Leitung der Gesamtverwaltung/],
    ['Wie viele Modellkommunen werden bei KommA ausgewählt?', /zehn Modellkommunen/],
    ['Was empfiehlt das ILS-Papier Fördermittelgebern?', /\(v\.a\. Land, Bund, EU\)/],
  ])('answers "%s"', (question, lead) => {
    const a = ask(question);
    expect(a.text).toMatch(lead);
    expectVerbatimCitations(a);
  });

  it.each([
    // The WIR text names an amount but no own contribution: the amount is no answer to that.
    ['Wie hoch ist der Eigenanteil beim hessischen WIR-Programm für Integrationsstrategien?'],
    // "Sollten Sie ausgewählt werden, …" answers the opposite case, and Weltoffene Kommune says nothing of that one.
    ['Was passiert, wenn wir bei Weltoffene Kommune nicht ausgewählt werden?'],
  ])('abstains on "%s" rather than answer from a related sentence', (question) => {
    expect(ask(question).kind).toBe('abstain');
  });

  it('does not answer "Reicht eine formlose E-Mail?" with the "Nein" meant for "Braucht es eine Unterschrift?"', () => {
    const a = ask('Reicht bei KommA eine formlose E-Mail?');
    expect(a.text).toMatch(/^Für die KommA-Bewerbung wird keine formale Unterschrift benötigt/);
    expect(ask('Brauchen wir für die KommA-Bewerbung die Unterschrift der Bürgermeisterin?').text).toMatch(/^Nein – /);
  });

  it('abstains when the long compound asked about is not in the sentence found ("Stundenhonorar")', () => {
    expect(ask('Wie hoch ist das Stundenhonorar für die Prozessbegleitung bei KommA?').kind).toBe('abstain');
  });

  it('asks which programme when only a verb and a place could point at one ("Bis wann geht das?")', () => {
    expect(ask('Wir in Hessen möchten uns bewerben. Bis wann geht das?').kind).toBe('clarify');
  });

  it('says in words that no amount is given, so that it reads as no answer (Weltoffene Kommune)', () => {
    expect(ask('How much money does a Weltoffene Kommune model municipality receive?', { lang: 'en' }).text).toMatch(/^The text has no information on a grant amount/);
  });
});
