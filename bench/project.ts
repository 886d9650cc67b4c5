import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './workspace.js';

// The bench runs the service's code from dist/ — the build production runs, with dist/'s own
// asset paths — and borrows only the types from src/.
const dist = join(projectRoot(), 'dist');
if (!existsSync(join(dist, 'app.js'))) throw new Error(`${dist} is missing: run "npx tsc -p tsconfig.build.json" (npm run bench does) first`);
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(dist, path)).href)) as T;

export const { createApp } = await load<typeof import('../src/app.js')>('app.js');
export type App = import('../src/app.js').App;
export const { loadConfig } = await load<typeof import('../src/config.js')>('config.js');
export const { silentLogger } = await load<typeof import('../src/logger.js')>('logger.js');
export const { createHttpServer } = await load<typeof import('../src/server/httpServer.js')>('server/httpServer.js');
export const { FoerderAdapter } = await load<typeof import('../src/bot/foerderAdapter.js')>('bot/foerderAdapter.js');
export const { TurnStateStore, stateKeys } = await load<typeof import('../src/bot/conversationState.js')>('bot/conversationState.js');
export const { buildReply } = await load<typeof import('../src/bot/replyBuilder.js')>('bot/replyBuilder.js');
export const { Answerer } = await load<typeof import('../src/answer/answerer.js')>('answer/answerer.js');
export const { createTranslator } = await load<typeof import('../src/i18n.js')>('i18n.js');
export const { detectLanguage } = await load<typeof import('../src/nlu/language.js')>('nlu/language.js');
export const { ProgramDetector } = await load<typeof import('../src/nlu/programDetector.js')>('nlu/programDetector.js');
export const { TermList } = await load<typeof import('../src/nlu/termList.js')>('nlu/termList.js');
export const { ingest, indexIsStale } = await load<typeof import('../src/knowledge/ingest.js')>('knowledge/ingest.js');
export const { KnowledgeBase } = await load<typeof import('../src/knowledge/knowledgeBase.js')>('knowledge/knowledgeBase.js');
export type KnowledgeBase = import('../src/knowledge/knowledgeBase.js').KnowledgeBase;
export const { EMBEDDING_DIMENSIONS, HashedNgramEmbeddings } = await load<typeof import('../src/retrieval/hashedNgramEmbeddings.js')>('retrieval/hashedNgramEmbeddings.js');
export const { VectorIndex } = await load<typeof import('../src/retrieval/vectorIndex.js')>('retrieval/vectorIndex.js');
export type VectorIndex = import('../src/retrieval/vectorIndex.js').VectorIndex;
export type Chunk = import('../src/knowledge/chunker.js').Chunk;
export type StoredDoc = import('../src/knowledge/indexFiles.js').StoredDoc;
