/** What the page's Content-Security-Policy depends on. */
export interface PagePolicyInput {
  /** This server's host[:port] as the browser sees it, if known. */
  host: string | undefined;
  /** Origins of a remote Direct Line service (Azure), if the page talks to one. */
  directLineOrigin: string | undefined;
  /** CSP frame-ancestors sources, already validated. */
  frameAncestors: readonly string[];
  /** Per-response nonce Web Chat puts on the <style> elements it creates. */
  styleNonce: string;
}

// Hash of an empty <style>: react-scroll-to-bottom (inside Web Chat) creates one without Web Chat's nonce and
// then fills it through CSSOM insertRule, which CSP does not restrict; this keeps 'unsafe-inline' out.
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** http(s)://host → ws(s)://host, the WebSocket origin Direct Line streams come from. */
const wsOrigin = (origin: string): string => origin.replace(/^http/, 'ws');

/** A strict CSP: own scripts only, no inline script, no third-party requests; styles only with Web Chat's nonce. */
export function contentSecurityPolicy(p: PagePolicyInput): string {
  const connect = ["'self'"];
  // Both schemes: behind a TLS-terminating proxy the server cannot tell which one the browser uses.
  if (p.host) connect.push(`ws://${p.host}`, `wss://${p.host}`);
  if (p.directLineOrigin) connect.push(p.directLineOrigin, wsOrigin(p.directLineOrigin));
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${p.styleNonce}' ${EMPTY_STYLE_HASH}`,
    // blob: images are made in the page by Web Chat itself (typing animation), never fetched from elsewhere.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${p.frameAncestors.join(' ')}`,
  ].join('; ');
}

/** Headers for HTML pages, besides Content-Type. */
export function pageHeaders(p: PagePolicyInput): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(p),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // The nonce changes with every response, so a cached page would carry a stale one.
    'Cache-Control': 'no-store',
  };
  // Older browsers ignore frame-ancestors; give them the nearest X-Frame-Options equivalent.
  if (p.frameAncestors.length === 1 && p.frameAncestors[0] === "'none'") headers['X-Frame-Options'] = 'DENY';
  if (p.frameAncestors.length === 1 && p.frameAncestors[0] === "'self'") headers['X-Frame-Options'] = 'SAMEORIGIN';
  return headers;
}
