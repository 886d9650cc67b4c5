/**
 * Hosts Microsoft's channels call back on; allowed by default when the bot has an app id. Suffixes
 * only under Microsoft-owned zones — not `.trafficmanager.net`, where anyone can register a name.
 */
const MICROSOFT_HOST_SUFFIXES = ['.botframework.com', '.teams.microsoft.com', '.botframework.azure.us', '.teams.microsoft.us', '.infra.azure.us'];
const MICROSOFT_HOSTS = ['smba.trafficmanager.net'];

/** Whether a host name (as `URL.hostname` gives it) or peer address is this machine. */
function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    h === 'localhost' ||
    h === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(h)
  );
}

/** An allow-list entry as a URL; a bare host means https. */
function parseEntry(entry: string): URL | undefined {
  const e = entry.trim();
  if (!e) return undefined;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(e) ? e : `https://${e}`);
  } catch {
    return undefined;
  }
}

/** Same scheme, host and port, and the path at or below the entry's path (segment-wise, not by string prefix). */
function matchesEntry(url: URL, entry: string): boolean {
  const e = parseEntry(entry);
  if (!e || e.protocol !== url.protocol || e.hostname !== url.hostname || e.port !== url.port) return false;
  const base = e.pathname.endsWith('/') ? e.pathname : `${e.pathname}/`;
  return url.pathname === e.pathname || url.pathname.startsWith(base);
}

/**
 * Whether the bot may post replies to a serviceUrl: loopback always, configured entries
 * (`https://host[:port][/path]`, matched by origin and path segment — `https://a.example` does not
 * admit `https://a.example.evil.com`), and — only with an app id (authenticated channels) — Microsoft's
 * channel hosts over https. Anything else, and any URL with credentials in it, is refused so the bot
 * cannot be made to send requests (with its token) to arbitrary hosts.
 */
export function isAllowedServiceUrl(serviceUrl: string, opts: { authenticated: boolean; allowlist: string[] }): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (isLoopback(url.hostname)) return true;
  if (opts.allowlist.some((entry) => matchesEntry(url, entry))) return true;
  if (opts.authenticated && url.protocol === 'https:') {
    const host = url.hostname.toLowerCase();
    return MICROSOFT_HOSTS.includes(host) || MICROSOFT_HOST_SUFFIXES.some((s) => host.endsWith(s));
  }
  return false;
}

export { isLoopback };
