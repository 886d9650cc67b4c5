import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';

/** An RSA signing key as a channel (or an attacker) would hold it. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: { kty: string; n: string; e: string };
}

/** A fresh 2048-bit RSA key with a key id. */
export function generateSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; n: string; e: string };
  return { kid, privateKey, publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e } };
}

const b64url = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** A compact JWS (RS256 by default) signed with `key`; `header` overrides or adds header fields. */
export function signJwt(payload: Record<string, unknown>, key: SigningKey, header: Record<string, unknown> = {}): string {
  const head = { alg: 'RS256', typ: 'JWT', kid: key.kid, ...header };
  const input = `${b64url(head)}.${b64url(payload)}`;
  const alg = String(head.alg);
  const hash = alg === 'RS384' ? 'RSA-SHA384' : alg === 'RS512' ? 'RSA-SHA512' : 'RSA-SHA256';
  const sig = createSign(hash).update(input).sign(key.privateKey).toString('base64url');
  return `${input}.${sig}`;
}

/** An unsigned token (`alg: none`), as an attacker would try. */
export function unsignedJwt(payload: Record<string, unknown>, kid: string): string {
  return `${b64url({ alg: 'none', typ: 'JWT', kid })}.${b64url(payload)}.`;
}

export interface OpenIdStub {
  /** The OpenID configuration document's URL (what botbuilder calls the metadata URL). */
  metadataUrl: string;
  /** Requests served so far, by path. */
  hits: string[];
  close(): Promise<void>;
}

/**
 * Serves an OpenID configuration and a JWKS on 127.0.0.1, like login.botframework.com does:
 * the configuration's `jwks_uri` points at this stub's key set, which publishes `keys`.
 */
export async function startOpenIdStub(keys: SigningKey[], opts: { endorsements?: string[] } = {}): Promise<OpenIdStub> {
  const hits: string[] = [];
  let base = '';
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/v1/.well-known/openidconfiguration') {
      return send(200, { issuer: 'https://api.botframework.com', authorization_endpoint: `${base}/v1/authorize`, jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
    }
    if (req.url === '/v1/keys') {
      return send(200, { keys: keys.map((k) => ({ ...k.publicJwk, use: 'sig', kid: k.kid, ...(opts.endorsements ? { endorsements: opts.endorsements } : {}) })) });
    }
    send(404, { error: 'not_found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A loopback URL nothing listens on (bound once, then released). */
export async function deadUrl(path: string): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}${path}`;
}
