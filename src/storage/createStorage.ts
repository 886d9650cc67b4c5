import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppStorage } from './appStorage.js';
import { PostgresStorage, type PostgresStorageOptions } from './postgresStorage.js';
import { SqliteStorage } from './sqliteStorage.js';

/** Where STORAGE_URL points: a SQLite file (null = the default file in DATA_DIR) or a PostgreSQL server. */
export type StorageTarget = { kind: 'sqlite'; file: string | null } | { kind: 'postgres'; url: string };

/** Interprets STORAGE_URL: '' / 'sqlite:' / 'sqlite:PATH' / a plain path, or postgres(ql)://; throws otherwise. */
export function parseStorageUrl(storageUrl: string): StorageTarget {
  const value = storageUrl.trim();
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  if (/^sqlite:/i.test(value)) {
    // 'sqlite:///abs/state.db' and 'sqlite:/abs/state.db' both name /abs/state.db.
    const path = value.slice('sqlite:'.length).replace(/^\/\//, '');
    return { kind: 'sqlite', file: path === '' ? null : path };
  }
  if (value === '') return { kind: 'sqlite', file: null };
  // Any other 'scheme:' (two letters or more, so a Windows drive letter still counts as a path) is a mistake.
  if (/^[a-z][a-z0-9+.-]+:/i.test(value)) {
    const scheme = value.slice(0, value.indexOf(':') + 1);
    throw new Error(
      `STORAGE_URL: unsupported scheme '${scheme}'. Use '' or 'sqlite:PATH' (SQLite file) or 'postgres://user:password@host:5432/db' (PostgreSQL).`,
    );
  }
  return { kind: 'sqlite', file: value };
}

/** Hides the password of a connection URL so it can appear in errors and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@');
}

/** Opens the storage STORAGE_URL names; SQLite files default to `${dataDir}/state.db`. */
export async function createStorage(
  storageUrl: string,
  dataDir: string,
  opts: Pick<PostgresStorageOptions, 'onPoolError' | 'maxConnections'> = {},
): Promise<AppStorage> {
  const target = parseStorageUrl(storageUrl);
  if (target.kind === 'sqlite') {
    const file = target.file ?? join(dataDir, 'state.db');
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return new SqliteStorage(file);
  }
  try {
    return await PostgresStorage.open(target.url, opts);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`STORAGE_URL: cannot open PostgreSQL storage at ${redactUrl(target.url)}: ${reason}`, { cause: err });
  }
}
