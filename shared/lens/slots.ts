// slots-saving: many instances of a class with an instance dict alive at once, where `__slots__` would make each
// a fixed-size object. Evidence from the replay: the live instances of each of the program's own plain classes
// (counted by their `__class__` reference to the class object made at the `class` statement), the bytes they
// use at their peak (each object's request, its values array and a materialized `__dict__`), and the attribute
// names stored on them. The slotted size follows the simulator's own layout rules (type.ts layOut, sizes.ts).
import { rt } from '../interpreter/runtime';
import { gcHeadSize, HEAD, struct } from '../interpreter/sizes';
import { Slot, SLOT_MASK, SLOT_SHIFT } from '../interpreter/trace';
import type { ClassDef, Expr, FunctionDef, Module, Stmt } from '../parser/ast';
import type { Analyzer, LensContext } from './context';
import { isOwnPosition, rangeOfPosition } from './context';
import { bytesText, num } from './format';
import type { LiveObject } from './replay';
import { walk as walkTree, type AstNode } from './fixes';
import type { Finding, Fix } from './types';

/** Live instances at once before a class is reported. */
const MIN_INSTANCES = 1000;

/** Methods that take over attribute access or pickling: what they do with `__dict__` cannot be read from here. */
const CUSTOM_ACCESS = new Set(['__setattr__', '__getattr__', '__getattribute__', '__delattr__', '__getstate__', '__setstate__', '__reduce__', '__reduce_ex__']);

interface ClassStats {
  cls: ClassDef;
  live: number;
  /** Bytes of the live instances (request + values array) and of their materialized dicts. */
  bytes: number;
  peak: number;
  peakBytes: number;
  peakPos: number;
  /** Attribute names stored on instances, in the order first stored. */
  names: Set<string>;
}

export function slotsAnalyzer(ctx: LensContext): Analyzer {
  const { trace, replay } = ctx;
  const candidates = plainClasses(ctx.module);
  const stats = new Map<ClassDef, ClassStats>();
  /** Class objects made by a candidate `class` statement, instances, and instances' materialized dicts. */
  const classOf = new Map<number, ClassStats>();
  const instances = new Map<number, ClassStats>();
  const dicts = new Map<number, ClassStats>();
  let lastOwnPos = 0;

  const counting = (): boolean => !replay.programEnded && replay.exploring < 0;
  const nameOf = (slot: number): string => trace.names[slot & SLOT_MASK];
  const bytesOf = (o: LiveObject): number => o.size + o.buffer;

  return {
    listener: {
      alloc(o) {
        if (o.type !== 'type' || o.preexisting || !isOwnPosition(trace, o.allocPos)) return;
        const cls = innermost(candidates, trace.positions[3 * o.allocPos]);
        if (!cls) return;
        let s = stats.get(cls);
        if (!s) stats.set(cls, (s = { cls, live: 0, bytes: 0, peak: 0, peakBytes: 0, peakPos: 0, names: new Set() }));
        classOf.set(o.serial, s);
      },
      refAdd(e) {
        if (isOwnPosition(trace, replay.pos)) lastOwnPos = replay.pos;
        const kind = e.slot >>> SLOT_SHIFT;
        const inDict = dicts.get(e.holder);
        if (inDict && kind === Slot.VALUE_STR) inDict.names.add(nameOf(e.slot));
        if (kind !== Slot.NAME) return;
        const name = nameOf(e.slot);
        const s = instances.get(e.holder);
        if (name === '__class__') {
          const of = classOf.get(e.target);
          const o = replay.objects.get(e.holder);
          if (!of || s || !o || o.type !== of.cls.name || !counting()) return;
          instances.set(o.serial, of);
          of.live++;
          of.bytes += bytesOf(o);
          if (of.live > of.peak) {
            of.peak = of.live;
            of.peakBytes = of.bytes;
            of.peakPos = lastOwnPos;
          }
        } else if (s && name === '__dict__') {
          const d = replay.objects.get(e.target);
          if (d && d.type === 'dict' && !dicts.has(d.serial)) {
            dicts.set(d.serial, s);
            s.bytes += bytesOf(d);
          }
        } else if (s) {
          s.names.add(name);
        }
      },
      resize(o, before) {
        const s = instances.get(o.serial) ?? dicts.get(o.serial);
        if (s) s.bytes += o.buffer - before;
      },
      dealloc(o) {
        const s = instances.get(o.serial);
        if (s) {
          s.live--;
          instances.delete(o.serial);
        }
        const d = s ?? dicts.get(o.serial);
        if (d) d.bytes -= bytesOf(o);
        dicts.delete(o.serial);
      },
    },
    findings: () => [...stats.values()].flatMap((s) => judge(ctx, s)),
  };
}

function judge(ctx: LensContext, s: ClassStats): Finding[] {
  const names = [...s.names];
  if (s.peak < MIN_INSTANCES || !names.length) return [];
  // A class's instances may be weakly referenced when the program uses weakref: keep that possible.
  const weak = importsWeakref(ctx.module);
  const slots = weak ? [...names, '__weakref__'] : names;
  const slotted = slottedSize(names.length, weak);
  const each = s.peakBytes / s.peak;
  const saved = s.peakBytes - s.peak * slotted;
  if (each <= slotted || saved <= 0) return [];
  const tuple = `(${slots.map((n) => `'${n}'`).join(', ')}${slots.length === 1 ? ',' : ''})`;
  const eachText = Number.isInteger(each) ? `${num(each)} bytes each` : `${each.toFixed(1)} bytes each on average`;
  const line = ctx.trace.positions[3 * s.peakPos];
  const fix = slotsFix(ctx, s.cls, names, tuple);
  return [{
    code: 'slots-saving', severity: 'information', range: nameRange(ctx, s.cls),
    message: `\`${s.cls.name}\`: ${num(s.peak)} instances alive at once${line > 0 ? ` (line ${line})` : ''}, ${eachText}; ` +
      `with \`__slots__ = ${tuple}\` each would take ${num(slotted)} bytes: ${bytesText(saved)} less at the peak`,
    related: s.peakPos > 0 ? [{ range: rangeOfPosition(ctx.trace, s.peakPos), message: `the peak of ${num(s.peak)} live instances was reached here` }] : [],
    fixes: fix ? [fix] : [],
  }];
}

/**
 * The request of an instance of the class with `__slots__` (type.ts layOut, sizes.ts getsizeofExtra): the object
 * head and a pointer per slot, after the GC pre-header every class's instances get; a `__weakref__` slot is a
 * word in the object in 3.11 and the managed pre-header's two words from 3.12.
 */
function slottedSize(slots: number, weak: boolean): number {
  const p = rt.version.ptr;
  const weakref = !weak ? 0 : rt.v >= 312 ? 2 * p : p;
  return struct(HEAD) + slots * p + gcHeadSize() + weakref;
}

// ------------------------------------------------------------------ the syntax tree

type AnyNode = AstNode & Record<string, unknown>;

/** Every node under a node or a list of nodes (fixes.ts walk visits one root). */
function walk(root: unknown, visit: (n: AnyNode) => void): void {
  for (const r of Array.isArray(root) ? root : [root]) walkTree(r as AstNode, (n) => { visit(n as AnyNode); });
}

/** The program's classes that `__slots__` could shrink: based on `object` only, no metaclass, no decorator (a
 *  dataclass makes its own), and no `__slots__` of their own. */
function plainClasses(module: Module): ClassDef[] {
  const found: ClassDef[] = [];
  walk(module, (node) => {
    if (node._type !== 'ClassDef') return;
    const cls = node as unknown as ClassDef;
    const plainBases = cls.bases.every((b) => b._type === 'Name' && b.id === 'object');
    if (plainBases && !cls.keywords.length && !cls.decorator_list.length && !definesName(cls.body, '__slots__')) found.push(cls);
  });
  return found;
}

/** The innermost candidate whose statement spans a line (1-based): the class object is made there. */
function innermost(classes: ClassDef[], line: number): ClassDef | undefined {
  let best: ClassDef | undefined;
  for (const c of classes) {
    if (c.lineno <= line && line <= c.end_lineno && (!best || c.lineno >= best.lineno)) best = c;
  }
  // Only the `class` line itself: a class statement nested in a method body makes its class elsewhere.
  return best && best.lineno === line ? best : undefined;
}

/** Names a class body binds: assignments, functions, nested classes. */
function definesName(body: Stmt[], name: string): boolean {
  return body.some((s) => boundNames(s).includes(name));
}

function boundNames(s: Stmt): string[] {
  const targets = (e: Expr): string[] => (e._type === 'Name' ? [e.id] : e._type === 'Tuple' || e._type === 'List' ? e.elts.flatMap(targets) : []);
  if (s._type === 'Assign') return s.targets.flatMap(targets);
  if (s._type === 'AnnAssign') return s.value ? targets(s.target) : [];
  if (s._type === 'AugAssign') return targets(s.target);
  if (s._type === 'FunctionDef' || s._type === 'AsyncFunctionDef' || s._type === 'ClassDef') return [s.name];
  return [];
}

function importsWeakref(module: Module): boolean {
  let found = false;
  walk(module, (n) => {
    if (n._type === 'Import' && (n.names as { name: string }[]).some((a) => a.name === 'weakref')) found = true;
    if (n._type === 'ImportFrom' && n.module === 'weakref') found = true;
  });
  return found;
}

/**
 * `__slots__ = (...)` as the class body's first statement (after its docstring), when nothing in the file could
 * need an instance dict: no `__dict__`, `vars()`, `setattr()`/`delattr()`; no method that takes over attribute
 * access or pickling; no class attribute named like an instance attribute (a ValueError with `__slots__`); and
 * every attribute stored on `self` in the class's methods, or on anything outside them, is one of the names the
 * run stored.
 */
function slotsFix(ctx: LensContext, cls: ClassDef, names: string[], tuple: string): Fix | null {
  const known = new Set(names);
  if (names.some((n) => definesName(cls.body, n)) || [...CUSTOM_ACCESS].some((n) => definesName(cls.body, n))) return null;
  let safe = true;
  walk(ctx.module, (n) => {
    if (n._type === 'Attribute' && n.attr === '__dict__') safe = false;
    if (n._type === 'Call' && (n.func as AnyNode)._type === 'Name' && ['vars', 'setattr', 'delattr'].includes((n.func as AnyNode).id as string)) safe = false;
  });
  if (!safe) return null;
  // Attribute stores: on `self` in a method of a class, they belong to that class; anywhere else, to anything.
  const selfStores = new Set<AnyNode>();
  walk(ctx.module, (n) => {
    if (n._type !== 'ClassDef') return;
    const owner = n as unknown as ClassDef;
    for (const f of owner.body) {
      if (f._type !== 'FunctionDef' && f._type !== 'AsyncFunctionDef') continue;
      const self = (f as FunctionDef).args.posonlyargs[0]?.arg ?? (f as FunctionDef).args.args[0]?.arg;
      if (!self || f.decorator_list.some((d) => d._type === 'Name' && (d.id === 'staticmethod' || d.id === 'classmethod'))) continue;
      walk(f.body, (a) => {
        if (!isAttributeStore(a) || (a.value as AnyNode)._type !== 'Name' || (a.value as AnyNode).id !== self) return;
        selfStores.add(a);
        if (owner === cls && !known.has(a.attr as string)) safe = false;
      });
    }
  });
  walk(ctx.module, (a) => {
    if (isAttributeStore(a) && !selfStores.has(a) && !known.has(a.attr as string)) safe = false;
  });
  if (!safe) return null;
  const first = cls.body[0];
  const docstring = first._type === 'Expr' && first.value._type === 'Constant' && first.value.value.t === 'str';
  // Right after the docstring (which must stay first), or before the first statement on a line of its own.
  if (first.lineno <= cls.lineno || (docstring && (cls.body[1]?.lineno ?? Infinity) <= first.end_lineno)) return null;
  const line = docstring ? first.end_lineno : first.lineno - 1;
  if (line >= ctx.lines.length) return null;
  const indent = /^\s*/.exec(ctx.lines[first.lineno - 1] ?? '')![0];
  const pos = { line, character: 0 };
  return { title: `Add \`__slots__ = ${tuple}\` to \`${cls.name}\``, edits: [{ range: { start: pos, end: pos }, newText: `${indent}__slots__ = ${tuple}\n` }] };
}

function isAttributeStore(n: AnyNode): boolean {
  return n._type === 'Attribute' && ((n.ctx as unknown) === 'Store' || (n.ctx as unknown) === 'Del');
}

/** The class name in its `class` line. */
function nameRange(ctx: LensContext, cls: ClassDef): Finding['range'] {
  const line = cls.lineno - 1;
  const m = new RegExp(`\\bclass\\s+(${cls.name})\\b`).exec(ctx.lines[line] ?? '');
  const start = m ? m.index + m[0].length - cls.name.length : cls.col_offset;
  return { start: { line, character: start }, end: { line, character: start + (m ? cls.name.length : 5) } };
}
