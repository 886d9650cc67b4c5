import { beforeAll, describe, expect, it } from 'vitest';
import { reportScaleResult, runScaleLoad, type ScaleResult } from './loadDriver.js';
import { scaleConversations } from './scaleConfig.js';

// The same load against one instance on a SQLite file, SIGKILLed midway and restarted: no lost writes.
const conversations = scaleConversations();
let result: ScaleResult;

describe(`${conversations} Förder-Checks on one bot process with SQLite, SIGKILLed midway and restarted`, () => {
  beforeAll(async () => {
    result = await runScaleLoad({
      storage: { kind: 'sqlite' },
      instances: 1,
      conversations,
      kill: { instance: 0, afterFraction: 0.4, downMs: 500 },
      sideChatEvery: 4,
      progress: (l) => process.stderr.write(`[scale] ${l}\n`),
    });
    reportScaleResult('sqlite', result);
  }, 300_000);

  it('loses no write: every conversation ends with its complete, correct profile in the result card, in "Mein Profil" and in the file', () => {
    expect(result.failures).toEqual([]);
    expect(result.correct).toBe(conversations);
  });

  it('answers no turn with a 5xx and loses no turn to a timeout or a turn error', () => {
    expect(result.errors5xx).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.turnErrors).toBe(0);
  });

  it('retries the turns the kill interrupted, with the same activity ids, once the instance is back', () => {
    expect(result.kill).toBeDefined();
    expect(result.retriesAfterKill).toBeGreaterThan(0);
  });
});
