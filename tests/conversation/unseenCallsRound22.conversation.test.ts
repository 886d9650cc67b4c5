import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the twenty-second evaluation round, in the plain prose of
// the unseen acceptance call: questions typed in a hurry, with typos and no capitals.
const FILES = ['gartenbruecke-igel-2027-ausschreibung.txt', 'msik-brandenburg-letzte-ruhe-in-vielfalt-foerderaufruf-2026.txt', 'lesebruecke-treffpunkt-bibliothek-2027.md'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

describe('three unseen calls of the twenty-second round', () => {
  it.each([
    // A question word typed wrongly ("wievil") is no unknown topic.
    ['wievil geld gibts bei igel für den garten', /Sachkostenpauschale von 5\.000 Euro/, /IGEL/],
    // "zuschus" for "Zuschuss" asks for the money.
    ['letzte ruhe in vielfallt maximaler zuschus wie hoch', /höchstens 30\.000 Euro/, /Letzte Ruhe in Vielfalt/],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it.each([
    // "Workshops oder Beratung": one of two alternatives the call names is enough.
    ['Welche Workshops oder Beratung bekommen Bibliotheken bei Treffpunkt Bibliothek neben dem Geld?', /bis zu fünf Beratungstage/, /Treffpunkt Bibliothek/],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('abstains on a council resolution the call does not mention, rather than answering about signing', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Braucht unsere Gemeinde für die IGEL-Bewerbung einen Beschluss des Gemeinderats?');
    expect(lastText(r.replies)).toMatch(/keine gesicherte Information/);
  });

  it('answers whether an application fails without a signature with the plain no of needing one', async () => {
    const r = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('Our Landrat is travelling – will the KommA application be invalid without his signature?');
    expect(lastText(r.replies)).toMatch(/^No\b/);
  });

  it('abstains on which municipalities were chosen when the text lists none', async () => {
    const r = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('Which municipalities were chosen as KommA model municipalities?');
    expect(lastText(r.replies)).toMatch(/could not find reliable information/);
  });

  it('abstains on when the decision is known when the call gives no date for it, rather than giving when projects must end', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Ab wann weiß eine Kommune, ob „Letzte Ruhe in Vielfalt“ ihr Vorhaben fördert?');
    expect(lastText(r.replies)).toMatch(/keine gesicherte Information/);
    expect(lastText(r.replies)).not.toMatch(/31\. Dezember 2027/);
  });

  it('answers the amount and the own share when the first question starts with a preposition', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Mit welchem Betrag fördert Treffpunkt Bibliothek eine Bibliothek, und was muss die Kommune selbst beisteuern?');
    expect(lastText(r.replies)).toMatch(/bis zu 12\.000 Euro je Bibliothek/);
    expect(lastText(r.replies)).toMatch(/Eigenanteil von mindestens 10 Prozent/);
  });

  it('answers a hurried contact question about a seed call', async () => {
    await expectAnswered(getBot(), getChannel(), 'wen kan ich bei komma wegen frgen anschreiben', /komma@imap-institut\.de/, /KommA/);
  });
});
