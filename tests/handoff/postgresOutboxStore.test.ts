import { PostgresOutboxStore } from '../../src/handoff/postgresOutboxStore.js';
import { skipPostgres, twoInstanceStores } from '../support/postgres.js';
import { outboxStoreContract } from './support/outboxStoreContract.js';

outboxStoreContract(
  'PostgresOutboxStore',
  async () => {
    const db = await twoInstanceStores((p) => PostgresOutboxStore.open(p), 'handoff_outbox');
    return {
      async fresh() {
        await db.truncate();
        return [db.stores[0]!, db.stores[1]!];
      },
      close: db.close,
    };
  },
  { skip: skipPostgres },
);
