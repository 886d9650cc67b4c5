import type { Pool } from 'pg';

/**
 * Runs schema statements in one transaction under an advisory lock, so instances starting together
 * queue instead of colliding on CREATE TABLE IF NOT EXISTS in the catalog.
 */
export async function migrate(pool: Pool, lockName: string, statements: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName]);
    for (const sql of statements) await client.query(sql);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
