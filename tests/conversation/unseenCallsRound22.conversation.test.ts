import { describe, it } from 'vitest';
import { expectAnswered, useBotWithUnseenCalls } from '../support/unseenCalls.js';

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

  it('answers a hurried contact question about a seed call', async () => {
    await expectAnswered(getBot(), getChannel(), 'wen kan ich bei komma wegen frgen anschreiben', /komma@imap-institut\.de/, /KommA/);
  });
});
