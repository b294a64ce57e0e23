// The worker thread of the lens runs (see analysis.ts): for each request, simulate, analyze, post the report.
import { parentPort } from 'worker_threads';
import { analyze } from '../shared/lens';
import type { AnalysisRequest } from './analysis';
import { initNodeParser } from './grammar';
import { programModules } from './modules';

// Loaded once per thread, while the first request is on its way.
const parserReady = initNodeParser();

async function run(request: AnalysisRequest): Promise<void> {
  await parserReady;
  const report = analyze(request.source, {
    version: request.version,
    filename: request.filename,
    findModule: request.directory === undefined ? undefined : programModules(request.directory, request.openFiles),
    maxSteps: request.maxSteps,
  });
  parentPort!.postMessage(report);
}

// A rejection becomes the worker's 'error' event, which the server reports; that thread is not used again.
parentPort!.on('message', (request: AnalysisRequest) => void run(request));
