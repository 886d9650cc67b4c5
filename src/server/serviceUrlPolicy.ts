/** Hosts Microsoft's channels call back on; allowed by default when the bot has an app id. */
const MICROSOFT_HOST_SUFFIXES = ['.botframework.com', '.trafficmanager.net', '.teams.microsoft.com', '.botframework.azure.us', '.teams.microsoft.us', '.infra.azure.us'];

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Whether the bot may post replies to a serviceUrl: loopback always, configured prefixes, and —
 * only with an app id (authenticated channels) — Microsoft's channel hosts. Anything else is refused
 * so the bot cannot be made to send requests to arbitrary hosts.
 */
export function isAllowedServiceUrl(serviceUrl: string, opts: { authenticated: boolean; allowlist: string[] }): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (isLoopback(url.hostname)) return true;
  if (opts.allowlist.some((p) => serviceUrl.toLowerCase().startsWith(p.toLowerCase()))) return true;
  if (opts.authenticated && url.protocol === 'https:') {
    const host = url.hostname.toLowerCase();
    return MICROSOFT_HOST_SUFFIXES.some((s) => host.endsWith(s)) || host === 'smba.trafficmanager.net';
  }
  return false;
}

export { isLoopback };
