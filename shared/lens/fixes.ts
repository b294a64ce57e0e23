// Building a code action's text edits from the syntax tree: find nodes, make an import available, wrap an
// expression, turn a constructor into another one, insert statements. The edits refer to the original text
// (the LSP applies them all at once), so they must not overlap. Positions come from the AST: 1-based lines,
// UTF-16 columns (what the LSP counts too).
import type { Expr, Located, Module, Stmt } from '../parser';
import type { Range, TextEdit } from './types';

/** Any AST node: statements, expressions, and the other kinds (comprehension, arguments, keyword...). */
export type AstNode = { _type: string } & Partial<Located>;

/** The range of a node, 0-based as the LSP counts. */
export function nodeRange(n: Located): Range {
  return { start: { line: n.lineno - 1, character: n.col_offset }, end: { line: n.end_lineno - 1, character: n.end_col_offset } };
}

/** The source text of a node. */
export function nodeText(lines: string[], n: Located): string {
  if (n.lineno === n.end_lineno) return (lines[n.lineno - 1] ?? '').slice(n.col_offset, n.end_col_offset);
  const parts = [(lines[n.lineno - 1] ?? '').slice(n.col_offset)];
  for (let l = n.lineno; l < n.end_lineno - 1; l++) parts.push(lines[l] ?? '');
  parts.push((lines[n.end_lineno - 1] ?? '').slice(0, n.end_col_offset));
  return parts.join('\n');
}

/**
 * Visits every node under `root` (itself included) in source order, with its parent and the field of the parent
 * that holds it. Returning false skips the node's children.
 */
export function walk(root: AstNode, visit: (node: AstNode, parent: AstNode | null, field: string) => boolean | void): void {
  const go = (node: AstNode, parent: AstNode | null, field: string): void => {
    if (visit(node, parent, field) === false) return;
    for (const [key, value] of Object.entries(node)) {
      if (Array.isArray(value)) {
        for (const v of value) if (isNode(v)) go(v, node, key);
      } else if (isNode(value)) {
        go(value, node, key);
      }
    }
  };
  go(root, null, '');
}

function isNode(v: unknown): v is AstNode {
  return typeof v === 'object' && v !== null && typeof (v as AstNode)._type === 'string';
}

/** Every node with its parent (and the parent's field), in source order: for questions about a node's context. */
export function parentsOf(root: AstNode): Map<AstNode, { parent: AstNode; field: string }> {
  const parents = new Map<AstNode, { parent: AstNode; field: string }>();
  walk(root, (node, parent, field) => { if (parent) parents.set(node, { parent, field }); });
  return parents;
}

/** The innermost expression that starts at (line 1-based, col) and ends at endCol on its last line, if any:
 *  how a trace position (an instruction's columns) finds the expression that ran. */
export function expressionAt(root: AstNode, line: number, col: number, endCol: number): Expr | null {
  let found: Expr | null = null;
  walk(root, (node) => {
    if (node.lineno === undefined) return;
    if (node.lineno > line || (node.end_lineno ?? 0) < line) return false;
    if (node.lineno === line && node.col_offset === col && node.end_col_offset === endCol && !isStatement(node)) found = node as Expr;
  });
  return found;
}

const STATEMENTS = new Set([
  'FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'TypeAlias', 'AugAssign', 'AnnAssign',
  'For', 'AsyncFor', 'While', 'If', 'With', 'AsyncWith', 'Match', 'Raise', 'Try', 'TryStar', 'Assert', 'Import',
  'ImportFrom', 'Global', 'Nonlocal', 'Expr', 'Pass', 'Break', 'Continue',
]);

export function isStatement(n: AstNode): n is Stmt {
  return STATEMENTS.has(n._type);
}

/** The leading blanks of a line (0-based). */
export function indentOf(lines: string[], line: number): string {
  const text = lines[line] ?? '';
  return text.slice(0, text.length - text.trimStart().length);
}

/**
 * What makes module `name` usable as `<local>.attr`: the edit that adds `import name` (none when the module
 * already imports it at top level), and the local name to write (an existing `import name as x` gives `x`).
 * The import goes with the other imports: after the module docstring and the `from __future__` imports, after
 * the run of imports that follows them; with none, before the first statement, followed by a blank line.
 */
export function importModule(module: Module, lines: string[], name: string): { edit: TextEdit | null; local: string } {
  for (const s of module.body) {
    if (s._type === 'Import') for (const a of s.names) if (a.name === name) return { edit: null, local: a.asname ?? name };
  }
  const body = module.body;
  let i = 0;
  if (body[0]?._type === 'Expr' && body[0].value._type === 'Constant' && body[0].value.value.t === 'str') i = 1;
  while (body[i]?._type === 'ImportFrom' && (body[i] as { module: string | null }).module === '__future__') i++;
  let after: Stmt | null = i > 0 ? body[i - 1] : null;
  let imports = false;
  while (body[i]?._type === 'Import' || body[i]?._type === 'ImportFrom') {
    after = body[i++];
    imports = true;
  }
  const text = `import ${name}\n`;
  if (after) {
    const line = after.end_lineno;
    // The file's last line without a line end: the import starts a new line.
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { edit: { range: point(last, lines[last].length), newText: '\n' + text.trimEnd() }, local: name };
    }
    return { edit: { range: point(line, 0), newText: imports || !body[i] ? text : text + '\n' }, local: name };
  }
  const first = body[0];
  return { edit: { range: point(first ? first.lineno - 1 : 0, 0), newText: first ? text + '\n' : text }, local: name };
}

function point(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Wraps an expression: `x` becomes `before + x + after` (e.g. `weakref.WeakMethod(` and `)`). */
export function wrapExpression(n: Located, before: string, after: string): TextEdit[] {
  return [
    { range: point(n.lineno - 1, n.col_offset), newText: before },
    { range: point(n.end_lineno - 1, n.end_col_offset), newText: after },
  ];
}

/** Replaces a node's text. */
export function replaceNode(n: Located, text: string): TextEdit {
  return { range: nodeRange(n), newText: text };
}

/**
 * Turns a container's construction into a call of `callee` (e.g. `weakref.WeakKeyDictionary`): `dict(...)`,
 * `set(...)` or any call keeps its arguments under the new name; an empty display (`{}`, `[]`) becomes
 * `callee()`; a display with items is passed whole (`callee({k: v})`). Null for any other expression.
 */
export function renameConstructor(lines: string[], n: Expr, callee: string): TextEdit[] | null {
  if (n._type === 'Call') return [replaceNode(n.func, callee)];
  if (n._type === 'Dict' || n._type === 'Set' || n._type === 'List') {
    const empty = n._type === 'Dict' ? n.keys.length === 0 : n.elts.length === 0;
    return empty ? [replaceNode(n, `${callee}()`)] : wrapExpression(n, `${callee}(`, ')');
  }
  return null;
}

/** Inserts statements (one per string) before `stmt`, at its indentation. `stmt` must start its line. */
export function insertBefore(lines: string[], stmt: Located, statements: string[]): TextEdit {
  const indent = indentOf(lines, stmt.lineno - 1);
  return { range: point(stmt.lineno - 1, 0), newText: statements.map((s) => indent + s + '\n').join('') };
}

/** Whether a node is the first thing on its line (so statements can go on the lines before it). */
export function startsLine(lines: string[], n: Located): boolean {
  return (lines[n.lineno - 1] ?? '').slice(0, n.col_offset).trim() === '';
}

/** Every name the module binds or reads (variables, parameters, functions, classes): for a fresh name. */
export function namesIn(root: AstNode): Set<string> {
  const names = new Set<string>();
  walk(root, (node) => {
    const n = node as { _type: string; id?: string; arg?: string; name?: string };
    if (n._type === 'Name' && n.id) names.add(n.id);
    else if (n._type === 'arg' && n.arg) names.add(n.arg);
    else if ((n._type === 'FunctionDef' || n._type === 'AsyncFunctionDef' || n._type === 'ClassDef') && n.name) names.add(n.name);
  });
  return names;
}

/** `base`, or `base2`, `base3`... whichever is not in `taken`. */
export function freshName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(base + i)) i++;
  return base + i;
}
