import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type restify from 'restify';
import { z } from 'zod';
import { requestHost } from '../directline/httpHelpers.js';
import type { RouteRequest } from '../directline/routeServer.js';
import { pageHeaders } from './securityHeaders.js';
import { StaticAsset } from './staticAsset.js';
import { type WidgetLocale, type WidgetStrings, loadWidgetStrings, pageTitle } from './widgetStrings.js';

/** How the chat page looks and where it connects. */
export interface WebChatPageOptions {
  /** The programme's name, shown as heading and in the page title. */
  title: string;
  /** Accent colour like #0a5c8a. */
  accentColor: string;
  /** UI language; default de-DE. */
  locale?: WidgetLocale;
  /** Direct Line base the page talks to; default this server's /v3/directline. Set to the Azure domain when DIRECT_LINE_SECRET is used. */
  directLineDomain?: string;
  /** CSP frame-ancestors: sites allowed to embed /chat (the programme's sites, for embed.js); default only this origin. */
  frameAncestors?: string[];
  /** Public base URL; default derived from the request. */
  publicUrl?: string;
  localesDir?: string;
  staticDir?: string;
  /** Where the page gets its Direct Line token; default /api/directline/token. */
  tokenPath?: string;
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
// A frame-ancestors source that cannot smuggle another directive in: keyword, scheme-host[:port], or wildcard subdomain.
const FRAME_SOURCE = /^(?:'self'|'none'|https?:\/\/(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?)$/;

const optionsSchema = z.object({
  title: z.string().trim().min(1).max(80),
  accentColor: z.string().regex(HEX_COLOUR, 'a colour like #0a5c8a'),
  locale: z.enum(['de-DE', 'en-US']).default('de-DE'),
  directLineDomain: z.url({ protocol: /^https?$/ }).optional(),
  frameAncestors: z.array(z.string().regex(FRAME_SOURCE, "a CSP source like https://www.example.de or 'self'")).min(1).default(["'self'"]),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  localesDir: z.string().optional(),
  staticDir: z.string().optional(),
  tokenPath: z.string().regex(/^\/[A-Za-z0-9/_-]*$/).default('/api/directline/token'),
});

/** Query parameters /chat understands; each falls back to the configured default when absent or invalid. */
const pageQuerySchema = z.object({
  embed: z.literal('1').optional().catch(undefined),
  locale: z
    .enum(['de-DE', 'en-US', 'de', 'en'])
    .transform((l): WidgetLocale => (l.startsWith('de') ? 'de-DE' : 'en-US'))
    .optional()
    .catch(undefined),
  accent: z
    .string()
    .transform((c) => (c.startsWith('#') ? c : `#${c}`))
    .pipe(z.string().regex(HEX_COLOUR))
    .optional()
    .catch(undefined),
});

/** Serves the chat page (/, /chat), its script and styles, the embed snippet (/embed.js) and Web Chat's bundle (/webchat/webchat.js), all from this server. */
export function registerWebChat(server: restify.Server, options: WebChatPageOptions): void {
  const cfg = optionsSchema.parse(options);
  const strings = loadWidgetStrings(cfg.localesDir);
  const staticDir = cfg.staticDir ?? findStaticDir();
  const directLineOrigin = cfg.directLineDomain ? new URL(cfg.directLineDomain).origin : undefined;

  const longCache = { 'Cache-Control': 'public, max-age=86400', 'Cross-Origin-Resource-Policy': 'same-origin' };
  const shortCache = { 'Cache-Control': 'no-cache', 'Cross-Origin-Resource-Policy': 'same-origin' };
  const webchatJs = new StaticAsset(readFileSync(webChatBundlePath()), 'application/javascript; charset=utf-8', longCache);
  const chatJs = new StaticAsset(readFileSync(join(staticDir, 'chat.js')), 'application/javascript; charset=utf-8', shortCache);
  const chatCss = new StaticAsset(readFileSync(join(staticDir, 'chat.css')), 'text/css; charset=utf-8', shortCache);
  const embedJs = new StaticAsset(
    Buffer.from(
      readFileSync(join(staticDir, 'embed.js'), 'utf8').replace(
        '/*__WIDGET_STRINGS__*/ null',
        () => JSON.stringify(embedStrings(strings)),
      ),
    ),
    'application/javascript; charset=utf-8',
    // Loaded by <script> tags on the programmes' own sites.
    { 'Cache-Control': 'public, max-age=3600', 'Cross-Origin-Resource-Policy': 'cross-origin' },
  );

  const page = async (req: RouteRequest, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = pageQuerySchema.parse(Object.fromEntries(url.searchParams));
    const locale = query.locale ?? cfg.locale;
    const nonce = randomBytes(18).toString('base64');
    const host = cfg.publicUrl ? new URL(cfg.publicUrl).host : requestHost(req);
    const html = renderPage({
      strings: strings[locale],
      locale,
      title: cfg.title,
      accent: query.accent ?? cfg.accentColor,
      embed: query.embed === '1',
      nonce,
      directLineDomain: cfg.directLineDomain ?? '',
      tokenPath: cfg.tokenPath,
    });
    // A server-wide X-Frame-Options would block the embedding sites that frame-ancestors allows.
    res.removeHeader('X-Frame-Options');
    res.statusCode = 200;
    res.writeHead(200, {
      ...pageHeaders({ host, directLineOrigin, frameAncestors: cfg.frameAncestors, styleNonce: nonce }),
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(html)),
    });
    res.end(html);
  };

  server.get('/', page);
  server.get('/chat', page);
  server.get('/chat.js', async (req, res) => chatJs.send(req, res));
  server.get('/chat.css', async (req, res) => chatCss.send(req, res));
  server.get('/embed.js', async (req, res) => embedJs.send(req, res));
  server.get('/webchat/webchat.js', async (req, res) => webchatJs.send(req, res));
}

interface PageModel {
  strings: WidgetStrings;
  locale: WidgetLocale;
  title: string;
  accent: string;
  embed: boolean;
  nonce: string;
  directLineDomain: string;
  tokenPath: string;
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page: no inline script or style; configuration travels in escaped data attributes. */
function renderPage(m: PageModel): string {
  const e = escapeHtml;
  const s = m.strings;
  return `<!doctype html>
<html lang="${m.locale.slice(0, 2)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(pageTitle(s, m.title))}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/chat.css">
<script src="/webchat/webchat.js" defer></script>
<script src="/chat.js" defer></script>
</head>
<body class="${m.embed ? 'fl-embed' : 'fl-standalone'}"
 data-locale="${e(m.locale)}"
 data-accent="${e(m.accent)}"
 data-style-nonce="${e(m.nonce)}"
 data-token-url="${e(m.tokenPath)}"
 data-direct-line-domain="${e(m.directLineDomain)}"
 data-placeholder="${e(s.placeholder)}"
 data-connecting="${e(s.connecting)}"
 data-connection-failed="${e(s.connectionFailed)}"
 data-bot-initials="${e(s.botAvatarInitials)}"
 data-user-initials="${e(s.userAvatarInitials)}">
<div class="fl-app">
<header class="fl-header">
<h1 class="fl-title">${e(m.title)}</h1>
<p class="fl-subtitle">${e(s.subtitle)}</p>
</header>
<main id="webchat" class="fl-webchat" aria-label="${e(s.chatRegion)}"></main>
<p id="fl-status" class="fl-status" role="status" hidden></p>
<footer class="fl-privacy">${e(s.privacyNote)}</footer>
</div>
<noscript><p class="fl-status">${e(s.noscript)}</p></noscript>
</body>
</html>
`;
}

/** The few strings the embed snippet shows on the host page, per language. */
function embedStrings(strings: Record<WidgetLocale, WidgetStrings>): Record<WidgetLocale, { openChat: string; closeChat: string; chatRegion: string }> {
  const pick = (s: WidgetStrings) => ({ openChat: s.openChat, closeChat: s.closeChat, chatRegion: s.chatRegion });
  return { 'de-DE': pick(strings['de-DE']), 'en-US': pick(strings['en-US']) };
}

/** node_modules/botframework-webchat/dist/webchat.js; the package's exports hide package.json, so walk up from its entry. */
function webChatBundlePath(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('botframework-webchat'));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'dist', 'webchat.js');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('botframework-webchat/dist/webchat.js not found; is botframework-webchat installed?');
}

/** src/web/static, also when running from dist/web (tsc does not copy non-TS files). */
function findStaticDir(): string {
  const candidates = [new URL('./static', import.meta.url), new URL('../../src/web/static', import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((d) => existsSync(join(d, 'chat.js')));
  if (!found) throw new Error(`chat page assets not found in ${candidates.join(' or ')}`);
  return found;
}
