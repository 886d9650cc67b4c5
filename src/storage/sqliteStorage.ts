import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { StoreItems } from 'botbuilder';
import type { AppStorage, ChangedItems } from './appStorage.js';
import { StorageConflictError } from './storageErrors.js';

/**
 * botbuilder Storage on a SQLite file with real optimistic concurrency: a write whose eTag does not
 * match the stored one fails with StorageConflictError; eTag '*' or none writes unconditionally.
 */
export class SqliteStorage implements AppStorage {
  readonly db: Database.Database;
  private readonly readStmt: Database.Statement;
  private readonly readChangedStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly upsertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private counter = 0;
  // Several processes may share the file, and callers compare eTags to skip reads: eTags must not
  // repeat across processes (a container's pid is the same everywhere).
  private readonly origin = randomBytes(6).toString('base64url');

  constructor(file: string, private readonly now: () => number = Date.now) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS bot_state (
      key TEXT PRIMARY KEY, doc TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL)`);
    this.db.exec('CREATE INDEX IF NOT EXISTS bot_state_updated ON bot_state(updated_at)');
    this.readStmt = this.db.prepare('SELECT doc, etag FROM bot_state WHERE key = ?');
    this.readChangedStmt = this.db.prepare('SELECT etag, CASE WHEN etag = ? THEN NULL ELSE doc END AS doc FROM bot_state WHERE key = ?');
    this.insertStmt = this.db.prepare('INSERT INTO bot_state(key, doc, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO NOTHING');
    this.updateStmt = this.db.prepare('UPDATE bot_state SET doc = ?, etag = ?, updated_at = ? WHERE key = ? AND etag = ?');
    this.upsertStmt = this.db.prepare(
      'INSERT INTO bot_state(key, doc, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, updated_at = excluded.updated_at',
    );
    this.deleteStmt = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.applyWrites = this.db.transaction((entries: [string, Record<string, unknown>][]) => this.writeEntries(entries));
  }

  private nextEtag(): string {
    return `${this.now().toString(36)}-${this.origin}-${(++this.counter).toString(36)}`;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const row = this.readStmt.get(key) as { doc: string; etag: string } | undefined;
      if (row) out[key] = { ...JSON.parse(row.doc), eTag: row.etag };
    }
    return out;
  }

  async readChanged(known: Record<string, string | undefined>): Promise<ChangedItems> {
    const result: ChangedItems = { items: {}, unchanged: new Set() };
    for (const [key, etag] of Object.entries(known)) {
      // '' never matches a stored eTag, so an unknown one always transfers the document.
      const row = this.readChangedStmt.get(etag ?? '', key) as { doc: string | null; etag: string } | undefined;
      if (!row) continue;
      if (row.doc === null) result.unchanged.add(key);
      else result.items[key] = { ...JSON.parse(row.doc), eTag: row.etag };
    }
    return result;
  }

  // Built once: better-sqlite3 compiles a transaction function; doing it per write showed in profiles.
  private readonly applyWrites: (entries: [string, Record<string, unknown>][]) => [Record<string, unknown>, string][];

  async write(changes: StoreItems): Promise<void> {
    // botbuilder reads the new eTag back from the object it wrote; set only once the transaction committed.
    const entries = Object.entries(changes) as [string, Record<string, unknown>][];
    // One item (most turns) is one statement, atomic on its own; BEGIN/COMMIT around it only cost time.
    const written = entries.length === 1 ? this.writeEntries(entries) : this.applyWrites(entries);
    for (const [item, etag] of written) if (item) item.eTag = etag;
  }

  private writeEntries(entries: [string, Record<string, unknown>][]): [Record<string, unknown>, string][] {
    {
      const written: [Record<string, unknown>, string][] = [];
      for (const [key, item] of entries) {
        const { eTag, ...doc } = item ?? {};
        const json = JSON.stringify(doc);
        const etag = this.nextEtag();
        const t = this.now();
        if (eTag === undefined || eTag === '*' || eTag === null) {
          this.upsertStmt.run(key, json, etag, t);
        } else {
          const res = this.updateStmt.run(json, etag, t, key, String(eTag));
          if (res.changes === 0) {
            const inserted = !this.readStmt.get(key) && this.insertStmt.run(key, json, etag, t).changes === 1;
            if (!inserted) throw new StorageConflictError(key);
          }
        }
        written.push([item, etag]);
      }
      return written;
    }
  }

  async delete(keys: string[]): Promise<void> {
    const tx = this.db.transaction((ks: string[]) => ks.forEach((k) => this.deleteStmt.run(k)));
    tx(keys);
  }

  /** Keys starting with a prefix, e.g. everything of one user. */
  async keysWithPrefix(prefix: string): Promise<string[]> {
    const rows = this.db.prepare("SELECT key FROM bot_state WHERE key >= ? AND key < ? || char(0x10FFFF)").all(prefix, prefix) as { key: string }[];
    return rows.map((r) => r.key);
  }

  /** Deletes items not written for longer than maxAgeMs; returns how many. */
  async purgeOlderThan(maxAgeMs: number): Promise<number> {
    return this.db.prepare('DELETE FROM bot_state WHERE updated_at < ?').run(this.now() - maxAgeMs).changes;
  }

  close(): void {
    this.db.close();
  }
}
