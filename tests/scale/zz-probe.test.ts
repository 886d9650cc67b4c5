import { it } from 'vitest';
import { startPostgres } from '../support/postgres.js';
import { formatScaleResult, runScaleLoad } from './loadDriver.js';
it('probe', async () => {
  const backend = process.env.PROBE_BACKEND ?? 'postgres';
  const pg = backend === 'postgres' ? await startPostgres() : null;
  try {
    const r = await runScaleLoad({ storage: pg ? { kind: 'postgres', url: pg.url } : { kind: 'sqlite' }, instances: Number(process.env.PROBE_INSTANCES ?? 2), kill: process.env.PROBE_KILL ? { instance: Number(process.env.PROBE_KILL), afterFraction: 0.4, downMs: 500 } : undefined, sideChatEvery: Number(process.env.PROBE_SIDE ?? 0), conversations: Number(process.env.SCALE_CONVERSATIONS ?? 200), progress: (l) => process.stderr.write(`${l}\n`) });
    process.stdout.write(`${formatScaleResult(r)}\n${r.failures.join("\n")}\n`);
  } finally { await pg?.stop(); }
}, 600_000);
