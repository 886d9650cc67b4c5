import { describe, expect, it } from 'vitest';
import { ConversationStore, type ActivitySet } from '../../src/directline/conversationStore.js';

function store(clock: { t: number }, maxConversations = 10) {
  return new ConversationStore({ maxConversations, idleMs: 60_000, maxLog: 3, now: () => clock.t });
}

describe('ConversationStore', () => {
  it('numbers activities, keeps only the newest in the log and serves them after a watermark', () => {
    const c = store({ t: 0 }).create('conversation-aaaaaaaa', 'dl_user-aaaa');
    for (const text of ['a', 'b', 'c', 'd', 'e']) c.append({ type: 'message', text });
    expect(c.since('').activities.map((a) => a.text)).toEqual(['c', 'd', 'e']);
    expect(c.since('3')).toEqual({ activities: [expect.objectContaining({ text: 'd', id: 'conversation-aaaaaaaa|0000004' }), expect.objectContaining({ text: 'e' })], watermark: '5' });
    expect(c.since('5')).toEqual({ activities: [], watermark: '5' });
  });

  it('pushes ephemeral activities (typing) to streams but never logs them', () => {
    const c = store({ t: 0 }).create('conversation-bbbbbbbb', 'dl_user-bbbb');
    const pushed: ActivitySet[] = [];
    c.subscribers.add({ push: (s) => pushed.push(s), close: () => undefined });
    c.append({ type: 'typing' }, true);
    c.append({ type: 'message', text: 'x' });
    expect(pushed.map((p) => p.activities[0]?.type)).toEqual(['typing', 'message']);
    expect(c.since('').activities.map((a) => a.type)).toEqual(['message']);
  });

  it('forgets idle conversations, closing their streams, and keeps active ones', () => {
    const clock = { t: 0 };
    const s = store(clock);
    const idle = s.create('conversation-cccccccc', 'dl_user-cccc');
    s.create('conversation-dddddddd', 'dl_user-dddd');
    const closed: string[] = [];
    idle.subscribers.add({ push: () => undefined, close: (_code, reason) => closed.push(reason) });
    clock.t = 50_000;
    s.get('conversation-dddddddd');
    clock.t = 70_000;
    expect(s.sweep()).toBe(1);
    expect(closed).toEqual(['conversation expired']);
    expect(s.get('conversation-cccccccc')).toBeUndefined();
    expect(s.get('conversation-dddddddd')).toBeDefined();
  });

  it('refuses new conversations with 503 when full, after trying to expire idle ones', () => {
    const clock = { t: 0 };
    const s = store(clock, 1);
    s.create('conversation-eeeeeeee', 'dl_user-eeee');
    expect(() => s.create('conversation-ffffffff', 'dl_user-ffff')).toThrow(expect.objectContaining({ status: 503 }));
    clock.t = 120_000;
    expect(s.create('conversation-ffffffff', 'dl_user-ffff').id).toBe('conversation-ffffffff');
  });

  it('runs turns of one conversation one after another and bounds the queue', async () => {
    const c = store({ t: 0 }).create('conversation-gggggggg', 'dl_user-gggg');
    const order: string[] = [];
    const turn = (name: string, ms: number) => async () => {
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`end ${name}`);
    };
    c.enqueueTurn(turn('a', 30), 2);
    c.enqueueTurn(turn('b', 1), 2);
    expect(() => c.enqueueTurn(turn('c', 1), 2)).toThrow(expect.objectContaining({ status: 429 }));
    await c.idle();
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
