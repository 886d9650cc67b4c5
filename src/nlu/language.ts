export type Lang = 'de' | 'en';

const EN = new Set('the is are do does can could what when who how which need needed apply we our my i to for a of until there any have has should must be it this that with'.split(' '));
const DE = new Set('der die das ist sind wir ich für und bei wie was wann können kann muss müssen nicht mit ein eine zu auf bis wer gibt es uns unsere man sich des dem den'.split(' '));

/** Reply language: what the text is clearly written in, else the channel's locale, else the configured default. */
export function detectLanguage(text: string, locale?: string, fallback: Lang = 'de'): Lang {
  // All-caps tokens are names ("WIR", "BAMF"), not words of either language.
  const ws = (text.match(/[A-Za-zÄÖÜäöüß]+/g) ?? []).filter((w) => w.length < 2 || w !== w.toUpperCase()).map((w) => w.toLowerCase());
  let en = 0;
  let de = 0;
  for (const w of ws) {
    if (EN.has(w)) en++;
    if (DE.has(w)) de++;
  }
  if (ws.length >= 3) {
    if (en >= 2 && en > de * 2) return 'en';
    if (de >= 2 && de > en * 2) return 'de';
  }
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('de')) return 'de';
  return fallback;
}
