import { describe, expect, it } from 'vitest';
import { clockTime } from '../../src/answer/clockTime.js';

describe('clockTime', () => {
  it.each([
    ['Eingang bis 12:00 Uhr', '12:00'],
    ['bis 14 Uhr', '14:00'],
    ['by 11 March 2027, 14:00 CET', '14:00'],
    ['on 15 January at 3 pm', '15:00'],
    ['at about 9.30 a.m.', '09:30'],
    ['at 12 pm', '12:00'],
    ['at 12 am', '00:00'],
    ['we send it at 16:45', '16:45'],
  ])('reads "%s" as %s', (text, time) => expect(clockTime(text)).toBe(time));

  it('reads no time where there is none, nor a date or an amount', () => {
    expect(clockTime('am 15. Januar 2027')).toBeUndefined();
    expect(clockTime('bis zu 12.000 Euro')).toBeUndefined();
  });
});
