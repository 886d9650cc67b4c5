import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage, parseStorageUrl, redactUrl } from '../../src/storage/createStorage.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';

const root = mkdtempSync(join(tmpdir(), 'fl-create-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parseStorageUrl', () => {
  it.each([
    ['', { kind: 'sqlite', file: null }],
    ['  ', { kind: 'sqlite', file: null }],
    ['sqlite:', { kind: 'sqlite', file: null }],
    ['sqlite:data/x.db', { kind: 'sqlite', file: 'data/x.db' }],
    ['sqlite:/var/lib/x.db', { kind: 'sqlite', file: '/var/lib/x.db' }],
    ['sqlite:///var/lib/x.db', { kind: 'sqlite', file: '/var/lib/x.db' }],
    ['/var/lib/x.db', { kind: 'sqlite', file: '/var/lib/x.db' }],
    ['./state.db', { kind: 'sqlite', file: './state.db' }],
    ['postgres://u:p@db:5432/bot', { kind: 'postgres', url: 'postgres://u:p@db:5432/bot' }],
    ['postgresql://db/bot?sslmode=require', { kind: 'postgres', url: 'postgresql://db/bot?sslmode=require' }],
  ])('reads %j as %j', (input, expected) => {
    expect(parseStorageUrl(input)).toEqual(expected);
  });

  it.each(['mysql://db/bot', 'redis://localhost', 'https://example.org/db', 'postgres:/missing-slashes'])(
    'rejects %j with an error naming STORAGE_URL',
    (input) => {
      expect(() => parseStorageUrl(input)).toThrow(/STORAGE_URL/);
    },
  );
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://bot:s3cr%40t@db:5432/x')).toBe('postgres://bot:***@db:5432/x');
    expect(redactUrl('postgres://db:5432/x')).toBe('postgres://db:5432/x');
  });
});

describe('createStorage', () => {
  it('opens SQLite at DATA_DIR/state.db by default, creating the directory', async () => {
    const dataDir = join(root, 'nested', 'data');
    const storage = await createStorage('', dataDir);
    expect(storage).toBeInstanceOf(SqliteStorage);
    await storage.write({ a: { v: 1 } });
    expect(existsSync(join(dataDir, 'state.db'))).toBe(true);
    await storage.close();
  });

  it('opens SQLite at the path a sqlite: URL names', async () => {
    const file = join(root, 'elsewhere', 'custom.db');
    const storage = await createStorage(`sqlite:${file}`, join(root, 'unused'));
    await storage.write({ a: { v: 1 } });
    await storage.close();
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(root, 'unused'))).toBe(false);
  });

  it('rejects an unsupported scheme with an error naming STORAGE_URL', async () => {
    await expect(createStorage('mongodb://localhost/bot', root)).rejects.toThrow(/STORAGE_URL.*mongodb:/);
  });

  it('fails fast, naming STORAGE_URL and hiding the password, when PostgreSQL is unreachable', async () => {
    // Port 1 on loopback refuses connections at once.
    const error = await createStorage('postgres://bot:topsecret@127.0.0.1:1/bot', root).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/STORAGE_URL/);
    expect(error?.message).toContain('postgres://bot:***@127.0.0.1:1/bot');
    expect(error?.message).not.toContain('topsecret');
  });
});
