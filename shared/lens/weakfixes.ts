// The edits that turn a strong reference closing a cycle into a weak one: a back-reference to an owner becomes a
// weakref.proxy (reads stay as they are), a bound method stored on its own instance a weakref.WeakMethod (calls
// gain a `()`). A fix is offered only where every use in the file stays correct; otherwise none.
import type { Attribute, Expr } from '../parser';
import type { LensContext } from './context';
import { importLine, importsModule, rangeOf, textOf, walk, type AnyNode } from './syntax';
import type { Fix, TextEdit } from './types';

/** `x.attr = value` statements storing into `attr`, and the reads of `.attr`, with their parents. */
function usesOf(ctx: LensContext, attr: string): { stores: { target: Attribute; value: Expr }[]; reads: { node: Attribute; parent: AnyNode | null }[] } {
  const stores: { target: Attribute; value: Expr }[] = [];
  const reads: { node: Attribute; parent: AnyNode | null }[] = [];
  walk(ctx.module, (node, parent) => {
    if (node._type === 'Assign') {
      const a = node as unknown as { targets: Expr[]; value: Expr };
      for (const t of a.targets) if (t._type === 'Attribute' && t.attr === attr) stores.push({ target: t, value: a.value });
    } else if (node._type === 'Attribute' && (node as unknown as Attribute).attr === attr && (node as unknown as Attribute).ctx === 'Load') {
      reads.push({ node: node as unknown as Attribute, parent });
    }
  });
  return { stores, reads };
}

/** The store at a trace position (the attribute target's start). */
function storeAt(ctx: LensContext, pos: number, stores: { target: Attribute; value: Expr }[]): { target: Attribute; value: Expr } | undefined {
  const line = ctx.trace.positions[3 * pos];
  const col = ctx.trace.positions[3 * pos + 1];
  return stores.find((s) => s.target.lineno === line && s.target.col_offset === col) ?? stores.find((s) => s.target.lineno === line);
}

function importEdit(ctx: LensContext): TextEdit[] {
  if (importsModule(ctx.module, 'weakref')) return [];
  const line = importLine(ctx.module);
  return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: 'import weakref\n' }];
}

const isNone = (e: Expr): boolean => e._type === 'Constant' && e.value.t === 'None';

/** `owner.attr = x` → `owner.attr = weakref.proxy(x)` for every store of a value that is not None (a value
 *  that may be None keeps None). Not offered when a read compares identity with something other than None
 *  (a proxy is not the object) or passes it to id(). */
export function backReferenceFix(ctx: LensContext, pos: number, attr: string, targetClass: string): Fix[] {
  const { stores, reads } = usesOf(ctx, attr);
  if (!storeAt(ctx, pos, stores)) return [];
  const slots = weakrefSlotEdit(ctx, targetClass);
  if (slots === null) return [];
  for (const { node, parent } of reads) {
    if (parent?._type === 'Compare') {
      const cmp = parent as unknown as { left: Expr; ops: string[]; comparators: Expr[] };
      const operands = [cmp.left, ...cmp.comparators];
      const i = operands.indexOf(node);
      const identity = cmp.ops.some((op, k) => (op === 'Is' || op === 'IsNot') && (k === i || k + 1 === i) && !isNone(operands[k === i ? k + 1 : k]));
      if (identity) return [];
    }
    if (parent?._type === 'Call' && (parent as unknown as { func: Expr }).func._type === 'Name' && ((parent as unknown as { func: { id: string } }).func.id === 'id')) return [];
  }
  const edits: TextEdit[] = [];
  for (const s of stores) {
    if (isNone(s.value)) continue;
    const text = textOf(ctx.lines, s.value);
    const certain = s.value._type === 'Name' && s.value.id === 'self';
    edits.push({ range: rangeOf(s.value), newText: certain ? `weakref.proxy(${text})` : `weakref.proxy(${text}) if ${text} is not None else None` });
  }
  if (edits.length === 0) return [];
  return [{ title: `Hold \`${attr}\` as a weak reference (weakref.proxy)`, edits: [...importEdit(ctx), ...slots, ...edits] }];
}

/** An instance of a class with `__slots__` can be weakly referenced only if '__weakref__' is among them
 *  (Objects/typeobject.c, type_new_descriptors): the edit that adds it to a literal tuple or list, none when it
 *  is there or the class has no `__slots__`, null when the slots are not a literal we can extend. */
function weakrefSlotEdit(ctx: LensContext, className: string): TextEdit[] | null {
  let result: TextEdit[] | null = [];
  walk(ctx.module, (node) => {
    if (node._type !== 'ClassDef' || (node as unknown as { name: string }).name !== className) return;
    for (const st of (node as unknown as { body: AnyNode[] }).body) {
      if (st._type !== 'Assign') continue;
      const a = st as unknown as { targets: Expr[]; value: Expr };
      if (!a.targets.some((t) => t._type === 'Name' && t.id === '__slots__')) continue;
      const v = a.value;
      if (v._type !== 'Tuple' && v._type !== 'List') { result = null; return; }
      const names = v.elts.map((e) => (e._type === 'Constant' && e.value.t === 'str' ? e.value.v : null));
      if (names.includes(null)) { result = null; return; }
      if (names.includes('__weakref__')) return;
      const last = v.elts[v.elts.length - 1];
      const at = last ? rangeOf(last).end : { line: v.lineno - 1, character: v.col_offset + 1 };
      result = [{ range: { start: at, end: at }, newText: last ? ", '__weakref__'" : "'__weakref__'," }];
    }
  });
  return result;
}

/** `self.attr = self.method` → `weakref.WeakMethod(self.method)`, and each call `x.attr(...)` → `x.attr()(...)`.
 *  Not offered when `.attr` is read other than to call it. */
export function boundMethodFix(ctx: LensContext, pos: number, attr: string): Fix[] {
  const { stores, reads } = usesOf(ctx, attr);
  const store = storeAt(ctx, pos, stores);
  if (!store || stores.length !== 1) return [];
  const edits: TextEdit[] = [{ range: rangeOf(store.value), newText: `weakref.WeakMethod(${textOf(ctx.lines, store.value)})` }];
  for (const { node, parent } of reads) {
    if (parent?._type !== 'Call' || (parent as unknown as { func: Expr }).func !== node) return [];
    const end = rangeOf(node).end;
    edits.push({ range: { start: end, end }, newText: '()' });
  }
  return [{ title: `Store \`${attr}\` as a weakref.WeakMethod`, edits: [...importEdit(ctx), ...edits] }];
}
