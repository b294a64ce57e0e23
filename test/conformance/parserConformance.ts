// Parser conformance: our AST dump against CPython's `ast.dump` for the same files, run by the machine's python3.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { decodeSource, dump, parse, type Node } from '../../shared/parser';
import { initNodeParser } from '../../server/grammar';

export interface FileResult {
  path: string;
  /** false when CPython itself does not parse the file (not counted). */
  counted: boolean;
  identical: boolean;
  linenosIdentical: boolean;
  detail?: string;
}

const PY_HELPER = path.join(__dirname, '..', '..', '..', 'test', 'conformance', 'cpython_ast.py');

export function stdlibDir(): string {
  return execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).toString().trim();
}

export function pythonVersion(): string {
  return execFileSync('python3', ['-c', "import sys; print('%d.%d' % sys.version_info[:2])"]).toString().trim();
}

/** Every .py file of the standard library; site-packages holds third-party installs, not the stdlib. */
export function stdlibFiles(): string[] {
  const root = stdlibDir();
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (p === path.join(root, 'site-packages')) continue;
        walk(p);
      } else if (e.isFile() && e.name.endsWith('.py')) {
        out.push(p);
      }
    }
  };
  walk(root);
  return out;
}

function statementLines(node: unknown, out: [string, number][] = []): [string, number][] {
  if (Array.isArray(node)) {
    for (const x of node) statementLines(x, out);
  } else if (node && typeof node === 'object' && '_type' in node) {
    const n = node as Node & { lineno?: number };
    if (STMT_TYPES.has(n._type) && n.lineno !== undefined) out.push([n._type, n.lineno]);
    for (const v of Object.values(n)) if (typeof v === 'object') statementLines(v, out);
  }
  return out;
}

const STMT_TYPES = new Set([
  'FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'TypeAlias', 'AugAssign',
  'AnnAssign', 'For', 'AsyncFor', 'While', 'If', 'With', 'AsyncWith', 'Match', 'Raise', 'Try', 'TryStar',
  'Assert', 'Import', 'ImportFrom', 'Global', 'Nonlocal', 'Expr', 'Pass', 'Break', 'Continue',
]);

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: cpython …${a.slice(Math.max(0, i - 60), i + 80)}\n      ours …${b.slice(Math.max(0, i - 60), i + 80)}`;
}

export async function checkFiles(files: string[]): Promise<FileResult[]> {
  await initNodeParser();
  const version = pythonVersion() as '3.11' | '3.12' | '3.13' | '3.14';
  const out = execFileSync('python3', [PY_HELPER], { input: files.join('\n') + '\n', maxBuffer: 1 << 30 });
  const results: FileResult[] = [];
  for (const line of out.toString().split('\n')) {
    if (!line) continue;
    const cp = JSON.parse(line) as { path: string; ok: boolean; dump?: string; stmts?: [string, number][] };
    if (!cp.ok) {
      results.push({ path: cp.path, counted: false, identical: false, linenosIdentical: false });
      continue;
    }
    let ours: string;
    let lines: [string, number][] = [];
    try {
      const result = parse(decodeSource(fs.readFileSync(cp.path)));
      ours = result.errors.length
        ? `SyntaxError: ${result.errors[0].message} (line ${result.errors[0].lineno})`
        : dump(result.module, { version });
      lines = statementLines(result.module);
    } catch (e) {
      ours = `exception: ${(e as Error).stack}`;
    }
    const identical = ours === cp.dump;
    const linenosIdentical = JSON.stringify(lines) === JSON.stringify(cp.stmts);
    results.push({
      path: cp.path, counted: true, identical, linenosIdentical,
      detail: identical ? undefined : firstDifference(cp.dump!, ours),
    });
  }
  return results;
}

export function summary(results: FileResult[]): string {
  const counted = results.filter((r) => r.counted);
  const same = counted.filter((r) => r.identical).length;
  const lines = counted.filter((r) => r.linenosIdentical).length;
  const pct = (n: number): string => ((100 * n) / Math.max(1, counted.length)).toFixed(2);
  return `parser conformance vs CPython ${pythonVersion()}: AST identical ${same}/${counted.length} files (${pct(same)}%), ` +
    `statement linenos identical ${lines}/${counted.length} (${pct(lines)}%); ` +
    `${results.length - counted.length} files CPython itself rejects, not counted`;
}
