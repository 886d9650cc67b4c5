import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createZip, dosDateTime } from '../../src/teams/zip.js';
import { hasPython, pythonReadZip } from './support/pythonZip.js';
import { readZip } from './support/zipReader.js';

const dir = mkdtempSync(join(tmpdir(), 'teams-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const modified = new Date(2025, 4, 17, 13, 45, 31);
const noise = randomBytes(64 * 1024);
const entries = [
  { name: 'manifest.json', data: JSON.stringify({ text: 'Förder'.repeat(500) }) },
  { name: 'leer.txt', data: Buffer.alloc(0) },
  { name: 'noise.bin', data: noise },
  { name: 'ordner/Übersicht – ä.txt', data: 'Grüße aus Köln\n' },
];

describe('createZip', () => {
  const zip = createZip(entries, { modified });

  it('round-trips names, contents and methods through an independent central-directory reader', () => {
    const read = readZip(zip);
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    read.forEach((e, i) => expect(e.data.equals(Buffer.from(entries[i].data))).toBe(true));
    expect(read.find((e) => e.name === 'manifest.json')!.method).toBe(8);
    // Random bytes do not compress, so they are stored.
    expect(read.find((e) => e.name === 'noise.bin')!.method).toBe(0);
    for (const e of read) expect(e.flags & 0x0800).toBe(0x0800);
  });

  it('stores the modification time as an MS-DOS date (2-second steps)', () => {
    const { date, time } = dosDateTime(modified);
    for (const e of readZip(zip)) expect([e.dosDate, e.dosTime]).toEqual([date, time]);
    expect(dosDateTime(new Date(1970, 0, 1)).date).toBe((0 << 9) | (1 << 5) | 1);
  });

  it.skipIf(!hasPython)('is read by Python zipfile with intact CRCs, UTF-8 names and the same date', () => {
    const file = join(dir, 'roundtrip.zip');
    writeFileSync(file, zip);
    const listing = pythonReadZip(file);
    expect(listing.bad).toBeNull();
    expect(listing.entries.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    listing.entries.forEach((e, i) => {
      expect(Buffer.from(e.data, 'base64').equals(Buffer.from(entries[i].data))).toBe(true);
      expect(e.date_time).toEqual([2025, 5, 17, 13, 45, 30]);
    });
  });

  it('produces identical bytes for identical input and date', () => {
    expect(createZip(entries, { modified }).equals(zip)).toBe(true);
  });

  it('writes a valid empty archive', () => {
    expect(readZip(createZip([], { modified }))).toEqual([]);
  });

  it.each(['', '/etc/passwd', '../manifest.json', 'a/../b', 'a\\b', 'a//b', 'ordner/'])('rejects the entry name %j', (name) => {
    expect(() => createZip([{ name, data: 'x' }])).toThrow(RangeError);
  });

  it('rejects duplicate entry names', () => {
    expect(() => createZip([{ name: 'a.txt', data: '1' }, { name: 'a.txt', data: '2' }])).toThrow(/duplicate/);
  });
});
