import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';
import type { Lang } from './nlu/language.js';

export type Translate = (lang: Lang, key: string, values?: Record<string, unknown>) => string;

/** Loads locales/<lang>/*.json (one namespace per file) into an i18next instance; German is the fallback. */
export function createTranslator(localesDir: string): { t: Translate; instance: i18n } {
  const resources: Record<string, Record<string, unknown>> = {};
  const namespaces = new Set<string>();
  for (const lang of ['de', 'en']) {
    const dir = join(localesDir, lang);
    resources[lang] = {};
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const ns = f.replace(/\.json$/, '');
      namespaces.add(ns);
      resources[lang][ns] = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    }
  }
  const instance = i18next.createInstance();
  void instance.init({
    resources: resources as Resource,
    lng: 'de',
    fallbackLng: 'de',
    ns: [...namespaces],
    defaultNS: 'bot',
    initAsync: false,
    // Replies are plain text/markdown, never HTML; markdown escaping happens where text is composed.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // i18next resolves every call through its whole pipeline (≈0.1 ms); the bot translates a dozen
  // strings per turn, so templates are looked up once and interpolated here ({{name}}, _one/_other).
  const templates = new Map<string, string | null>();
  const plural = { de: new Intl.PluralRules('de-DE'), en: new Intl.PluralRules('en-GB') };
  const template = (lang: Lang, key: string): string | null => {
    const cacheKey = `${lang}\u0000${key}`;
    let tpl = templates.get(cacheKey);
    if (tpl === undefined) {
      const [ns, path] = key.includes(':') ? key.split(':', 2) : ['bot', key];
      const raw = instance.getResource(lang, ns, path) ?? (lang !== 'de' ? instance.getResource('de', ns, path) : undefined);
      tpl = typeof raw === 'string' ? raw : null;
      templates.set(cacheKey, tpl);
    }
    return tpl;
  };
  const t: Translate = (lang, key, values) => {
    let tpl: string | null = null;
    if (values && typeof values.count === 'number') tpl = template(lang, `${key}_${plural[lang].select(values.count)}`) ?? template(lang, `${key}_other`);
    tpl ??= template(lang, key);
    if (tpl === null) return instance.t(key, { lng: lang, ...(values ?? {}) }) as string;
    if (!values || !tpl.includes('{{')) return tpl;
    return tpl.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (m, name: string) => (values[name] === undefined || values[name] === null ? '' : String(values[name])));
  };
  return { t, instance };
}

/** Formats a number the way each language writes it (8.000 / 8,000). */
const numberFormats = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };
export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}

/** Formats an ISO date: 28.02.2023 / 28 February 2023. */
const longDateEn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthNames = { de: new Intl.DateTimeFormat('de-DE', { month: 'long', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }) };

export function formatDate(lang: Lang, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (lang === 'de') return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
  return longDateEn.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Formats a day and month without a year: 8. September / 8 September. */
export function formatDayMonth(lang: Lang, day: number, month: number): string {
  const name = monthNames[lang].format(new Date(Date.UTC(2000, month - 1, day)));
  return lang === 'de' ? `${day}. ${name}` : `${day} ${name}`;
}
