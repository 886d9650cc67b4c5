import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFeedbackStore } from '../../src/feedback/postgresFeedbackStore.js';
import { runReport } from '../../src/feedback/reportCommand.js';
import { skipPostgres, startPostgres, twoInstanceStores, type TestPostgres } from '../support/postgres.js';
import { parseCsv } from './csv.js';
import { feedbackStoreContract } from './feedbackStoreContract.js';

feedbackStoreContract(
  'PostgresFeedbackStore',
  async () => {
    const db = await twoInstanceStores((p) => PostgresFeedbackStore.open(p), 'feedback_events');
    return {
      async fresh() {
        await db.truncate();
        return db.stores[0]!;
      },
      close: db.close,
    };
  },
  { skip: skipPostgres },
);

describe.skipIf(skipPostgres)('npm run report on PostgreSQL (STORAGE_URL)', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reads the events several instances wrote to the shared database', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 2 });
    try {
      const store = await PostgresFeedbackStore.open(pool);
      await store.recordUnanswered({ at: new Date('2026-11-20T09:00:00Z'), programId: 'komma', question: 'Ich bin Anna Schmidt. Gibt es Reisekosten?', answer: 'Dazu finde ich nichts.' });
      await store.recordFeedback({ at: new Date('2026-11-20T10:00:00Z'), programId: 'komma', question: 'Ich bin Jan Berg. Gibt es Reisekosten?', answer: 'Dazu finde ich nichts.', kind: 'down' });
    } finally {
      await pool.end();
    }
    let stdout = '';
    const code = await runReport(['--format', 'csv'], {
      env: { STORAGE_URL: server.url, DATA_DIR: '/nonexistent' },
      now: () => new Date('2026-11-21T12:00:00Z'),
      stdout: (t) => (stdout += t),
      stderr: (t) => (stdout += t),
    });
    expect(code).toBe(0);
    expect(parseCsv(stdout).slice(1).map((r) => r.slice(0, 5))).toEqual([['komma', 'Ich bin [Name]. Gibt es Reisekosten?', '1', '1', '0']]);
  });

  it('says the database is unreachable, without the password', async () => {
    let stderr = '';
    const code = await runReport([], {
      env: { STORAGE_URL: 'postgres://report:geheim@127.0.0.1:1/db' },
      now: () => new Date(),
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Die Datenbank ist nicht erreichbar: /);
    expect(stderr).not.toContain('geheim');
  });
});
