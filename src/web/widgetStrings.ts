import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export type WidgetLocale = 'de-DE' | 'en-US';

/** locales/<lang>/widget.json: every user-facing string of the chat page and the embed snippet. */
export const widgetStringsSchema = z.object({
  pageTitle: z.string().min(1).includes('{{name}}'),
  subtitle: z.string().min(1),
  placeholder: z.string().min(1),
  privacyNote: z.string().min(1),
  chatRegion: z.string().min(1),
  connecting: z.string().min(1),
  connectionFailed: z.string().min(1),
  noscript: z.string().min(1),
  openChat: z.string().min(1),
  closeChat: z.string().min(1),
  botAvatarInitials: z.string().min(1).max(3),
  userAvatarInitials: z.string().min(1).max(3),
});

export type WidgetStrings = z.infer<typeof widgetStringsSchema>;

// src/web and dist/web both sit two levels below the project root.
const DEFAULT_LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url));

/** Reads and validates the widget strings of both languages; throws naming the file and field. */
export function loadWidgetStrings(localesDir = DEFAULT_LOCALES_DIR): Record<WidgetLocale, WidgetStrings> {
  const load = (lang: 'de' | 'en'): WidgetStrings => {
    const file = join(localesDir, lang, 'widget.json');
    const parsed = widgetStringsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  };
  return { 'de-DE': load('de'), 'en-US': load('en') };
}

/** The page title for a programme name. */
export function pageTitle(strings: WidgetStrings, name: string): string {
  return strings.pageTitle.replace('{{name}}', () => name);
}
