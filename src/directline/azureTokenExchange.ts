import { DirectLineError } from './directLineErrors.js';
import { azureTokenResponseSchema } from './directLineSchemas.js';

/** The global Azure Direct Line endpoint; regional bots use e.g. https://europe.directline.botframework.com/v3/directline. */
export const AZURE_DIRECT_LINE_DOMAIN = 'https://directline.botframework.com/v3/directline';

export interface AzureTokenExchangeOptions {
  secret: string;
  domain?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A token for one new Azure Direct Line conversation, as the page needs it. */
export interface ExchangedToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** Swaps the Direct Line secret for a short-lived conversation token at Azure; the secret stays on the server. */
export async function exchangeAzureToken(opts: AzureTokenExchangeOptions, userId: string): Promise<ExchangedToken> {
  const doFetch = opts.fetch ?? fetch;
  const url = `${(opts.domain ?? AZURE_DIRECT_LINE_DOMAIN).replace(/\/+$/, '')}/tokens/generate`;
  let res: Response;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${opts.secret}`, 'Content-Type': 'application/json' },
      // The user id goes into Azure's token so the browser cannot pick another visitor's id.
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (err) {
    throw new DirectLineError(502, 'UpstreamError', `Azure Direct Line unreachable (${err instanceof Error ? err.name : 'error'})`);
  }
  if (!res.ok) throw new DirectLineError(502, 'UpstreamError', `Azure Direct Line answered ${res.status}`);
  const parsed = azureTokenResponseSchema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new DirectLineError(502, 'UpstreamError', 'Azure Direct Line sent an unexpected token response');
  return parsed.data;
}
