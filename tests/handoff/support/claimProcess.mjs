// Child process for the cross-process claim test: waits for the common start time, claims until the queue is empty, prints what it got.
import Database from 'better-sqlite3';

const [storeModule, file, startAt] = process.argv.slice(2);
const { SqliteOutboxStore } = await import(storeModule);
const db = new Database(file);
db.pragma('journal_mode = WAL');
const store = new SqliteOutboxStore(db);
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
const got = [];
for (;;) {
  const entries = await store.claimDue(Date.now(), 2, 600_000);
  if (!entries.length) break;
  got.push(...entries.map((e) => e.case.reference));
}
db.close();
process.stdout.write(JSON.stringify(got));
