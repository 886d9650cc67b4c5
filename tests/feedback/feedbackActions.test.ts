import { describe, expect, it } from 'vitest';
import { feedbackButtons, parseFeedbackActivity, TEAMS_FEEDBACK_INVOKE, teamsFeedbackChannelData } from '../../src/feedback/feedbackActions.js';
import { createTurnRecorder } from '../../src/feedback/turnRecorder.js';
import type { FeedbackStore } from '../../src/feedback/feedbackStore.js';
import Database from 'better-sqlite3';
import { SqliteFeedbackStore } from '../../src/feedback/sqliteFeedbackStore.js';
import { createTranslator } from '../../src/i18n.js';
import { classifyIntent } from '../../src/nlu/intents.js';

describe('recognising a vote', () => {
  it.each([
    ['a 👍 button (messageBack value)', { type: 'message', value: { action: 'feedback', direction: 'up', ref: 'a1' } }, { direction: 'up', ref: 'a1', source: 'button' }],
    ['a 👎 button with text the channel added', { type: 'message', text: '👎', value: { action: 'feedback', direction: 'down', ref: 'a2' } }, { direction: 'down', ref: 'a2', source: 'button' }],
    [
      "Teams' 👎 with the form text",
      { type: 'invoke', name: TEAMS_FEEDBACK_INVOKE, replyToId: 'msg-7', value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '{"feedbackText":"Frist ist falsch"}' } } },
      { direction: 'down', ref: 'msg-7', comment: 'Frist ist falsch', source: 'teams' },
    ],
    [
      "Teams' 👍 without text",
      { type: 'invoke', name: TEAMS_FEEDBACK_INVOKE, replyToId: 'msg-8', value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":""}' } } },
      { direction: 'up', ref: 'msg-8', source: 'teams' },
    ],
    [
      "Teams' feedback as an object",
      { type: 'invoke', name: TEAMS_FEEDBACK_INVOKE, value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: { feedbackText: 'veraltet' } } } },
      { direction: 'down', comment: 'veraltet', source: 'teams' },
    ],
  ])('%s', (_name, activity, expected) => {
    expect(parseFeedbackActivity(activity)).toEqual(expected);
  });

  it.each([
    ['an ordinary message', { type: 'message', text: 'Bis wann KommA?' }],
    ['a card submit of another kind', { type: 'message', value: { action: 'profile', answer: 'ja' } }],
    ['a vote with a wrong direction', { type: 'message', value: { action: 'feedback', direction: 'sideways', ref: 'a1' } }],
    ['a vote with an overlong ref', { type: 'message', value: { action: 'feedback', direction: 'up', ref: 'x'.repeat(65) } }],
    ['another invoke', { type: 'invoke', name: 'adaptiveCard/action', value: { actionName: 'feedback' } }],
    ["Teams' submitAction that is not feedback", { type: 'invoke', name: TEAMS_FEEDBACK_INVOKE, value: { actionName: 'other', actionValue: {} } }],
  ])('ignores %s', (_name, activity) => {
    expect(parseFeedbackActivity(activity)).toBeNull();
  });

  it('builds 👍/👎 buttons whose value round-trips, and Teams channelData', () => {
    const buttons = feedbackButtons('a9', { up: '👍 Hilfreich', down: '👎 Nicht hilfreich' });
    expect(buttons.map((b) => [b.type, b.title, b.text])).toEqual([['messageBack', '👍 Hilfreich', ''], ['messageBack', '👎 Nicht hilfreich', '']]);
    expect(parseFeedbackActivity({ type: 'message', value: buttons[1]!.value })).toEqual({ direction: 'down', ref: 'a9', source: 'button' });
    expect(teamsFeedbackChannelData()).toEqual({ feedbackLoopEnabled: true });
  });
});

describe('the onTurn recorder', () => {
  it('records abstentions only, redacted, with the programme and the answer given', async () => {
    const store = new SqliteFeedbackStore(new Database(':memory:'));
    const record = createTurnRecorder(store, { clock: () => new Date('2026-11-21T12:00:00Z') });
    await record({ kind: 'abstain', programId: 'komma', question: 'Mein Name ist Eva Meier. Reisekosten?', answer: 'Dazu finde ich nichts.' });
    await record({ kind: 'answer', programId: 'komma', question: 'Bis wann?', answer: 'Bis 28.02.2023.' });
    await record({ kind: 'flow' });
    await record({ kind: 'abstain', question: 'Parkplätze?', answer: 'Dazu finde ich nichts.' });
    expect((await store.topQuestions()).map((t) => [t.programId, t.question, t.unanswered, t.lastAnswer])).toEqual([
      ['komma', 'Mein Name ist [Name]. Reisekosten?', 1, 'Dazu finde ich nichts.'],
      [null, 'Parkplätze?', 1, 'Dazu finde ich nichts.'],
    ]);
  });

  it('reports a failing store to onError instead of failing the turn', async () => {
    const broken = { recordUnanswered: () => Promise.reject(new Error('disk full')) } as unknown as FeedbackStore;
    const errors: unknown[] = [];
    await expect(createTurnRecorder(broken, { clock: () => new Date(), onError: (e) => errors.push(e) })({ kind: 'abstain', question: 'x' })).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('the feedback locale files', () => {
  it('have the same keys in German and English', async () => {
    const { readFileSync } = await import('node:fs');
    const de = JSON.parse(readFileSync('locales/de/feedback.json', 'utf8'));
    const en = JSON.parse(readFileSync('locales/en/feedback.json', 'utf8'));
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    expect(de.ask).toBe('War die Antwort hilfreich?');
  });

  it('load as the i18next namespace "feedback", and the handoff button really starts the handoff', async () => {
    const { t } = createTranslator('locales');
    expect(t('de', 'feedback:whatWrong')).toBe('Danke für Ihr Feedback! Was war falsch? (optional, eine Zeile)');
    expect(t('en', 'feedback:thanks')).toBe('Thank you for your feedback!');
    for (const lang of ['de', 'en'] as const) expect(classifyIntent(t(lang, 'feedback:handoffValue')).intent).toBe('handoff');
  });
});
