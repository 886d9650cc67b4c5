import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../support/startBot.js';
import { useBotWithChannel, type Channel } from '../support/botWithChannel.js';
import { citations, conversation, readable, type Reply } from '../support/channel.js';
import { ADAPTIVE_CARD, adaptiveCard, cardFacts, expectReplies, play, send, step, verdictLines, type Conversation, type Step } from './support/conversationTable.js';

// Issue 3: the Förder-Check, driven over HTTP through the real adapter and a loopback channel.
let bot: StartedBot;
let channel: Channel;
useBotWithChannel({}, (b, c) => {
  bot = b;
  channel = c;
});

const de = (opts: { userId?: string } = {}) => conversation(bot.url, channel, { locale: 'de-DE', ...opts });
const en = (opts: { userId?: string } = {}) => conversation(bot.url, channel, { locale: 'en-US', ...opts });

const Q = {
  name: /Wie heißt Ihre Kommune\?/,
  type: /Was für eine Kommune bzw\. Organisation sind Sie\?/,
  state: /In welchem Bundesland liegt Ihre Kommune\?/,
  population: /Wie viele Einwohnerinnen und Einwohner hat Ihre Kommune/,
  leadership: /Unterstützt die Verwaltungsleitung/,
  contact: /Ist in der Verwaltung eine Ansprechperson/,
  anonymity: /Gibt es Sicherheitsbedenken/,
  programs: /Interessieren Sie bestimmte Programme\?/,
  email: /Unter welcher E-Mail-Adresse darf die Projektleitung Sie erreichen\?/,
};
const POPULATION_REPROMPT = /Bitte geben Sie die Einwohnerzahl als Zahl zwischen 1 und 4\.000\.000 an, z\. B\. „8\.000“, „8 Tsd\.“ oder „achttausend“\./;
const YESNO_REPROMPT = /Bitte antworten Sie mit „ja“ oder „nein“\./;
const DONE = /Ihr Förder-Check ist fertig\. Das Profil ist gespeichert/;

/** Starts a check from "Förder-Check" and answers the first questions, up to the given one. */
async function checkUpTo(c: Conversation, answers: string[]): Promise<Reply[]> {
  return play(c, ['Förder-Check', ...answers]);
}

describe('the Förder-Check in German, from "Förder-Check" to the result card', () => {
  let c: Conversation;
  let last: Reply[] = [];
  beforeAll(() => {
    c = de();
  });

  const steps: Step[] = [
    ['"Förder-Check" explains the check and asks for the name first', 'Förder-Check', [/der Förder-Check stellt Ihnen ein paar kurze Fragen/, /„zurück“/, /„abbrechen“/, Q.name, /Anonym bleiben/]],
    ['a name is taken and the kind of municipality is asked with five choices', 'Musterhausen', [Q.type, /Landkreis/, /Kreisfreie Stadt/, /Kreisangehörige Stadt/, /Gemeinde/, /Verein \/ Organisation/]],
    ['"Gemeinde" is taken and the state is asked', 'Gemeinde', Q.state],
    ['"Hessen" is taken and the population is asked', 'Hessen', Q.population],
    ['"8.000" is taken and the leadership support is asked', '8.000', Q.leadership],
    ['"ja" is taken and the contact person is asked', 'ja', Q.contact],
    ['"ja" is taken and anonymity is asked', 'ja', Q.anonymity],
    ['"nein" is taken and the programmes of interest are asked', 'nein', [Q.programs, /KommA/, /WIR-Programm Hessen/, /Alle/]],
    ['"alle" is taken and the e-mail address is asked', 'alle', Q.email],
    ['an e-mail address finishes the check with the saved-profile note', 'kaemmerei@musterhausen.de', DONE, [Q.email]],
  ];
  it.each(steps)('%s', async (_behaviour, says, expected, unexpected) => {
    last = await send(c, says);
    expectReplies(last, expected, unexpected);
  });

  it('ends with an Adaptive Card listing every profile fact', () => {
    expect(last.some((a) => (a.attachments ?? []).some((x: Reply) => x.contentType === ADAPTIVE_CARD))).toBe(true);
    expect(cardFacts(adaptiveCard(last))).toEqual({
      Kommune: 'Musterhausen',
      Art: 'Gemeinde',
      Bundesland: 'Hessen',
      Einwohner: '8.000',
      'Unterstützung der Leitung': 'ja',
      'Ansprechperson benannt': 'ja',
      'Anonymität wichtig': 'nein',
      'Interesse an': 'alle',
      'E-Mail': 'kaemmerei@musterhausen.de',
    });
  });

  it('rates WIR Hessen for a Hessian Gemeinde of 8.000 as fitting only jointly with partner municipalities, with rule, source and expired deadline', () => {
    const [head, reason, ...rest] = verdictLines(adaptiveCard(last), 'WIR-Programm Hessen');
    expect(head).toBe('⚠️ WIR-Programm Hessen: passt nur unter Bedingung');
    expect(reason).toMatch(/8\.000 Einwohnern .* unter 10\.000 .* gemeinsam mit einer oder zwei Partnerkommunen/);
    expect(rest).toContain('Frist: Die Bewerbungsfrist für WIR-Programm Hessen endete am 30.11.2019 – sie ist abgelaufen (seit 2.548 Tagen).');
    expect(rest).toContainEqual(expect.stringMatching(/^Regel: „Neu an der zweiten Förderrunde ist, dass jetzt auch Kommunen unter 10\.000 Einwohnern .*Partnerkommunen die Förderung zu beantragen\.“$/));
    expect(rest).toContain('Quelle: WIR-Programm Hessen (HMSI): Kommunale Integrationsstrategien gesucht');
  });

  it('rates KommA as fitting because Gemeinden are eligible, quoting the rule and showing the deadline as passed', () => {
    const [head, reason, ...rest] = verdictLines(adaptiveCard(last), 'KommA');
    expect(head).toBe('✅ KommA: passt');
    expect(reason).toBe('Gemeinden gehören zu den Antragsberechtigten.');
    expect(rest).toContain('Frist: Die Bewerbungsfrist für KommA endete am 28.02.2023 – sie ist abgelaufen (seit 1.362 Tagen).');
    expect(rest).toContain('Regel: „Interessierte Kommunen – Landkreise, kreisfreie Städte sowie kreisangehörige Städte und Gemeinden – können sich bis zum 28.2.2023 bewerben.“');
    expect(rest).toContain('Quelle: KommA – Informationsschreiben zur Ausschreibung (IMAP Institut)');
  });

  it('rates the BAMF call as unclear for a Gemeinde (only organisations are named) and Weltoffene Kommune as fitting without a deadline line', () => {
    const card = adaptiveCard(last);
    const bamf = verdictLines(card, 'BAMF-Aufruf „Zusammenhalt trotz Distanz“');
    expect(bamf[0]).toBe('❔ BAMF-Aufruf „Zusammenhalt trotz Distanz“: unklar');
    expect(bamf[1]).toMatch(/Gemeinden werden nicht ausdrücklich genannt/);
    const weltoffen = verdictLines(card, 'Weltoffene Kommune');
    expect(weltoffen[0]).toBe('✅ Weltoffene Kommune: passt');
    expect(weltoffen.some((l) => l.startsWith('Frist:'))).toBe(false);
    expect(weltoffen.some((l) => l.startsWith('Quelle: Weltoffene Kommune'))).toBe(true);
  });

  it('offers send / change / delete both as card buttons and as suggested actions', () => {
    const card = adaptiveCard(last);
    expect(card.actions?.map((a) => [a.title, a.data?.action])).toEqual([
      ['An die Projektleitung senden', 'handoffProfile'],
      ['Profil ändern', 'editProfile'],
      ['Profil löschen', 'deleteProfile'],
    ]);
    const withCard = last.find((a) => (a.attachments ?? []).length)!;
    expect(withCard.suggestedActions.actions.map((a: Reply) => a.title)).toEqual(['An die Projektleitung senden', 'Profil ändern', 'Profil löschen']);
  });
});

describe('the Förder-Check in English (locale en-US)', () => {
  let c: Conversation;
  let last: Reply[] = [];
  beforeAll(() => {
    c = en();
  });

  const steps: Step[] = [
    ['"funding check" starts the check in English and asks for the name', 'funding check', [/the funding check asks a few short questions/, /What is the name of your municipality\?/, /Stay anonymous/]],
    ['"anonymous" skips the name and the kind is asked with English choices', 'anonymous', [/What kind of municipality or organisation are you\?/, /District \(Landkreis\)/]],
    ['"district" is taken and the federal state is asked', 'district', /Which federal state \(Bundesland\)/],
    ['"Bavaria" is taken and the population is asked', 'Bavaria', /About how many inhabitants/],
    ['"12k" is taken and leadership support is asked', '12k', /Does the administration's leadership .* support an application\?/],
    ['"yes" is taken and the contact person is asked', 'yes', /Is a contact person for coordination named/],
    ['"yes" is taken and anonymity is asked', 'yes', /Are there safety concerns/],
    ['"nope" is taken and programmes are asked', 'nope', /Are you interested in particular programmes\?/],
    ['"all" is taken and the e-mail is asked', 'all', /At which e-mail address may the project leads reach you\?/],
    ['"none" skips the e-mail and finishes with the English result', 'none', /Your funding check is done\. The profile is saved/],
  ];
  it.each(steps)('%s', async (_behaviour, says, expected, unexpected) => {
    last = await send(c, says);
    expectReplies(last, expected, [/Förder-Check ist|Bitte /, ...[unexpected ?? []].flat()]);
  });

  it('shows the English profile facts in the card', () => {
    expect(cardFacts(adaptiveCard(last))).toEqual({
      Municipality: '(anonymous)',
      Type: 'District (Landkreis)',
      'Federal state': 'Bayern',
      Inhabitants: '12,000',
      'Leadership support': 'yes',
      'Contact person named': 'yes',
      'Anonymity important': 'no',
      'Interested in': 'all',
      'E-mail': '–',
    });
  });

  it('rates KommA as fitting for a district and WIR Hessen as not fitting, with English reasons and deadline', () => {
    const card = adaptiveCard(last);
    const komma = verdictLines(card, 'KommA');
    expect(komma[0]).toBe('✅ KommA: fits');
    expect(komma[1]).toMatch(/are among those who can apply/);
    expect(komma).toContain('Deadline: The application deadline for KommA was 28 February 2023 – it has passed (1,362 days ago).');
    expect(komma.some((l) => /^Rule: “Interessierte Kommunen – Landkreise/.test(l))).toBe(true);
    expect(komma.some((l) => l.startsWith('Source: KommA'))).toBe(true);
    const wir = verdictLines(card, 'WIR-Programm Hessen');
    expect(wir[0]).toBe('❌ WIR-Programm Hessen: does not fit');
    expect(wir[1]).toMatch(/not among those who can apply|applies only to Hessen/);
  });

  it('reads the English thousands separator in "8,000" as eight thousand inhabitants', async () => {
    const c2 = en();
    await play(c2, ['funding check', 'anonymous', 'municipality', 'Hesse']);
    await step(c2, '8,000', /Does the administration's leadership/);
    await step(c2, 'back', /\(so far: 8,000 – "next" keeps it\)/);
  });

  it('lists facts taken from the opening sentence in English', async () => {
    await step(en(), 'funding check: we are a municipality in Hesse with 8,000 inhabitants', [/Sure – the funding check asks/, /From your message I already took: Municipality \(Gemeinde\), Hessen, 8,000\./]);
  });
});

describe('facts stated in the opening sentence are filled and not asked', () => {
  const sentences: [string, string][] = [
    ['Ich möchte prüfen, ob wir uns bewerben können: Wir sind eine Gemeinde in Hessen mit 8.000 Einwohnern', '8.000 written with a dot'],
    ['Förder-Check: Wir sind eine Gemeinde in Hessen mit achttausend Einwohnern', '"achttausend" as a word'],
    ['Förder-Check für unsere Gemeinde in Hessen, 8000 EW', '"8000 EW"'],
  ];
  it.each(sentences)('"%s" (%s) fills type, state and population and asks only the rest', async (sentence) => {
    const c = de();
    await step(c, sentence, [/Aus Ihrer Nachricht habe ich schon übernommen: Gemeinde, Hessen, 8\.000\./, Q.name], [Q.type, Q.state, Q.population]);
    await step(c, 'anonym', Q.leadership, [Q.type, Q.state, Q.population]);
  });

  it('"Förder-Check: Wir sind eine Gemeinde in Hessen mit 8 Tsd. Einwohnern" also fills the population', async () => {
    const c = de();
    await step(c, 'Förder-Check: Wir sind eine Gemeinde in Hessen mit 8 Tsd. Einwohnern', /übernommen: Gemeinde, Hessen, 8\.000\./);
  });
});

describe('skip rules from dialogs/foerder-check.yaml', () => {
  const steps: Step[] = [
    ['"Förder-Check" starts', 'Förder-Check', Q.name],
    ['"anonym" skips the optional name', 'anonym', Q.type],
    ['an association is taken', 'Verein', Q.state],
    ['a state is taken and the population is skipped for an organisation', 'Hessen', Q.leadership, Q.population],
    ['"zurück" goes back to the state', 'zurück', [Q.state, /\(bisher: Hessen – /]],
    ['"zurück" again goes back to the kind', 'zurück', [Q.type, /\(bisher: Verein \/ Organisation – /]],
    ['changing the kind to "Gemeinde" goes on to the state', 'Gemeinde', Q.state],
    ['"weiter" keeps the state, and the population is now asked because the skip rule no longer applies', 'weiter', Q.population],
  ];
  let c: Conversation;
  beforeAll(() => {
    c = de();
  });
  it.each(steps)('%s', async (_behaviour, says, expected, unexpected) => {
    await step(c, says, expected, unexpected);
  });
});

describe('a town whose district status was not said ("Stadt")', () => {
  it('lists "Stadt" among the facts taken from the opening sentence, not a translation key', async () => {
    await step(de(), 'Förder-Check: Wir sind eine Stadt in Hessen mit 20.000 Einwohnern', /übernommen: Stadt, Hessen, 20\.000\./, /check\.choice/);
  });

  it('does not claim in the card that the town belongs to a district', async () => {
    const done = await play(de(), ['Förder-Check: Wir sind eine Stadt in Hessen mit 20.000 Einwohnern', 'anonym', 'ja', 'ja', 'nein', 'alle', 'keine']);
    expectReplies(done, DONE);
    expect(cardFacts(adaptiveCard(done)).Art).not.toMatch(/kreisangehörig|kreisfrei/i);
  });
});

describe('the population question', () => {
  let c: Conversation;
  beforeAll(async () => {
    c = de();
    const replies = await checkUpTo(c, ['anonym', 'Gemeinde', 'Hessen']);
    expectReplies(replies, Q.population);
  });

  const invalid: [string][] = [['viele'], ['-5'], ['1e9'], ['0'], ['5000000']];
  it.each(invalid)('re-prompts "%s" with what is expected and stays on the population question', async (answer) => {
    await step(c, answer, POPULATION_REPROMPT, [Q.leadership, /übernommen/]);
  });

  const valid: [string, string][] = [
    ['8 Tsd.', '8.000'],
    ['8000 EW', '8.000'],
    ['achttausend', '8.000'],
    ['8.000', '8.000'],
    ['zwölftausendfünfhundert', '12.500'],
  ];
  it.each(valid)('accepts "%s" as %s inhabitants (shown as the previous answer after "zurück")', async (answer, shown) => {
    await step(c, answer, Q.leadership, POPULATION_REPROMPT);
    await step(c, 'zurück', [/Gut, ändern wir die vorige Antwort\./, Q.population, new RegExp(`\\(bisher: ${shown.replace('.', '\\.')} – „weiter“ übernimmt das\\)`)]);
  });

  it('keeps the previous population with "weiter" after going back', async () => {
    await step(c, 'weiter', Q.leadership);
    await step(c, 'zurück', /\(bisher: 12\.500 /);
  });

  it('accepts an approximate answer "ca. 8.000"', async () => {
    await step(c, 'ca. 8.000', Q.leadership, POPULATION_REPROMPT);
    await step(c, 'zurück', /\(bisher: 8\.000 /);
  });
});

describe('yes/no questions', () => {
  let c: Conversation;
  beforeAll(async () => {
    c = de();
    expectReplies(await checkUpTo(c, ['anonym', 'Gemeinde', 'Hessen', '8.000']), Q.leadership);
  });

  const answers: [string, 'ja' | 'nein'][] = [['ja', 'ja'], ['jo', 'ja'], ['nein', 'nein'], ['yes', 'ja'], ['nope', 'nein']];
  it.each(answers)('takes "%s" as %s and moves on', async (answer, value) => {
    await step(c, answer, Q.contact, YESNO_REPROMPT);
    await step(c, 'zurück', [Q.leadership, new RegExp(`\\(bisher: ${value} – `)]);
  });

  const unclear: [string][] = [['vielleicht'], ['achttausend'], ['-5']];
  it.each(unclear)('re-prompts "%s" with „ja“ oder „nein“ and stays on the question', async (answer) => {
    await step(c, answer, YESNO_REPROMPT, Q.contact);
  });
});

describe('interruptions, cancel, back and help', () => {
  it('answers an FAQ question in the middle with its citation and resumes at the same question', async () => {
    const c = de();
    expectReplies(await checkUpTo(c, ['anonym', 'Gemeinde', 'Hessen', '8.000', 'ja']), Q.contact);
    const replies = await step(c, 'Bis wann läuft KommA?', [/Die Bewerbungsfrist für KommA endete am 28\.02\.2023/, /Zurück zum Förder-Check:/, Q.contact], [Q.anonymity]);
    expect(citations(replies).map((x) => x.name)).toContainEqual(expect.stringMatching(/KommA/));
    // The order matters: answer first, then the resume line, then the same question again.
    const text = readable(replies);
    expect(text.indexOf('Zurück zum Förder-Check:')).toBeGreaterThan(text.indexOf('28.02.2023'));
    expect(text.search(Q.contact)).toBeGreaterThan(text.indexOf('Zurück zum Förder-Check:'));
    await step(c, 'ja', Q.anonymity);
  });

  it('answers an FAQ question asked at the name question instead of taking it as the name', async () => {
    const c = de();
    await step(c, 'Förder-Check', Q.name);
    await step(c, 'Bis wann läuft KommA?', [/28\.02\.2023/, Q.name], Q.type);
  });

  const table: Step[] = [
    ['"hilfe" explains the population question and asks it again', 'hilfe', [/Einige Programme haben Ober- oder Untergrenzen bei der Einwohnerzahl/, Q.population]],
    ['"zurück" goes back to the state and shows the previous answer', 'zurück', [/Gut, ändern wir die vorige Antwort\./, Q.state, /\(bisher: Hessen – „weiter“ übernimmt das\)/], Q.population],
    ['a new state replaces the previous answer and the population is asked', 'Bayern', Q.population],
    ['"zurück" again shows the changed state as the previous answer', 'zurück', [Q.state, /\(bisher: Bayern – /]],
    ['"weiter" keeps it', 'weiter', Q.population],
    ['"abbrechen" ends the flow without saving', 'abbrechen', /Der Förder-Check ist abgebrochen\. Ihre bisherigen Antworten habe ich nicht gespeichert\./, Q.population],
    ['"Mein Profil" afterwards shows that nothing was saved', 'Mein Profil', /Sie haben noch kein Profil\./],
    ['"abbrechen" with nothing running says so', 'abbrechen', /Es läuft gerade nichts, das ich abbrechen könnte\./],
  ];
  describe('in German', () => {
    const userId = `u-back-${Date.now()}`;
    let c: Conversation;
    beforeAll(async () => {
      c = de({ userId });
      expectReplies(await checkUpTo(c, ['anonym', 'Gemeinde', 'Hessen']), Q.population);
    });
    it.each(table)('%s', async (_behaviour, says, expected, unexpected) => {
      await step(c, says, expected, unexpected);
    });
    it('stores no profile and no running dialog after "abbrechen"', async () => {
      const items = await bot.app.storage.read([`user/emulator/${userId}`, `conv/emulator/${c.conversationId}`]);
      expect(items[`user/emulator/${userId}`]?.profile).toBeUndefined();
      expect(items[`conv/emulator/${c.conversationId}`]?.dialogState?.dialogStack ?? []).toEqual([]);
    });
  });

  it('"zurück" at the first question says it is the first and asks it again', async () => {
    const c = de();
    await step(c, 'Förder-Check', Q.name);
    await step(c, 'zurück', [/Das ist schon die erste Frage\./, Q.name]);
  });

  it('"back", "help" and "cancel" work in English too', async () => {
    const c = en();
    await play(c, ['funding check', 'anonymous', 'district']);
    await step(c, 'help', [/Some programmes are state programmes/, /Which federal state/]);
    await step(c, 'back', [/All right, let's change the previous answer\./, /What kind of municipality/, /\(so far: District \(Landkreis\) – "next" keeps it\)/]);
    await step(c, 'cancel', /The funding check is cancelled\. I did not save your answers\./);
    await step(c, 'my profile', /You have no profile yet\./);
  });
});

// A Förder-Check survives a restart of the bot process: the dialog stack lives in the SQLite state, not in memory.
describe('a Förder-Check resumed after the bot process restarts between two turns', () => {
  let botA: StartedBot | undefined;
  let botB: StartedBot | undefined;
  let dirA = '';
  const conversationId = `conv-restart-${Date.now()}`;
  const userId = 'u-restart';
  let current: Conversation;
  let lastReplies: Reply[] = [];

  beforeAll(async () => {
    botA = await startBot({ keepDir: true });
    dirA = botA.dir;
    current = conversation(botA.url, channel, { conversationId, userId, locale: 'de-DE' });
  });
  afterAll(async () => {
    await botA?.close();
    await botB?.close();
    if (dirA) rmSync(dirA, { recursive: true, force: true });
  });

  const beforeRestart: Step[] = [
    ['bot A starts the check', 'Förder-Check', /Wie heißt Ihre Kommune\?/],
    ['bot A takes the name', 'Musterhausen', /Was für eine Kommune/],
    ['bot A takes the kind', 'Kreisangehörige Stadt', /In welchem Bundesland/],
    ['bot A takes the state and asks for the population', 'Hessen', /Wie viele Einwohnerinnen und Einwohner/],
  ];
  it.each(beforeRestart)('%s', async (_behaviour, says, expected) => {
    expectReplies(await send(current, says), expected);
  });

  it('bot B on the same data directory continues the same conversation at the population question', async () => {
    await botA!.close();
    botA = undefined;
    botB = await startBot({ dir: dirA });
    expect(botB.dir).toBe(dirA);
    current = conversation(botB.url, channel, { conversationId, userId, locale: 'de-DE' });
    // "hilfe" proves bot B knows which question is open without the user repeating anything.
    expectReplies(await send(current, 'hilfe'), [/Einige Programme haben Ober- oder Untergrenzen/, /Wie viele Einwohnerinnen und Einwohner/], /Wie heißt Ihre Kommune/);
  });

  const afterRestart: Step[] = [
    ['bot B takes the population and asks the next question', '25.000', /Unterstützt die Verwaltungsleitung/],
    ['bot B takes leadership support', 'ja', /Ansprechperson/],
    ['bot B takes the contact person', 'ja', /Sicherheitsbedenken/],
    ['bot B takes anonymity', 'nein', /Interessieren Sie bestimmte Programme/],
    ['bot B takes the programme', 'WIR-Programm', /E-Mail-Adresse/],
    ['bot B finishes the check', 'keine', /Ihr Förder-Check ist fertig/],
  ];
  it.each(afterRestart)('%s', async (_behaviour, says, expected) => {
    lastReplies = await send(current, says);
    expectReplies(lastReplies, expected);
  });

  it('shows the answers given before the restart in the final profile', () => {
    expect(cardFacts(adaptiveCard(lastReplies))).toMatchObject({
      Kommune: 'Musterhausen',
      Art: 'Kreisangehörige Stadt',
      Bundesland: 'Hessen',
      Einwohner: '25.000',
      'Interesse an': 'WIR-Programm Hessen',
    });
  });
});
