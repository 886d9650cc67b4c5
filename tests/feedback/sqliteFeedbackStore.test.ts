import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteFeedbackStore } from '../../src/feedback/sqliteFeedbackStore.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { feedbackStoreContract } from './feedbackStoreContract.js';

feedbackStoreContract('SqliteFeedbackStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-feedback-'));
  const db = new Database(join(dir, 'state.db'));
  const store = new SqliteFeedbackStore(db);
  return {
    async fresh() {
      db.exec('DELETE FROM feedback_events');
      return store;
    },
    async close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteFeedbackStore in the state file', () => {
  it('shares the bot state database and survives a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-feedback-'));
    try {
      const file = join(dir, 'state.db');
      const storage = new SqliteStorage(file);
      await new SqliteFeedbackStore(storage.db).recordUnanswered({ at: new Date('2026-11-20T10:00:00Z'), programId: 'komma', question: 'Reisekosten?', answer: '' });
      await storage.write({ 'conv/test/1': { a: 1 } });
      storage.close();
      const db = new Database(file);
      const top = await new SqliteFeedbackStore(db).topQuestions();
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      db.close();
      expect(top.map((t) => t.question)).toEqual(['Reisekosten?']);
      expect(tables).toEqual(['bot_state', 'feedback_events']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores no user, conversation or channel id', () => {
    const db = new Database(':memory:');
    new SqliteFeedbackStore(db);
    const columns = (db.prepare('PRAGMA table_info(feedback_events)').all() as { name: string }[]).map((c) => c.name);
    db.close();
    expect(columns).toEqual(['seq', 'id', 'at', 'program_id', 'kind', 'question', 'question_key', 'answer', 'comment']);
  });
});
