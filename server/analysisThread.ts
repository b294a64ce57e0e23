// The worker thread of one lens run (see analysis.ts): simulate, analyze, post the report, exit.
import { parentPort, workerData } from 'worker_threads';
import { analyze } from '../shared/lens';
import type { AnalysisRequest } from './analysis';
import { initNodeParser } from './grammar';
import { programModules } from './modules';

async function main(request: AnalysisRequest): Promise<void> {
  await initNodeParser();
  const report = analyze(request.source, {
    version: request.version,
    filename: request.filename,
    findModule: request.directory === undefined ? undefined : programModules(request.directory, request.openFiles),
    maxSteps: request.maxSteps,
  });
  parentPort!.postMessage(report);
}

// A rejection becomes the worker's 'error' event, which the server reports.
void main(workerData as AnalysisRequest);
