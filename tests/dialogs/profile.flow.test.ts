import { beforeAll, describe, expect, it } from 'vitest';
import { hashId } from '../../src/logger.js';
import type { StartedBot } from '../support/startBot.js';
import { useBotWithChannel, type Channel } from '../support/botWithChannel.js';
import { conversation, type Reply } from '../support/channel.js';
import { adaptiveCard, cardFacts, expectReplies, play, send, step, verdictLines, type Conversation, type Step } from './support/conversationTable.js';

// The Förder-Check profile belongs to the user, not the conversation: shown, changed and deleted from any conversation.
let bot: StartedBot;
let channel: Channel;
useBotWithChannel({}, (b, c) => {
  bot = b;
  channel = c;
});

const de = (userId: string) => conversation(bot.url, channel, { locale: 'de-DE', userId });
const userItem = async (userId: string) => (await bot.app.storage.read([`user/emulator/${userId}`]))[`user/emulator/${userId}`];

describe('a saved profile, seen and changed from a new conversation of the same user', () => {
  const userId = `u-profile-${Date.now()}`;
  let c: Conversation;
  let last: Reply[] = [];

  beforeAll(async () => {
    const first = de(userId);
    const done = await play(first, ['Förder-Check', 'Musterhausen', 'Gemeinde', 'Hessen', '8.000', 'ja', 'ja', 'nein', 'KommA', 'kaemmerei@musterhausen.de']);
    expectReplies(done, /Ihr Förder-Check ist fertig/);
    c = de(userId);
  });

  const steps: Step[] = [
    ['"Mein Profil" in a new conversation shows the saved profile as a card', 'Mein Profil', [/Ihr gespeichertes Profil:/, /Musterhausen/, /8\.000/]],
    ['"Profil ändern" re-asks the name with the saved value as hint', 'Profil ändern', [/Wie heißt Ihre Kommune\?/, /\(bisher: Musterhausen – „weiter“ übernimmt das\)/]],
    ['"weiter" keeps the name; the kind is asked with its hint', 'weiter', [/Was für eine Kommune/, /\(bisher: Gemeinde – /]],
    ['"weiter" keeps the kind; the state is asked with its hint', 'weiter', [/In welchem Bundesland/, /\(bisher: Hessen – /]],
    ['"weiter" keeps the state; the population is asked with its hint', 'weiter', [/Wie viele Einwohnerinnen/, /\(bisher: 8\.000 – /]],
    ['a new population replaces the old one; leadership support is asked with its hint', '12.000', [/Unterstützt die Verwaltungsleitung/, /\(bisher: ja – /]],
    ['"weiter" keeps leadership support', 'weiter', [/Ansprechperson/, /\(bisher: ja – /]],
    ['"weiter" keeps the contact person', 'weiter', [/Sicherheitsbedenken/, /\(bisher: nein – /]],
    ['"weiter" keeps anonymity', 'weiter', [/Interessieren Sie bestimmte Programme/, /\(bisher: KommA – /]],
    ['"weiter" keeps the programmes', 'weiter', [/E-Mail-Adresse/, /\(bisher: kaemmerei@musterhausen\.de – /]],
    ['"weiter" keeps the e-mail and shows the new result', 'weiter', /Ihr Förder-Check ist fertig/],
  ];
  it.each(steps)('%s', async (_behaviour, says, expected, unexpected) => {
    last = await send(c, says);
    expectReplies(last, expected, unexpected);
  });

  it('keeps every value answered with "weiter" and takes the changed population', () => {
    const card = adaptiveCard(last);
    expect(cardFacts(card)).toEqual({
      Kommune: 'Musterhausen',
      Art: 'Gemeinde',
      Bundesland: 'Hessen',
      Einwohner: '12.000',
      'Unterstützung der Leitung': 'ja',
      'Ansprechperson benannt': 'ja',
      'Anonymität wichtig': 'nein',
      'Interesse an': 'KommA',
      'E-Mail': 'kaemmerei@musterhausen.de',
    });
    // 12.000 is inside WIR's 10.000–50.000 range, so the condition of the first result is gone.
    expect(verdictLines(card, 'WIR-Programm Hessen')[0]).toBe('✅ WIR-Programm Hessen: passt');
  });

  it('lists the programme of interest first', () => {
    const first = adaptiveCard(last).body.find((e) => e.type === 'Container');
    expect(first?.items?.[0]?.text).toMatch(/^✅ KommA: /);
  });

  const deletion: Step[] = [
    ['"Profil löschen" deletes the profile', 'Profil löschen', /Ihr Profil ist gelöscht\./],
    ['"Mein Profil" afterwards says there is none and offers the check', 'Mein Profil', [/Sie haben noch kein Profil\./, /Förder-Check starten/]],
  ];
  it.each(deletion)('%s', async (_behaviour, says, expected) => {
    await step(c, says, expected);
  });

  it('no longer stores the profile for the user', async () => {
    const item = await userItem(userId);
    expect(item).toBeDefined();
    expect(item!.profile).toBeUndefined();
  });
});

describe('the result card buttons (card submit values)', () => {
  const userId = `u-card-${Date.now()}`;
  let c: Conversation;
  beforeAll(async () => {
    c = de(userId);
    const done = await play(c, ['Förder-Check: Wir sind eine Gemeinde in Hessen mit 8.000 Einwohnern', 'Musterhausen', 'ja', 'ja', 'nein', 'alle', 'sachgebiet@example.org']);
    expectReplies(done, /Ihr Förder-Check ist fertig/);
  });

  const steps: Step[] = [
    ['{ action: "editProfile" } starts the change with hints', { value: { action: 'editProfile' } }, [/Förder-Check stellt Ihnen/, /Wie heißt Ihre Kommune\?/, /\(bisher: Musterhausen – /]],
    ['"abbrechen" ends the change', 'abbrechen', /Der Förder-Check ist abgebrochen/],
    ['the saved profile is still there after a cancelled change', 'Mein Profil', [/Ihr gespeichertes Profil:/, /Musterhausen/]],
    ['{ action: "handoffProfile" } starts handing the profile to the project leads', { value: { action: 'handoffProfile' } }, [/Gern gebe ich Ihr Anliegen an die Projektleitung/, /Ihr Förder-Check-Profil/, /An welche E-Mail-Adresse soll die Projektleitung antworten\?/, /\(bisher: sachgebiet@example\.org – /]],
    ['"abbrechen" ends the handoff and sends nothing', 'abbrechen', /Die Weitergabe ist abgebrochen; es wurde nichts gesendet\./],
    ['{ action: "deleteProfile" } deletes the profile', { value: { action: 'deleteProfile' } }, /Ihr Profil ist gelöscht\./],
    ['"Mein Profil" then finds none', 'Mein Profil', /Sie haben noch kein Profil\./],
  ];
  it.each(steps)('%s', async (_behaviour, says, expected, unexpected) => {
    await step(c, says, expected, unexpected);
  });

  it('queued nothing for the cancelled handoff and stores no profile', async () => {
    expect(await bot.app.handoff.listForUser(hashId(`user/emulator/${userId}`, ''))).toEqual([]);
    expect((await userItem(userId))?.profile).toBeUndefined();
  });
});

describe('profiles of different users', () => {
  it('keeps one user\'s profile invisible to another user', async () => {
    const a = de(`u-a-${Date.now()}`);
    expectReplies(await play(a, ['Förder-Check: Wir sind ein Landkreis in Bayern mit 120.000 Einwohnern', 'Landkreis Musterkreis', 'ja', 'ja', 'nein', 'alle', 'keine']), /fertig/);
    await step(de(`u-b-${Date.now()}`), 'Mein Profil', /Sie haben noch kein Profil\./, /Musterkreis/);
    await step(de(a.user.id), 'Mein Profil', /Landkreis Musterkreis/);
  });
});

describe('changing the profile in English', () => {
  it('"change profile" shows "(so far: …)" hints and "next" keeps the values', async () => {
    const c = conversation(bot.url, channel, { locale: 'en-US', userId: `u-en-${Date.now()}` });
    expectReplies(await play(c, ['funding check', 'Musterhausen', 'district', 'Bavaria', '120k', 'yes', 'no', 'no', 'all', 'none']), /Your funding check is done/);
    await step(c, 'change profile', [/What is the name of your municipality\?/, /\(so far: Musterhausen – "next" keeps it\)/]);
    await step(c, 'next', [/What kind of municipality/, /\(so far: District \(Landkreis\) – /]);
    await step(c, 'next', [/Which federal state/, /\(so far: Bayern – /]);
    await step(c, 'next', [/About how many inhabitants/, /\(so far: 120,000 – /]);
    await step(c, 'next', [/leadership/, /\(so far: yes – /]);
    const done = await play(c, ['next', 'next', 'next']);
    expectReplies(done, /Are you interested in particular programmes\?.*\(so far: all – /s);
    // The e-mail was skipped before, so there is nothing to keep: "none" skips it again.
    const card = adaptiveCard(await play(c, ['next', 'none']));
    expect(cardFacts(card)).toMatchObject({ Municipality: 'Musterhausen', Type: 'District (Landkreis)', 'Federal state': 'Bayern', Inhabitants: '120,000', 'Contact person named': 'no' });
  });
});

describe('changing a profile that has no name', () => {
  it('"weiter" at the name question keeps the profile anonymous', async () => {
    const userId = `u-anon-${Date.now()}`;
    const c = de(userId);
    expectReplies(await play(c, ['Förder-Check: Wir sind eine Gemeinde in Hessen mit 8.000 Einwohnern', 'anonym', 'ja', 'ja', 'nein', 'alle', 'keine']), /fertig/);
    await step(c, 'Profil ändern', /Wie heißt Ihre Kommune\?/);
    const done = await play(c, ['weiter', 'weiter', 'weiter', 'weiter', 'weiter', 'weiter', 'weiter', 'weiter', 'keine']);
    expect(cardFacts(adaptiveCard(done)).Kommune).toBe('(anonym)');
  });
});
