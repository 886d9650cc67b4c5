import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipPostgres, startPostgres, type TestPostgres } from '../support/postgres.js';
import { reportScaleResult, runScaleLoad, type ScaleResult } from './loadDriver.js';
import { scaleConversations } from './scaleConfig.js';

// Issue: several instances behind a load balancer; two turns of one conversation land on different instances.
const conversations = scaleConversations();
let pg: TestPostgres;
let result: ScaleResult;

describe.skipIf(skipPostgres)(`${conversations} Förder-Checks on two bot processes sharing one PostgreSQL, one SIGKILLed midway`, () => {
  beforeAll(async () => {
    pg = await startPostgres();
    result = await runScaleLoad({
      storage: { kind: 'postgres', url: pg.url },
      instances: 2,
      conversations,
      kill: { instance: 1, afterFraction: 0.4, downMs: 1000 },
      sideChatEvery: 4,
      progress: (l) => process.stderr.write(`[scale] ${l}\n`),
    });
    reportScaleResult('postgres', result);
  }, 300_000);
  afterAll(async () => {
    await pg?.stop();
  });

  it('ends every conversation with its complete, correct profile in the result card, in "Mein Profil" and in storage', () => {
    expect(result.failures).toEqual([]);
    expect(result.correct).toBe(conversations);
  });

  it('answers no turn with a 5xx and loses no turn to a timeout or a turn error', () => {
    expect(result.errors5xx).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.turnErrors).toBe(0);
  });

  it('sends turns to both instances, and after the SIGKILL retries the same activities on the survivor', () => {
    const kill = result.kill!;
    expect(kill).toBeDefined();
    expect(result.retriesAfterKill).toBeGreaterThan(0);
    expect(Math.min(...result.answeredBy)).toBeGreaterThan(0);
    // Back in rotation: the restarted instance takes its share of what is left (when anything is).
    if (kill.turnsAfterRestart >= 20) expect(kill.victimTurnsAfterRestart).toBeGreaterThan(kill.turnsAfterRestart / 4);
  });
});
