// The lens runs off the language server's event loop: a simulation is up to seconds of synchronous work, during
// which hovers, edits and code actions must still be answered. Each run has a worker thread to itself, at most
// one per document; a newer run for the same document terminates the older one, whose result no one wants.
// A few runs at a time: each is a core's worth of work and up to hundreds of MB (many files open at once, or a
// settings change, would otherwise start them all together); the others wait their turn, oldest first.
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

/** Runs at the same time, across documents. */
export const MAX_RUNNING = 2;

interface Job {
  worker: Worker;
  /** Stops the run and resolves its promise with undefined. */
  cancel(): void;
}

interface Waiting {
  request: AnalysisRequest;
  resolve(report: LensReport | undefined): void;
  reject(error: unknown): void;
}

export class Analyses {
  private readonly jobs = new Map<string, Job>();
  /** Runs not started yet, in the order they were asked for. */
  private readonly waiting = new Map<string, Waiting>();
  /** The thread of a finished run, loaded and with its parser ready: the next run skips starting one. */
  private spare: Worker | undefined;

  /** The report of `request`, or undefined when a newer run for the same key (or cancel) superseded it. */
  run(key: string, request: AnalysisRequest): Promise<LensReport | undefined> {
    this.cancel(key);
    return new Promise((resolve, reject) => {
      this.waiting.set(key, { request, resolve, reject });
      this.startWaiting();
    });
  }

  cancel(key: string): void {
    this.jobs.get(key)?.cancel();
    const waiting = this.waiting.get(key);
    this.waiting.delete(key);
    waiting?.resolve(undefined);
  }

  private startWaiting(): void {
    for (const [key, waiting] of this.waiting) {
      if (this.jobs.size >= MAX_RUNNING) return;
      this.waiting.delete(key);
      this.start(key, waiting);
    }
  }

  private start(key: string, { request, resolve, reject }: Waiting): void {
    const worker = this.spare ?? this.startThread();
    this.spare = undefined;
    worker.ref();
    const onMessage = (report: LensReport) => settle(() => resolve(report), true);
    const onError = (error: Error) => settle(() => reject(error), false);
    const onExit = (code: number) => settle(() => reject(new Error(`the analysis thread stopped (exit code ${code})`)), false);
    let settled = false;
    const settle = (outcome: () => void, reusable: boolean) => {
      if (settled) return;
      settled = true;
      if (this.jobs.get(key)?.worker === worker) this.jobs.delete(key);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable && !this.spare) {
        // An idle thread must not keep the server alive.
        worker.unref();
        this.spare = worker;
      } else {
        void worker.terminate();
      }
      outcome();
      this.startWaiting();
    };
    this.jobs.set(key, { worker, cancel: () => settle(() => resolve(undefined), false) });
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  }

  private startThread(): Worker {
    // The simulator runs Python calls on the JavaScript stack: room for CPython's recursion limit.
    const worker = new Worker(THREAD_FILE, { resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: THREAD_HEAP_MB } });
    // A run listens for its own outcome; a spare that fails between runs (no one listening) is dropped.
    worker.on('error', () => {}).on('exit', () => {
      if (this.spare === worker) this.spare = undefined;
    });
    return worker;
  }
}
