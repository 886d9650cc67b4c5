import { describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../support/startBot.js';
import { useBotWithChannel, type Channel } from '../support/botWithChannel.js';
import { citations, conversation, readable, type Reply } from '../support/channel.js';
import { NEW_CALL_FILE, NEW_CALL_TEXT } from '../knowledge/tempKnowledge.js';

// The unseen call of the acceptance sample: dropped into sources, no curated facts, no code change.
let bot: StartedBot;
let channel: Channel;
useBotWithChannel({ now: new Date('2026-11-21T12:00:00Z'), sources: { [NEW_CALL_FILE]: NEW_CALL_TEXT } }, (b, c) => {
  bot = b;
  channel = c;
});

const lastText = (replies: Reply[]) => [...replies].reverse().find((r) => r.type === 'message')?.text ?? '';
const TITLE = /Nachbarschaft digital/;

describe('an unseen call, answered from its text alone', () => {
  it('has no curated facts for the new call', () => {
    const p = bot.app.kb.programsById.get('nachbarschaft-digital-2029');
    expect(p?.curated).toBe(false);
    expect(p?.facts).toEqual([]);
  });

  it.each([
    ['Bis wann kann man sich für Nachbarschaft digital bewerben?', 'de-DE', /15\.01\.2029.*noch offen, noch 786 Tage/, /15\. Januar 2029/],
    ['Ist für Nachbarschaft digital eine Unterschrift nötig?', 'de-DE', /formlose E-Mail/, /formlose E-Mail/],
    // A verdict from the rules read from the call's sentences; the quote says how Gemeinden take part.
    ['Können sich kreisangehörige Gemeinden bei Nachbarschaft digital bewerben?', 'de-DE', /^Nicht direkt – Gemeinden .*nur über ihren Landkreis/, /nur über ihren Landkreis/],
    ['Wie hoch ist die Sachkostenpauschale bei Nachbarschaft digital?', 'de-DE', /8\.000 Euro/, /8\.000 Euro/],
    ['Brauchen wir Eigenmittel für Nachbarschaft digital?', 'de-DE', /Eigenanteil ist nicht erforderlich/, /Eigenanteil/],
    ['When is the deadline for Nachbarschaft digital?', 'en-US', /15 January 2029.*786 days left/, /15\. Januar 2029/],
    ['How much is the Sachkostenpauschale at Nachbarschaft digital?', 'en-US', /8\.000 Euro/, /8\.000 Euro/],
  ])('answers "%s" (%s) with a citation from the new call', async (question, locale, lead, abstract) => {
    const r = await conversation(bot.url, channel, { locale }).say(question);
    expect(lastText(r.replies).slice(0, 300)).toMatch(lead);
    const cites = citations(r.replies);
    expect(cites[0].name).toMatch(TITLE);
    expect(cites[0].abstract).toMatch(abstract);
    // Teams' abstract is cut at 160 characters with "…"; what remains is verbatim from the call.
    expect(NEW_CALL_TEXT.replace(/\s+/g, ' ')).toContain(cites[0].abstract.replace(/…$/, '').replace(/\s+/g, ' '));
  });

  it.each([
    ['Braucht man für Nachbarschaft digital eine Unterschrift?', /formlose E-Mail|nicht|erst/],
    ['Kann sich eine kreisangehörige Gemeinde direkt bei Nachbarschaft digital bewerben?', /nur über (ihren|den) Landkreis|Landkreis/],
  ])('answers the acceptance question "%s"', async (question, lead) => {
    const r = await conversation(bot.url, channel).say(question);
    expect(citations(r.replies)[0]?.name ?? '').toMatch(TITLE);
    expect(lastText(r.replies).slice(0, 300)).toMatch(lead);
  });

  it('keeps the new call for a follow-up', async () => {
    const c = conversation(bot.url, channel);
    await c.say('Wie hoch ist die Sachkostenpauschale bei Nachbarschaft digital?');
    const r = await c.say('Und bis wann?');
    expect(lastText(r.replies)).toMatch(/Nachbarschaft digital.*15\.01\.2029/);
  });

  it('lists the new call among the calls', async () => {
    const r = await conversation(bot.url, channel).say('Welche Programme gibt es?');
    expect(readable(r.replies)).toMatch(/Nachbarschaft digital – Begegnung trotz Entfernung 2029/);
  });

  it('still answers the seed calls', async () => {
    const r = await conversation(bot.url, channel).say('Wann ist Bewerbungsschluss für KommA?');
    expect(lastText(r.replies)).toMatch(/28\.02\.2023/);
  });
});

describe('deadline status with other clocks', () => {
  it.each([
    ['2023-02-01T12:00:00Z', /28\.02\.2023.*noch offen, noch 27 Tage/],
    ['2023-02-28T12:00:00Z', /endet heute, am 28\.02\.2023/],
  ])('on %s answers the KommA deadline as %s', async (now, lead) => {
    const other = await startBot({ now: new Date(now) });
    try {
      const r = await conversation(other.url, null, { expectReplies: true }).say('Bis wann können wir uns für KommA bewerben?');
      expect(lastText(r.replies)).toMatch(lead);
    } finally {
      await other.close();
    }
  });
});
