// The program's syntax tree as the lens reads it: a walk with parents, and the text and range of a node. Fixes
// are built from these (the trace says where a reference was stored; the tree says what the code there is).
import type { Located, Module } from '../parser';
import type { Range } from './types';

export interface AnyNode {
  _type: string;
  [field: string]: unknown;
}

/** Visits every node under `root` (depth first, in source order), with its parent. */
export function walk(root: object, visit: (node: AnyNode, parent: AnyNode | null) => void): void {
  const go = (value: unknown, parent: AnyNode | null): void => {
    if (Array.isArray(value)) {
      for (const v of value) go(v, parent);
      return;
    }
    if (!value || typeof value !== 'object' || value instanceof Uint8Array) return;
    const node = value as AnyNode;
    const isNode = typeof node._type === 'string';
    if (isNode) visit(node, parent);
    for (const key in node) {
      const v = node[key];
      if (v && typeof v === 'object') go(v, isNode ? node : parent);
    }
  };
  go(root, null);
}

/** A node's range, 0-based (the tree's lines are 1-based). */
export function rangeOf(node: Located): Range {
  return { start: { line: node.lineno - 1, character: node.col_offset }, end: { line: node.end_lineno - 1, character: node.end_col_offset } };
}

/** A node's source text. */
export function textOf(lines: string[], node: Located): string {
  if (node.lineno === node.end_lineno) return lines[node.lineno - 1].slice(node.col_offset, node.end_col_offset);
  const parts = [lines[node.lineno - 1].slice(node.col_offset)];
  for (let l = node.lineno; l < node.end_lineno - 1; l++) parts.push(lines[l]);
  parts.push(lines[node.end_lineno - 1].slice(0, node.end_col_offset));
  return parts.join('\n');
}

/** Whether the module imports `name` itself (`import name`, not `from name import ...`) at its top level. */
export function importsModule(module: Module, name: string): boolean {
  return module.body.some((s) => s._type === 'Import' && s.names.some((a) => a.name === name && a.asname === null));
}

/** Where a new top-level import goes: after the docstring and `from __future__` imports (a 0-based line). */
export function importLine(module: Module): number {
  let line = 0;
  for (const [i, s] of module.body.entries()) {
    const docstring = i === 0 && s._type === 'Expr' && s.value._type === 'Constant' && s.value.value.t === 'str';
    const future = s._type === 'ImportFrom' && s.module === '__future__';
    if (!docstring && !future) return s.lineno - 1;
    line = s.end_lineno;
  }
  return line;
}
