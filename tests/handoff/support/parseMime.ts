/** A single-part MIME message, decoded: header names lower-cased, encoded-words and body decoded as UTF-8. */
export interface ParsedMessage {
  headers: Map<string, string>;
  rawHeaders: string;
  text: string;
}

/** Minimal RFC 5322/2045/2047 reader for the single text/plain messages the handoff produces. */
export function parseMime(raw: string | Buffer): ParsedMessage {
  const source = typeof raw === 'string' ? raw : raw.toString('latin1');
  const split = source.search(/\r?\n\r?\n/);
  if (split < 0) throw new Error('no blank line between header and body');
  const rawHeaders = source.slice(0, split);
  const body = source.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of rawHeaders.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`malformed header line: ${line}`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : cte === 'quoted-printable'
        ? decodeQp(body.replace(/=\r?\n/g, ''))
        : Buffer.from(body, 'latin1');
  return { headers, rawHeaders, text: bytes.toString('utf8').replace(/\r\n/g, '\n') };
}

function decodeQp(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(s.charCodeAt(i));
  }
  return Buffer.from(out);
}

// Adjacent encoded-words are joined byte-wise first, so a character split across two words survives.
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/y;
  let out = '';
  let pending: Buffer[] = [];
  let i = 0;
  const flush = () => {
    if (pending.length) out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  while (i < value.length) {
    word.lastIndex = i;
    const m = word.exec(value);
    if (m) {
      const data = m[3] ?? '';
      pending.push(m[2]!.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQp(data.replace(/_/g, ' ')));
      i = word.lastIndex;
      const gap = /^[ \t]+(?==\?)/.exec(value.slice(i));
      if (gap) i += gap[0].length;
      continue;
    }
    flush();
    out += value[i];
    i += 1;
  }
  flush();
  return out;
}
