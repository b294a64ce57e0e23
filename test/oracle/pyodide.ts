// CPython 3.12, 3.13 and 3.14 as pyodide: the parent's side of one pyodideWorker process per version.
import { spawn } from 'child_process';
import * as path from 'path';
import * as readline from 'readline';
import { OracleUnavailable, PROGRAM_TIMEOUT_MS, type Oracle, type OracleResult, type Program } from './types';

const WORKER_JS = path.join(__dirname, 'pyodideWorker.js');
/** Loading takes about 2 s; far longer means something is wrong. */
const LOAD_TIMEOUT_MS = 60_000;

type Reply = { ready: true; description: string } | { ready: false; error: string } | OracleResult | { error: string };

export function startPyodideOracle(version: string): Promise<Oracle> {
  const child = spawn(process.execPath, [WORKER_JS, version], { stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = readline.createInterface({ input: child.stdout! });
  let waiting: ((reply: Reply | Error) => void) | undefined;
  let exited: Error | undefined;
  const next = (timeoutMs: number, what: string): Promise<Reply> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(exited);
      const timer = setTimeout(() => {
        child.kill();
        settle(new Error(`pyodide ${version}: ${what} took over ${timeoutMs / 1000} s; the worker was stopped`));
      }, timeoutMs);
      const settle = (reply: Reply | Error) => {
        clearTimeout(timer);
        waiting = undefined;
        if (reply instanceof Error) reject(reply);
        else resolve(reply);
      };
      waiting = settle;
    });
  const fail = (error: Error) => {
    exited ??= error;
    waiting?.(error);
  };
  replies.on('line', (line) => {
    try {
      waiting?.(JSON.parse(line) as Reply);
    } catch {
      child.kill();
      fail(new Error(`pyodide ${version} worker wrote an unreadable reply: ${line.slice(0, 200)}`));
    }
  });
  child.on('exit', (code, signal) => fail(new Error(`pyodide ${version} worker exited (${signal ?? code})`)));
  child.on('error', fail);
  child.stdin!.on('error', fail); // EPIPE once the worker is gone: the exit above says why

  // The worker answers one program at a time, so requests are queued here: each one's timeout then measures
  // that program alone.
  let queue: Promise<unknown> = Promise.resolve();
  const oracle = (description: string): Oracle => ({
    description,
    concurrency: 1,
    run(program: Program): Promise<OracleResult> {
      const result = queue.then(async () => {
        const reply = next(PROGRAM_TIMEOUT_MS, program.name);
        child.stdin!.write(JSON.stringify({ source: program.source, filename: program.name }) + '\n');
        const r = await reply;
        if ('error' in r) throw new Error(`pyodide ${version} on ${program.name}: ${r.error}`);
        return r as OracleResult;
      });
      queue = result.catch(() => undefined);
      return result;
    },
    close() {
      child.stdin!.end();
      child.kill();
    },
  });

  return next(LOAD_TIMEOUT_MS, 'loading').then(
    (reply) => {
      if ('ready' in reply && reply.ready) return oracle(reply.description);
      child.kill();
      const error = 'error' in reply ? reply.error : JSON.stringify(reply);
      throw new OracleUnavailable(`pyodide for CPython ${version} did not load: ${error}`);
    },
    (error: Error) => {
      throw new OracleUnavailable(error.message);
    },
  );
}
