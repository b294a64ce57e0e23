// The lens runs off the language server's event loop: a simulation is up to seconds of synchronous work, during
// which hovers, edits and code actions must still be answered. Each run gets its own worker thread, at most one
// per document; a newer run for the same document terminates the older one, whose result no one wants.
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { LensReport } from '../shared/lens';
import type { PythonVersion } from '../shared/versions';

export interface AnalysisRequest {
  source: string;
  version: PythonVersion;
  /** The program's name in tracebacks: its path on disk when it has one. */
  filename: string;
  /** The folder its sibling modules are imported from; none for an unsaved new file. */
  directory?: string;
  /** The editor's text of open files by path, which wins over the saved file when the program imports it. */
  openFiles: Map<string, string>;
  maxSteps: number;
}

/** Next to this file both in dist/ (its own esbuild bundle) and in out/server/ (tsc). */
const THREAD_FILE = path.join(__dirname, 'analysisThread.js');

/** Generous for a traced 2 s run (a tight allocation loop peaks near 600 MB); a runaway stops here, not the server. */
const THREAD_HEAP_MB = 2048;

interface Job {
  worker: Worker;
  /** Stops the run and resolves its promise with undefined. */
  cancel(): void;
}

export class Analyses {
  private readonly jobs = new Map<string, Job>();

  /** The report of `request`, or undefined when a newer run for the same key (or cancel) superseded it. */
  run(key: string, request: AnalysisRequest): Promise<LensReport | undefined> {
    this.cancel(key);
    return new Promise((resolve, reject) => {
      // The simulator runs Python calls on the JavaScript stack: room for CPython's recursion limit.
      const worker = new Worker(THREAD_FILE, {
        workerData: request,
        resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: THREAD_HEAP_MB },
      });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        if (this.jobs.get(key)?.worker === worker) this.jobs.delete(key);
        outcome();
      };
      this.jobs.set(key, {
        worker,
        cancel: () =>
          settle(() => {
            void worker.terminate();
            resolve(undefined);
          }),
      });
      worker.once('message', (report: LensReport) => settle(() => resolve(report)));
      worker.once('error', (error) => settle(() => reject(error)));
      worker.once('exit', (code) => settle(() => reject(new Error(`the analysis thread stopped (exit code ${code})`))));
    });
  }

  cancel(key: string): void {
    this.jobs.get(key)?.cancel();
  }
}
