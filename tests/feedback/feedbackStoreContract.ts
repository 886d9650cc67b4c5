import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackStore } from '../../src/feedback/feedbackStore.js';

export interface FeedbackStoreHarness {
  /** A store over an empty table. */
  fresh(): Promise<FeedbackStore>;
  close(): Promise<void>;
}

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-11-21T12:00:00Z');
const at = (daysAgo: number, minutes = 0) => new Date(T0.getTime() - daysAgo * DAY + minutes * 60_000);

/** The behaviour every FeedbackStore must have, run against each backend. */
export function feedbackStoreContract(name: string, open: () => Promise<FeedbackStoreHarness>, opts: { skip?: boolean } = {}): void {
  describe.skipIf(opts.skip)(`FeedbackStore contract: ${name}`, () => {
    let harness: FeedbackStoreHarness;
    let store: FeedbackStore;
    beforeAll(async () => {
      harness = await open();
    });
    afterAll(async () => {
      await harness?.close();
    });
    const fresh = async () => (store = await harness.fresh());

    it('counts unanswered, 👎 and 👍 per question and keeps the last answer given', async () => {
      await fresh();
      await store.recordUnanswered({ at: at(3), programId: 'komma', question: 'Gibt es Reisekosten?', answer: 'Dazu finde ich nichts.' });
      await store.recordUnanswered({ at: at(2), programId: 'komma', question: 'gibt es  reisekosten', answer: 'Dazu finde ich in den Unterlagen nichts.' });
      await store.recordFeedback({ at: at(1), programId: 'komma', question: 'Gibt es Reisekosten???', answer: '', kind: 'down' });
      await store.recordFeedback({ at: at(1, 5), programId: 'komma', question: 'Bis wann läuft KommA?', answer: 'Die Frist endete am 28.02.2023.', kind: 'down' });
      await store.recordFeedback({ at: at(1, 6), programId: 'komma', question: 'Bis wann läuft KommA?', answer: 'Die Frist endete am 28.02.2023.', kind: 'up' });
      const top = await store.topQuestions();
      expect(top).toHaveLength(2);
      expect(top[0]).toMatchObject({ programId: 'komma', question: 'Gibt es Reisekosten???', unanswered: 2, down: 1, up: 0, lastAnswer: 'Dazu finde ich in den Unterlagen nichts.' });
      expect(top[0]!.lastAt.toISOString()).toBe(at(1).toISOString());
      expect(top[1]).toMatchObject({ question: 'Bis wann läuft KommA?', unanswered: 0, down: 1, up: 1, lastAnswer: 'Die Frist endete am 28.02.2023.' });
    });

    it('orders questions by unanswered + 👎, then unanswered, then recency, and limits per programme', async () => {
      await fresh();
      const rec = (program: string | null, q: string, kind: 'unanswered' | 'down', when: Date) =>
        kind === 'unanswered'
          ? store.recordUnanswered({ at: when, programId: program, question: q, answer: 'a' })
          : store.recordFeedback({ at: when, programId: program, question: q, answer: 'a', kind });
      await rec('komma', 'eins', 'down', at(1));
      await rec('komma', 'zwei', 'unanswered', at(5));
      await rec('komma', 'drei', 'down', at(1));
      await rec('komma', 'drei', 'down', at(1));
      await rec('komma', 'vier', 'unanswered', at(2));
      await rec('komma', 'vier', 'down', at(2));
      await rec('wir-hessen', 'fünf', 'unanswered', at(1));
      await rec(null, 'sechs', 'unanswered', at(1));
      await rec('bamf-zusammenhalt', 'sieben', 'down', at(1));
      const top = await store.topQuestions({ limit: 3 });
      expect(top.map((t) => [t.programId, t.question])).toEqual([
        ['bamf-zusammenhalt', 'sieben'],
        ['komma', 'vier'],
        ['komma', 'drei'],
        ['komma', 'zwei'],
        ['wir-hessen', 'fünf'],
        [null, 'sechs'],
      ]);
    });

    it('filters by period and by programme, and null means questions without a programme', async () => {
      await fresh();
      await store.recordUnanswered({ at: at(10), programId: 'komma', question: 'alt', answer: '' });
      await store.recordUnanswered({ at: at(1), programId: 'komma', question: 'neu', answer: '' });
      await store.recordUnanswered({ at: at(1), programId: 'wir-hessen', question: 'hessen', answer: '' });
      await store.recordUnanswered({ at: at(1), programId: null, question: 'ohne', answer: '' });
      expect((await store.topQuestions({ since: at(7) })).map((t) => t.question)).toEqual(['neu', 'hessen', 'ohne']);
      expect((await store.topQuestions({ programId: 'komma' })).map((t) => t.question)).toEqual(['neu', 'alt']);
      expect((await store.topQuestions({ programId: 'komma', since: at(7) })).map((t) => t.question)).toEqual(['neu']);
      expect((await store.topQuestions({ programId: null })).map((t) => t.question)).toEqual(['ohne']);
      expect(await store.topQuestions({ programId: 'unbekannt' })).toEqual([]);
    });

    it('counts the same question in different programmes separately', async () => {
      await fresh();
      await store.recordUnanswered({ at: at(1), programId: 'komma', question: 'Wer ist Ansprechpartner?', answer: '' });
      await store.recordUnanswered({ at: at(1), programId: 'wir-hessen', question: 'Wer ist Ansprechpartner?', answer: '' });
      const top = await store.topQuestions();
      expect(top.map((t) => [t.programId, t.unanswered])).toEqual([['komma', 1], ['wir-hessen', 1]]);
    });

    it('lists questions with only 👍 on request only', async () => {
      await fresh();
      await store.recordFeedback({ at: at(1), programId: 'komma', question: 'gut', answer: 'x', kind: 'up' });
      expect(await store.topQuestions()).toEqual([]);
      expect((await store.topQuestions({ includeUpOnly: true })).map((t) => [t.question, t.up])).toEqual([['gut', 1]]);
    });

    it('redacts personal data in questions and comments on write', async () => {
      await fresh();
      await store.recordUnanswered({ at: at(1), programId: 'komma', question: 'Ich bin Anna Schmidt, erreichbar unter anna@kassel.de oder 0561 1234567. Gibt es Reisekosten?', answer: 'nichts' });
      const id = await store.recordFeedback({ at: at(1), programId: 'komma', question: 'Ich bin Anna Schmidt, Gibt es Reisekosten?', answer: 'nichts', kind: 'down' });
      expect(await store.addComment(id, 'Falsch!\nRufen Sie mich an: +49 561 1234567, mein Name ist Eva Meier')).toBe(true);
      const top = await store.topQuestions();
      expect(top.map((t) => t.question)).toEqual([
        'Ich bin [Name], erreichbar unter [E-Mail] oder [Telefon]. Gibt es Reisekosten?',
        'Ich bin [Name], Gibt es Reisekosten?',
      ]);
      expect(top[1]!.comments).toEqual(['Falsch! Rufen Sie mich an: [Telefon], mein Name ist [Name]']);
      const all = JSON.stringify(await store.topQuestions({ includeUpOnly: true }));
      for (const secret of ['Anna', 'Schmidt', 'anna@kassel.de', '1234567', 'Eva', 'Meier']) expect(all).not.toContain(secret);
    });

    it('groups the redacted wording, so questions differing only in a name count together', async () => {
      await fresh();
      await store.recordUnanswered({ at: at(2), programId: 'komma', question: 'Ich bin Anna Schmidt. Gibt es Reisekosten?', answer: '' });
      await store.recordUnanswered({ at: at(1), programId: 'komma', question: 'Ich bin Jan Meier. Gibt es Reisekosten?', answer: '' });
      const top = await store.topQuestions();
      expect(top).toHaveLength(1);
      expect(top[0]).toMatchObject({ question: 'Ich bin [Name]. Gibt es Reisekosten?', unanswered: 2 });
    });

    it('keeps the three newest comments, newest first, and ignores unknown ids', async () => {
      await fresh();
      for (let i = 1; i <= 4; i++) {
        const id = await store.recordFeedback({ at: at(0, i), programId: 'komma', question: 'Frage', answer: 'a', kind: 'down' });
        await store.addComment(id, `Kommentar ${i}`);
      }
      expect((await store.topQuestions())[0]!.comments).toEqual(['Kommentar 4', 'Kommentar 3', 'Kommentar 2']);
      expect(await store.addComment('00000000-0000-0000-0000-000000000000', 'x')).toBe(false);
    });

    it('writes an event with a caller-chosen id once, however often a retried turn records it', async () => {
      await fresh();
      const e = { id: 'turn-42-vote', at: at(1), programId: 'komma', question: 'Frist?', answer: 'a', kind: 'down' as const };
      expect(await store.recordFeedback(e)).toBe('turn-42-vote');
      expect(await store.recordFeedback(e)).toBe('turn-42-vote');
      expect(await store.recordUnanswered({ id: 'turn-43', at: at(1), programId: 'komma', question: 'Frist?', answer: 'a' })).toBe('turn-43');
      expect(await store.recordUnanswered({ id: 'turn-43', at: at(1), programId: 'komma', question: 'Frist?', answer: 'a' })).toBe('turn-43');
      expect(await store.addComment('turn-42-vote', 'veraltet')).toBe(true);
      expect(await store.topQuestions()).toMatchObject([{ question: 'Frist?', unanswered: 1, down: 1, comments: ['veraltet'] }]);
    });

    it('purges events older than a cutoff', async () => {
      await fresh();
      await store.recordUnanswered({ at: at(100), programId: 'komma', question: 'alt', answer: '' });
      await store.recordUnanswered({ at: at(1), programId: 'komma', question: 'neu', answer: '' });
      expect(await store.purgeOlderThan(at(30))).toBe(1);
      expect((await store.topQuestions()).map((t) => t.question)).toEqual(['neu']);
    });

    it('rejects an invalid event instead of storing it', async () => {
      await fresh();
      await expect(store.recordUnanswered({ at: new Date('nonsense'), programId: 'komma', question: 'x', answer: '' })).rejects.toThrow();
      await expect(store.recordFeedback({ at: at(1), programId: 'komma', question: 'x', answer: '', kind: 'sideways' as 'up' })).rejects.toThrow();
      expect(await store.topQuestions({ includeUpOnly: true })).toEqual([]);
    });

    it('stores questions and answers cut to size, on one line', async () => {
      await fresh();
      await store.recordUnanswered({ at: at(1), programId: 'komma', question: `Frage\nmit Umbruch ${'x'.repeat(2000)}`, answer: 'y'.repeat(5000) });
      const [q] = await store.topQuestions();
      expect(q!.question.length).toBeLessThanOrEqual(500);
      expect(q!.question).toMatch(/^Frage mit Umbruch x+…$/);
      expect(q!.lastAnswer.length).toBeLessThanOrEqual(1000);
    });
  });
}
