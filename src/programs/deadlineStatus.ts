/** Where a deadline stands today. */
export type DeadlineStatus =
  | { kind: 'closed'; date: string; daysAgo: number }
  | { kind: 'today'; date: string }
  | { kind: 'open'; date: string; daysLeft: number }
  | { kind: 'noYear'; day: number; month: number };

/** Today's calendar date in Germany (deadlines are German calendar days), as YYYY-MM-DD. */
const berlinFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
export function berlinDate(now: Date): string {
  return berlinFormat.format(now);
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Compares a deadline (full date, or day and month without a year) with the clock. */
export function deadlineStatus(deadline: { date?: string; dayMonth?: string }, now: Date): DeadlineStatus {
  if (deadline.date) {
    const diff = dayNumber(deadline.date) - dayNumber(berlinDate(now));
    if (diff < 0) return { kind: 'closed', date: deadline.date, daysAgo: -diff };
    if (diff === 0) return { kind: 'today', date: deadline.date };
    return { kind: 'open', date: deadline.date, daysLeft: diff };
  }
  const [month, day] = (deadline.dayMonth ?? '01-01').split('-').map(Number);
  return { kind: 'noYear', day, month };
}

const MONTHS: Record<string, number> = {
  januar: 1, jan: 1, january: 1, februar: 2, feb: 2, february: 2, märz: 3, maerz: 3, mär: 3, march: 3, april: 4, apr: 4,
  mai: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nov: 11, dezember: 12, december: 12, dez: 12, dec: 12,
};

export interface FoundDate {
  date?: string;
  dayMonth?: string;
  index: number;
}

function valid(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y === 0 || (y >= 1990 && y <= 2100));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates written in a sentence: "28.2.2023", "28. Februar 2023", "8. September", "February 28, 2023". */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(/\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/g)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, mo, d)) out.push({ date: `${y}-${pad(mo)}-${pad(d)}`, index: m.index ?? 0 });
  }
  for (const m of text.matchAll(/\b(\d{1,2})\.?\s+(\p{L}+)\.?(?:\s+(\d{4}))?/gu)) {
    const mo = MONTHS[m[2].toLowerCase()];
    const d = Number(m[1]);
    if (!mo) continue;
    const y = m[3] ? Number(m[3]) : 0;
    if (!valid(y, mo, d)) continue;
    out.push(y ? { date: `${y}-${pad(mo)}-${pad(d)}`, index: m.index ?? 0 } : { dayMonth: `${pad(mo)}-${pad(d)}`, index: m.index ?? 0 });
  }
  // "bis Ende Februar 2027": the month's last day (the quote that follows says it in its own words).
  for (const m of text.matchAll(/\b(?:ende|end of)\s+(\p{L}+)\s+(\d{4})\b/giu)) {
    const mo = MONTHS[m[1].toLowerCase()];
    const y = Number(m[2]);
    if (mo && valid(y, mo, 1)) out.push({ date: `${y}-${pad(mo)}-${pad(new Date(Date.UTC(y, mo, 0)).getUTCDate())}`, index: m.index ?? 0 });
  }
  for (const m of text.matchAll(/\b(\p{L}+)\s+(\d{1,2}),?\s+(\d{4})\b/gu)) {
    const mo = MONTHS[m[1].toLowerCase()];
    if (mo && valid(Number(m[3]), mo, Number(m[2]))) out.push({ date: `${m[3]}-${pad(mo)}-${pad(Number(m[2]))}`, index: m.index ?? 0 });
  }
  return out.sort((a, b) => a.index - b.index);
}
