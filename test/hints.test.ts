// Reference-count hints against CPython: for every hint on a one-line assignment, the program is given a line after
// it that prints `sys.getrefcount(name)`; CPython 3.11 (python3) must print the hint's count plus one (the call's
// own reference), in the run of the line the hint describes. Programs: the lens corpus and the example.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { parse, type Stmt } from '../shared/parser';
import { analyze, type RefcountHint } from '../shared/lens';
import { walk } from '../shared/lens/fixes';

const ROOT = path.join(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'lens', 'corpus');
const python3 = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' }).stdout?.trim() === 'True';

/** The hints that sit on a one-line `name = ...` statement starting its line, with that statement's indent. */
function checkable(source: string, hints: RefcountHint[]): { hint: RefcountHint; indent: string }[] {
  const lines = source.split('\n');
  const assigns = new Map<number, Stmt>();
  walk(parse(source).module, (node) => {
    if (node._type === 'Assign') assigns.set((node as unknown as Stmt).lineno, node as unknown as Stmt);
  });
  const out: { hint: RefcountHint; indent: string }[] = [];
  for (const hint of hints) {
    const line = hint.range.start.line + 1;
    const s = assigns.get(line) as (Stmt & { targets: { _type: string; id?: string }[] }) | undefined;
    if (!s || s.end_lineno !== line || !s.targets.some((t) => t._type === 'Name' && t.id === hint.name)) continue;
    const indent = lines[line - 1].length - lines[line - 1].trimStart().length;
    if (s.col_offset !== indent) continue;
    out.push({ hint, indent: lines[line - 1].slice(0, indent) });
  }
  return out;
}

/** The program with a getrefcount print after each checkable line. */
function instrumented(source: string, checks: { hint: RefcountHint; indent: string }[]): string {
  const lines = source.split('\n');
  const after = new Map<number, string[]>();
  for (const { hint, indent } of checks) {
    const l = hint.range.start.line;
    after.set(l, [...(after.get(l) ?? []), `${indent}print("@HINT", ${l + 1}, "${hint.name}", __import__("sys").getrefcount(${hint.name}))`]);
  }
  return lines.flatMap((text, i) => [text, ...(after.get(i) ?? [])]).join('\n');
}

describe('reference-count hints against CPython 3.11', { timeout: 600_000 }, () => {
  before(async () => {
    await initNodeParser();
  });

  it('each hint is sys.getrefcount() - 1 right after its statement runs', { skip: python3 ? false : 'python3 is not CPython 3.11' }, () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.py')).map((f) => path.join(CORPUS, f));
    files.push(path.join(ROOT, 'examples', 'tree.py'));
    let compared = 0;
    const wrong: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      const report = analyze(source, { version: '3.11', filename: path.basename(file), maxMillis: 120_000 });
      const checks = checkable(source, report.hints);
      if (checks.length === 0) continue;
      const run = spawnSync('python3', ['-'], { input: instrumented(source, checks), encoding: 'utf8', cwd: path.dirname(file) });
      const printed = new Map<string, number[]>();
      for (const m of run.stdout.matchAll(/^@HINT (\d+) (\S+) (\d+)$/gm)) {
        const k = `${m[1]} ${m[2]}`;
        printed.set(k, [...(printed.get(k) ?? []), Number(m[3])]);
      }
      for (const { hint } of checks) {
        const k = `${hint.range.start.line + 1} ${hint.name}`;
        const cpython = printed.get(k)?.[hint.run - 1];
        if (cpython === undefined) continue;
        compared++;
        if (cpython !== hint.refcnt + 1) wrong.push(`${path.basename(file)}:${k}: hint ${hint.refcnt}, CPython getrefcount ${cpython}`);
      }
    }
    console.log(`refcount hints: ${compared - wrong.length}/${compared} equal to CPython 3.11's sys.getrefcount() - 1`);
    assert.ok(compared >= 100, `only ${compared} hints compared`);
    assert.deepStrictEqual(wrong, []);
  });
});
