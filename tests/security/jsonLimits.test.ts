import { describe, expect, it } from 'vitest';
import { describeZodError, incomingActivitySchema } from '../../src/server/activitySchema.js';
import { checkJsonShape } from '../../src/server/jsonLimits.js';

describe('checkJsonShape', () => {
  it('accepts an ordinary activity with an Adaptive Card', () => {
    const card = { type: 'AdaptiveCard', body: [{ type: 'Container', items: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'x' }] }] }] }] };
    expect(checkJsonShape({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] })).toBeUndefined();
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(checkJsonShape(deep)).toMatch(/nested deeper than 64 levels/);
    expect(checkJsonShape({ a: { b: { c: 1 } } }, { maxDepth: 2, maxNodes: 100 })).toMatch(/deeper than 2/);
    expect(checkJsonShape({ a: { b: 1 } }, { maxDepth: 2, maxNodes: 100 })).toBeUndefined();
  });

  it('refuses more values than the limit', () => {
    expect(checkJsonShape({ list: Array.from({ length: 30 }, () => 1) }, { maxDepth: 10, maxNodes: 20 })).toMatch(/more than 20 JSON values/);
  });

  it('removes __proto__, constructor and prototype keys at every level', () => {
    const body = JSON.parse('{"a":{"__proto__":{"x":1},"b":[{"constructor":{"prototype":{"y":1}}}]},"prototype":1}') as Record<string, unknown>;
    expect(checkJsonShape(body)).toBeUndefined();
    expect(JSON.stringify(body)).toBe('{"a":{"b":[{}]}}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('incomingActivitySchema', () => {
  const base = { type: 'message', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: 'a:1' }, from: { id: '29:1' }, text: 'hi' };

  it('accepts a Teams message and keeps unknown fields', () => {
    const r = incomingActivitySchema.safeParse({ ...base, channelData: { tenant: { id: 't' } }, entities: [{ type: 'mention', mentioned: { id: '28:bot' }, text: '<at>Bot</at>' }, { type: 'clientInfo', locale: 'de-DE' }] });
    expect(r.success).toBe(true);
    expect((r.data as Record<string, unknown>).channelData).toEqual({ tenant: { id: 't' } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a control character in the conversation id', { conversation: { id: 'a\nb' } }, 'conversation.id'],
    ['a channel id with a slash', { channelId: '../x' }, 'channelId'],
    ['an activity type with spaces', { type: 'message reaction' }, 'type'],
    ['a null entity', { entities: [null] }, 'entities.0'],
    ['a mention without mentioned.id', { entities: [{ type: 'mention', mentioned: {} }] }, 'entities.0.mentioned.id'],
    ['a mention with a numeric text', { entities: [{ type: 'mention', mentioned: { id: 'x' }, text: 5 }] }, 'entities.0.text'],
    ['a mention without any message text', { text: undefined, entities: [{ type: 'mention', mentioned: { id: 'x' } }] }, 'text'],
    ['a string as membersAdded', { membersAdded: 'all' }, 'membersAdded'],
    ['51 attachments', { attachments: Array.from({ length: 51 }, () => ({})) }, 'attachments'],
  ])('refuses %s, naming the field', (_n, over, field) => {
    const r = incomingActivitySchema.safeParse({ ...base, ...over });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeZodError(r.error)).toContain(`${field}:`);
  });

  it('never echoes the offending value in the error', () => {
    const r = incomingActivitySchema.safeParse({ ...base, type: '<script>alert(1)</script>', conversation: { id: '\u0000<img src=x>' } });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeZodError(r.error)).not.toMatch(/<script|<img/);
  });
});
