import { describe, expect, it } from 'vitest';
import { berlinDate, deadlineStatus, findDates } from '../../src/programs/deadlineStatus.js';

const KOMMA = { date: '2023-02-28' };
const at = (iso: string) => new Date(iso);

describe('deadlineStatus against a fixed clock', () => {
  it.each([
    ['2026-11-21T12:00:00Z', { kind: 'closed', date: '2023-02-28', daysAgo: 1362 }],
    ['2023-03-01T12:00:00Z', { kind: 'closed', date: '2023-02-28', daysAgo: 1 }],
    ['2023-02-28T12:00:00Z', { kind: 'today', date: '2023-02-28' }],
    ['2023-02-27T12:00:00Z', { kind: 'open', date: '2023-02-28', daysLeft: 1 }],
    ['2023-02-01T12:00:00Z', { kind: 'open', date: '2023-02-28', daysLeft: 27 }],
    ['2022-02-28T12:00:00Z', { kind: 'open', date: '2023-02-28', daysLeft: 365 }],
  ])('KommA (28.02.2023) at %s is %j', (now, status) => {
    expect(deadlineStatus(KOMMA, at(now))).toEqual(status);
  });

  it.each([
    ['just after midnight in Berlin, still the evening before in UTC', '2023-02-27T23:30:00Z', 'today'],
    ['late on the last day in UTC, already the next day in Berlin', '2023-02-28T23:30:00Z', 'closed'],
    ['the last minute of the last day in Berlin (summer time)', '2023-08-31T21:59:00Z', 'today'],
  ])('counts German calendar days: %s', (_label, now, kind) => {
    const deadline = now.startsWith('2023-08') ? { date: '2023-08-31' } : KOMMA;
    expect(deadlineStatus(deadline, at(now)).kind).toBe(kind);
  });

  it('counts across a leap day', () => {
    expect(deadlineStatus({ date: '2024-03-01' }, at('2024-02-28T12:00:00Z'))).toEqual({ kind: 'open', date: '2024-03-01', daysLeft: 2 });
  });

  it('counts the days to the unseen call’s deadline (15.01.2029) from 21.11.2026', () => {
    expect(deadlineStatus({ date: '2029-01-15' }, at('2026-11-21T12:00:00Z'))).toEqual({ kind: 'open', date: '2029-01-15', daysLeft: 786 });
  });

  it('says a day and month without a year is just that, whatever the clock', () => {
    for (const now of ['2020-09-07T12:00:00Z', '2026-11-21T12:00:00Z']) {
      expect(deadlineStatus({ dayMonth: '09-08' }, at(now))).toEqual({ kind: 'noYear', day: 8, month: 9 });
    }
  });

  it('formats the Berlin calendar date of an instant', () => {
    expect(berlinDate(at('2023-12-31T23:30:00Z'))).toBe('2024-01-01');
    expect(berlinDate(at('2023-06-30T21:30:00Z'))).toBe('2023-06-30');
  });
});

describe('findDates', () => {
  it.each([
    ['bis zum 28.2.2023 bewerben', [{ date: '2023-02-28' }]],
    ['bis zum 28.02.2023 bewerben', [{ date: '2023-02-28' }]],
    ['bis zum 28. 2. 2023 bewerben', [{ date: '2023-02-28' }]],
    ['Der Ausschreibungsfrist geht bis zum 28. Februar 2023.', [{ date: '2023-02-28' }]],
    ['noch bis zum 30. November 2019 beim Regierungspräsidium', [{ date: '2019-11-30' }]],
    ['Die Frist zur Interessensbekundung ist der 8. September.', [{ dayMonth: '09-08' }]],
    ['Die Bewerbungsfrist endet am 15. Januar 2029.', [{ date: '2029-01-15' }]],
    ['The deadline is February 28, 2023.', [{ date: '2023-02-28' }]],
    ['The deadline is 28 February 2023.', [{ date: '2023-02-28' }]],
    ['am 3. März 2024 und am 1. Okt. 2024', [{ date: '2024-03-03' }, { date: '2024-10-01' }]],
    // A month's end is its last day, leap years included.
    ['Anträge können bis Ende Februar 2027 gestellt werden.', [{ date: '2027-02-28' }]],
    ['bis Ende Februar 2028', [{ date: '2028-02-29' }]],
    ['until the end of April 2027', [{ date: '2027-04-30' }]],
  ])('finds the dates in "%s"', (text, dates) => {
    expect(findDates(text).map(({ date, dayMonth }) => (date ? { date } : { dayMonth }))).toEqual(dates);
  });

  it('returns dates in the order they appear', () => {
    const found = findDates('Am 31. Januar um 14 Uhr und am 16. Februar; Frist bis 28.2.2023.');
    expect(found.map((d) => d.date ?? d.dayMonth)).toEqual(['01-31', '02-16', '2023-02-28']);
    expect(found.map((d) => d.index)).toEqual([...found.map((d) => d.index)].sort((a, b) => a - b));
  });

  it.each([
    ['20.000 Euro'],
    ['rund 80 Beratungstage'],
    ['10.000 bis 50.000 Einwohner'],
    ['Telefon +49 (0)231 90 51–0'],
    ['am 32. Januar 2023'],
    ['am 12.13.2023'],
    ['seit 2014'],
    ['14-15 Uhr'],
  ])('finds no date in "%s"', (text) => {
    expect(findDates(text)).toEqual([]);
  });
});
