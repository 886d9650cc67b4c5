import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { projectRoot } from './workspace.js';

// Builds the hnswlib index off the main thread (addPoint blocks) and writes it to a temp file.
// Only the vector index from dist/: the worker must not pay for loading the whole service.
const { VectorIndex } = (await import(pathToFileURL(join(projectRoot(), 'dist', 'retrieval', 'vectorIndex.js')).href)) as typeof import('../src/retrieval/vectorIndex.js');
const { flat, count, dimensions, file } = workerData as { flat: SharedArrayBuffer; count: number; dimensions: number; file: string };
const data = new Float32Array(flat);
const vectors = Array.from({ length: count }, (_, i) => data.subarray(i * dimensions, (i + 1) * dimensions));
const started = performance.now();
VectorIndex.build(vectors, dimensions).write(file);
parentPort?.postMessage({ ms: performance.now() - started });
