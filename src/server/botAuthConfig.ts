import { AuthenticationConstants } from 'botframework-connector';
import { isLoopback } from './serviceUrlPolicy.js';

/** The service's authentication settings, as named in the environment (botbuilder's own names). */
export interface BotAuthSettings {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: string;
  MicrosoftAppTenantId: string;
  /** OpenID metadata for channel tokens; default Microsoft's (login.botframework.com). */
  ToBotFromChannelOpenIdMetadataUrl?: string;
  /** OpenID metadata for Emulator and skill tokens; default Microsoft's (login.microsoftonline.com). */
  ToBotFromEmulatorOpenIdMetadataUrl?: string;
  /** The `iss` of channel tokens; default https://api.botframework.com. */
  ToBotFromChannelTokenIssuer?: string;
}

/** Public-cloud values for every setting botbuilder's parameterized authentication needs. */
const PUBLIC_CLOUD = {
  ValidateAuthority: true,
  ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  OAuthUrl: AuthenticationConstants.OAuthUrl,
  ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  CallerId: 'urn:botframework:azure',
};

/** Key material must come over TLS; plain http only to this machine (tests, a local mirror). */
function checkMetadataUrl(name: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: not a URL`);
  }
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return;
  throw new Error(`${name}: must be an https URL (http only on loopback)`);
}

/**
 * The settings object for botbuilder's ConfigurationBotFrameworkAuthentication. Without overrides it
 * is just the app credentials (botbuilder's public-cloud defaults). With any override, botbuilder
 * takes *every* parameter from the object and leaves the rest undefined (issuer `[undefined]`, no
 * login URL), so the public-cloud values are filled in for all settings not overridden.
 */
export function botAuthenticationConfig(s: BotAuthSettings): Record<string, string | boolean> {
  const base = { MicrosoftAppId: s.MicrosoftAppId, MicrosoftAppPassword: s.MicrosoftAppPassword, MicrosoftAppType: s.MicrosoftAppType, MicrosoftAppTenantId: s.MicrosoftAppTenantId };
  const overrides = {
    ToBotFromChannelOpenIdMetadataUrl: s.ToBotFromChannelOpenIdMetadataUrl || undefined,
    ToBotFromEmulatorOpenIdMetadataUrl: s.ToBotFromEmulatorOpenIdMetadataUrl || undefined,
    ToBotFromChannelTokenIssuer: s.ToBotFromChannelTokenIssuer || undefined,
  };
  if (!Object.values(overrides).some(Boolean)) return base;
  if (overrides.ToBotFromChannelOpenIdMetadataUrl) checkMetadataUrl('ToBotFromChannelOpenIdMetadataUrl', overrides.ToBotFromChannelOpenIdMetadataUrl);
  if (overrides.ToBotFromEmulatorOpenIdMetadataUrl) checkMetadataUrl('ToBotFromEmulatorOpenIdMetadataUrl', overrides.ToBotFromEmulatorOpenIdMetadataUrl);
  const set = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v)) as Record<string, string>;
  return { ...base, ...PUBLIC_CLOUD, ...set };
}
