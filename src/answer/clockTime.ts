/** The hour a deadline sentence gives: "23:59 Uhr", "12 Uhr" → "23:59", "12:00". */
export function clockTime(quote: string): string | undefined {
  // "12:00 Uhr", "14:00 CET", "12.00 Uhr (MEZ)".
  const m = quote.match(/\b([01]?\d|2[0-4])(?:[:.]([0-5]\d))?\s*Uhr\b/) ?? quote.match(/\b([01]?\d|2[0-4])[:.]([0-5]\d)\s*(?:h\b|CET|CEST|MEZ|MESZ)/);
  if (m) return `${m[1].padStart(2, '0')}:${m[2] ?? '00'}`;
  // "at 3 pm", "9.30 a.m.": a twelve-hour clock.
  const twelve = quote.match(/\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?\s?m\b\.?/i);
  if (twelve) {
    const hour = (Number(twelve[1]) % 12) + (twelve[3].toLowerCase() === 'p' ? 12 : 0);
    return `${String(hour).padStart(2, '0')}:${twelve[2] ?? '00'}`;
  }
  // "at 15:00" in English.
  const at = quote.match(/\bat\s+([01]?\d|2[0-3])[:.]([0-5]\d)\b/i);
  return at ? `${at[1].padStart(2, '0')}:${at[2]}` : undefined;
}
