import { ingest } from '../knowledge/ingest.js';
import { QuoteNotFoundError } from '../programs/loadPrograms.js';

/** `npm run ingest`: builds and publishes the index from knowledge/sources and knowledge/programs. */
async function main(): Promise<void> {
  const knowledgeDir = process.env.KNOWLEDGE_DIR || 'knowledge';
  const t0 = performance.now();
  try {
    const r = await ingest({ knowledgeDir, progress: (l) => process.stdout.write(`${l}\n`) });
    process.stdout.write(`Fertig in ${((performance.now() - t0) / 1000).toFixed(2)} s: ${r.sources} Quellen, ${r.chunks} Abschnitte.\n`);
  } catch (e) {
    if (e instanceof QuoteNotFoundError) {
      process.stderr.write(`${e.message}\nDer bisherige Index bleibt in Gebrauch. Bitte die Zitate in knowledge/programs/ korrigieren.\n`);
    } else process.stderr.write(`Ingestion fehlgeschlagen: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

await main();
