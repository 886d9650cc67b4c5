import pg from 'pg';
import { PostgresOutboxStore } from '../../src/handoff/postgresOutboxStore.js';
import { skipPostgres, startPostgres } from '../support/postgres.js';
import { outboxStoreContract } from './support/outboxStoreContract.js';

outboxStoreContract(
  'PostgresOutboxStore',
  async () => {
    const server = await startPostgres();
    // Two pools are two bot instances; each pool has several connections, so claims really overlap.
    const pools = [new pg.Pool({ connectionString: server.url, max: 4 }), new pg.Pool({ connectionString: server.url, max: 4 })];
    try {
      // Both instances migrate at once, as they would on a simultaneous deploy.
      const stores = await Promise.all(pools.map((p) => PostgresOutboxStore.open(p)));
      return {
        async fresh() {
          await pools[0]!.query('TRUNCATE handoff_outbox');
          return [stores[0]!, stores[1]!];
        },
        async close() {
          await Promise.all(pools.map((p) => p.end()));
          await server.stop();
        },
      };
    } catch (err) {
      await Promise.all(pools.map((p) => p.end()));
      await server.stop();
      throw err;
    }
  },
  { skip: skipPostgres },
);
