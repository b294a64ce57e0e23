// `memlens check`: the lens over many files, for CI. The files are simulated in worker threads (one per core,
// each loading the parser once and taking files until none are left) and reported in path order whatever order
// they finish in: as text for people, as JSON (LSP diagnostics per file) or as SARIF for code scanning.
import { notModelledText } from '../shared/lens/format';
import { findingDiagnostic } from './findings';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Worker, parentPort } from 'worker_threads';
import { analyze, type Finding, type RefcountHint, type Severity } from '../shared/lens';
import type { PythonVersion } from '../shared/versions';
import { UserError, describeFsError, readSource } from './files';
import { programModules } from './modules';
import { initNodeParser } from './grammar';
import { sarifLog, type CheckedFile } from './sarif';
import { pythonFilesUnder } from './walk';

export type Format = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  /** Files and folders, as given on the command line. */
  paths: string[];
  version: PythonVersion;
  format: Format;
  /** The least severe finding that fails the check. */
  failOn: FailOn;
  /** How many worker threads simulate files. */
  jobs: number;
  maxSteps: number;
  maxMillis: number;
  /** Also report the reference-count hints. */
  hints?: boolean;
}

/** LSP's DiagnosticSeverity numbers, which also rank the severities (1 is the most severe). */
export const SEVERITY_NUMBERS: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

/** One file for a worker to check. */
interface CheckJob {
  file: string;
  path: string;
  version: PythonVersion;
  maxSteps: number;
  maxMillis: number;
  hints?: boolean;
}

/** The files to check: each named file, and the *.py files under each named folder, once each, in path order. */
export function filesToCheck(paths: string[], workingFolder: string): { file: string; path: string }[] {
  const files = new Map<string, string>();
  for (const given of paths) {
    const absolute = path.resolve(workingFolder, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new UserError(`${given}: no such file or folder`);
    }
    let found = [absolute];
    try {
      if (stat.isDirectory()) found = pythonFilesUnder(absolute);
    } catch (error) {
      const folder = (error as NodeJS.ErrnoException).path;
      if (folder === undefined) throw error;
      throw new UserError(`${shownPath(folder, workingFolder)}: ${describeFsError(error)}`);
    }
    for (const file of found) files.set(file, shownPath(file, workingFolder));
  }
  return [...files].map(([file, shown]) => ({ file, path: shown })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Relative to the working folder, with `/` separators, when the file is inside it; else absolute. */
function shownPath(file: string, workingFolder: string): string {
  const relative = path.relative(workingFolder, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}

/** The worker side: load the parser once, then check each file the main thread sends. */
export async function checkThread(): Promise<void> {
  await initNodeParser();
  parentPort!.on('message', (job: CheckJob) => parentPort!.postMessage(checkFile(job)));
}

function checkFile(job: CheckJob): CheckedFile {
  const checked: CheckedFile = { path: job.path, file: job.file, findings: [] };
  let source: string;
  try {
    source = readSource(job.file);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // readSource names the file first; the report names it already.
    checked.unreadable = error.message.slice(job.file.length + 2);
    return checked;
  }
  try {
    // As `memlens run` does: the program's absolute path, and its sibling modules importable.
    const report = analyze(source, {
      version: job.version, filename: job.file, findModule: programModules(path.dirname(fs.realpathSync(job.file))),
      maxSteps: job.maxSteps, maxMillis: job.maxMillis,
    });
    checked.findings = report.findings;
    if (job.hints) checked.hints = report.hints;
    if (report.notSimulated) checked.notSimulated = report.notSimulated;
    if (report.run.stopped) checked.stopped = report.run.stopped;
    if (report.run.notModelled) checked.notModelled = report.run.notModelled;
  } catch (error) {
    // A bug of ours costs this file its findings, not the run: the others are still reported.
    checked.internalError = error instanceof Error ? error.message : String(error);
  }
  return checked;
}

/**
 * Checks the files in `jobs` worker threads running `script` (the CLI, which starts checkThread() in a worker
 * given `{ check: true }`). Each worker takes the next file when it has finished one; the reports keep the
 * files' order.
 */
export function checkInWorkers(files: { file: string; path: string }[], options: CheckOptions, script: string): Promise<CheckedFile[]> {
  if (files.length === 0) return Promise.resolve([]);
  const reports: CheckedFile[] = new Array(files.length);
  const threads: Worker[] = [];
  let next = 0;
  const worker = () =>
    new Promise<void>((resolve, reject) => {
      // The simulation runs Python calls on the JavaScript stack: room for CPython's recursion limit, as for run.
      const thread = new Worker(script, { workerData: { check: true }, resourceLimits: { stackSizeMb: 256 } });
      threads.push(thread);
      let current = -1;
      let finished = false;
      const take = () => {
        if (next >= files.length) {
          finished = true;
          void thread.terminate();
          return resolve();
        }
        current = next++;
        const { version, maxSteps, maxMillis, hints } = options;
        thread.postMessage({ ...files[current], version, maxSteps, maxMillis, hints } satisfies CheckJob);
      };
      thread.on('message', (report: CheckedFile) => {
        reports[current] = report;
        take();
      });
      thread.once('error', reject);
      thread.once('exit', (code) => finished || reject(new Error(`a checking thread stopped (${code}) on ${files[current]?.path}`)));
      take();
    });
  const count = Math.min(options.jobs, files.length);
  return Promise.all(Array.from({ length: count }, worker)).then(
    () => reports,
    (error) => {
      // The others would keep the process alive.
      for (const thread of threads) void thread.terminate();
      throw error;
    },
  );
}

/** The least severe finding that fails the check, or `never` (report only, as `npm start` does). */
export type FailOn = Severity | 'never';

/** Whether a finding is severe enough to fail the check. */
function fails(finding: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITY_NUMBERS[finding.severity] <= SEVERITY_NUMBERS[failOn];
}

/**
 * The exit status: 70 when we met a bug of ours, 2 when a file could not be read, 1 when a finding reaches
 * `failOn`, else 0. A file that could not be simulated (a syntax error) does not fail the check by itself.
 */
export function exitStatus(files: CheckedFile[], failOn: FailOn): number {
  if (files.some((file) => file.internalError)) return 70;
  if (files.some((file) => file.unreadable)) return 2;
  return files.some((file) => file.findings.some((finding) => fails(finding, failOn))) ? 1 : 0;
}

/** ANSI colours for the text format, or none. */
interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
}

const PLAIN: Paint = { bold: (t) => t, dim: (t) => t, severity: (_, t) => t };

const SEVERITY_COLOURS: Record<Severity, number> = { error: 31, warning: 33, information: 34, hint: 2 };

const ANSI: Paint = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  severity: (severity, t) => `\x1b[${SEVERITY_COLOURS[severity]}m${t}\x1b[${severity === 'hint' ? 22 : 39}m`,
};

/** Colour when stdout is a terminal and NO_COLOR (https://no-color.org) is not set to something. */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * For people: `file:line:col code message` for each finding (1-based; columns in UTF-16 code units as the
 * editor's), its related locations and fixes indented below, the files in path order with a blank line between
 * them, then a summary line. Files that could not be read are reported on stderr by the caller.
 */
export function formatText(files: CheckedFile[], colour: boolean): string {
  const paint = colour ? ANSI : PLAIN;
  const groups: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let filesWithFindings = 0;
  for (const file of files) {
    const lines: string[] = [];
    const at = (line: number, character: number) => paint.bold(`${file.path}:${line + 1}:${character + 1}`);
    for (const finding of file.findings) {
      counts[finding.severity]++;
      lines.push(`${at(finding.range.start.line, finding.range.start.character)} ${paint.severity(finding.severity, finding.code)} ${finding.message}`);
      for (const related of finding.related) {
        lines.push(paint.dim(`    ${related.range.start.line + 1}:${related.range.start.character + 1}: ${related.message}`));
      }
      for (const fix of finding.fixes) lines.push(paint.dim(`    fix: ${fix.title}`));
    }
    for (const hint of file.hints ?? []) lines.push(`${at(hint.range.start.line, hint.range.start.character)} ${paint.dim('refs')} ${hintText(hint)}`);
    if (file.findings.length) filesWithFindings++;
    if (file.notSimulated) lines.push(`${paint.bold(file.path)}: not simulated: ${file.notSimulated}`);
    if (file.stopped) {
      lines.push(`${paint.bold(file.path)}: simulation stopped at line ${file.stopped.line}: ${file.stopped.reason}; the findings cover the run up to there`);
    }
    if (file.notModelled) lines.push(`${paint.bold(file.path)}: ${notModelledText(file.notModelled)}`);
    if (file.internalError) lines.push(`${paint.bold(file.path)}: internal error: ${file.internalError}`);
    if (lines.length) groups.push(lines.join('\n') + '\n');
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const bySeverity = (Object.keys(counts) as Severity[]).filter((s) => counts[s]).map((s) => (s === 'information' ? `${counts[s]} ${s}` : plural(counts[s], s)));
  const notes = [
    [files.filter((f) => f.notSimulated).length, 'not simulated'],
    [files.filter((f) => f.stopped).length, 'stopped by a budget'],
    [files.filter((f) => f.notModelled).length, 'importing modules not simulated'],
    [files.filter((f) => f.unreadable).length, 'not readable'],
  ].flatMap(([n, what]) => (n ? [`${n} ${what}`] : []));
  const summary = total
    ? `${plural(total, 'finding')} (${bySeverity.join(', ')}) in ${filesWithFindings} of ${plural(files.length, 'file')}`
    : `no findings in ${plural(files.length, 'file')}`;
  groups.push(`${summary}${notes.length ? `; ${notes.join(', ')}` : ''}\n`);
  return groups.join('\n');
}

/** A hint as one line: `root: Node, ob_refcnt 3 (held by Node.parent, Node.parent, root (global))`. */
export function hintText(h: RefcountHint): string {
  const held = [...h.holders, ...(h.temporaries ? [`${h.temporaries} temporar${h.temporaries === 1 ? 'y' : 'ies'}`] : [])];
  const runs = h.times > 1 ? `; line ran ${h.times} times, figures from run ${h.run}` : '';
  return `${h.name}: ${h.type}, ob_refcnt ${h.refcnt === -1 ? 'immortal' : h.refcnt}${held.length ? ` (held by ${held.join(', ')})` : ''}${runs}`;
}

/** For tools: `{ version, files: [{ path, uri, diagnostics, notSimulated?, stopped?, notModelled?, unreadable?, internalError? }] }`. */
export function formatJson(files: CheckedFile[], version: PythonVersion): string {
  return JSON.stringify({
    version,
    files: files.map(({ path: shown, file, findings, ...rest }) => {
      const uri = pathToFileURL(file).href;
      return { path: shown, uri, diagnostics: findings.map((finding) => findingDiagnostic(finding, uri)), ...rest };
    }),
  }, null, 2) + '\n';
}

/** `memlens check`: prints the report on stdout and returns the exit status. */
export async function runCheck(options: CheckOptions, script: string): Promise<number> {
  const workingFolder = process.cwd();
  const files = filesToCheck(options.paths, workingFolder);
  const checked = await checkInWorkers(files, options, script);
  for (const file of checked) {
    if (file.unreadable) process.stderr.write(`memlens: ${file.path}: ${file.unreadable}\n`);
  }
  if (options.format === 'json') process.stdout.write(formatJson(checked, options.version));
  else if (options.format === 'sarif') process.stdout.write(JSON.stringify(sarifLog(checked, workingFolder), null, 2) + '\n');
  else process.stdout.write(formatText(checked, wantsColour(process.stdout, process.env)));
  return exitStatus(checked, options.failOn);
}
