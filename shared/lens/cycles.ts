// cycle-candidate: a reference cycle that outlives its last outside reference, so that only the cyclic
// collector frees it (Python/gc.c) or nothing does before the program exits. And missing-weakref where the
// cycle is closed by a back-reference to a parent or owner, or by a bound method stored on its own instance.
//
// Evidence: the garbage each collection found (the collector's own verdict), and, when the main module ends and
// after each exploratory call, the objects the collector would find unreachable then (the same test as
// gc.c's update_refs/subtract_refs/move_unreachable, on the replayed heap). The cycles are the strongly
// connected parts of that garbage; the reference that closed one is the one stored last.
import type { Analyzer, LensContext } from './context';
import { isOwnPosition, rangeOfPosition } from './context';
import { stronglyConnected } from '../heap/scc';
import { walk } from './fixes';
import { bytesText } from './format';
import type { ClassDef } from '../parser';
import { backReferenceFix, boundMethodFix, closureFix } from './weakfixes';
import type { Edge, LiveObject, Replay, ReplayCollection } from './replay';
import type { Finding, RelatedLocation } from './types';
import { Slot, SLOT_MASK, SLOT_SHIFT } from '../interpreter/trace';

/** Objects that are in cycles by construction in every program (a class and its methods' globals, modules,
 *  code): not what a user builds, never reported. */
const INFRASTRUCTURE = new Set(['type', 'module', 'code', 'getset_descriptor', 'member_descriptor', 'wrapper_descriptor', 'method_descriptor', 'mappingproxy']);

/** When the garbage was seen. */
type Moment =
  | { kind: 'collected'; collection: ReplayCollection }
  | { kind: 'end' }
  | { kind: 'stopped' }
  | { kind: 'explore'; code: number }
  | { kind: 'shutdown' };

interface Cycle {
  members: LiveObject[];
  edges: Edge[];
  /** The garbage hanging off the cycle (members included): what its collection frees. */
  objects: number;
  bytes: number;
  closing: Edge;
  moment: Moment;
  lastOutside: Release | null;
  /** The members the outside world held until the end (they lost their last outside references together). */
  heldLast: number[];
}

/** A reference that went away: from an object's slot, a frame's variable, or a value stack. */
interface Release {
  step: number;
  pos: number;
  holder: number;
  slot: number;
  /** The object it referred to. */
  target: number;
  /** The holder was a frame: its code (index into trace.codes). */
  frameCode: number;
  /** The holder was an object: its type, and whether it is a module's globals. */
  holderType: string;
  global: boolean;
  stack: boolean;
}

/** How many recent releases to remember per object: enough to find the last one from outside a cycle. */
const RELEASES_KEPT = 4;

export function cycleAnalyzer(ctx: LensContext): Analyzer {
  const replay = ctx.replay;
  const trace = ctx.trace;
  const releases = new Map<number, Release[]>();
  /** Dicts that are a module's globals: every function refers to its module's, so they are in every cycle. */
  const globalsDicts = new Set<number>();
  /** Objects already counted in a reported moment (so a cycle is reported where it first became garbage). */
  const seen = new Set<number>();
  const cycles: Cycle[] = [];
  const classes = userClasses(ctx);
  let exploreStartStep = -1;

  const release = (o: LiveObject, r: Release): void => {
    let list = releases.get(o.serial);
    if (!list) releases.set(o.serial, (list = []));
    list.push(r);
    if (list.length > RELEASES_KEPT) list.shift();
  };

  const excluded = (o: LiveObject): boolean => o.preexisting || INFRASTRUCTURE.has(o.type) || globalsDicts.has(o.serial);

  const record = (garbage: Iterable<number>, moment: Moment): void => {
    const members: LiveObject[] = [];
    for (const s of garbage) {
      if (seen.has(s)) continue;
      seen.add(s);
      const o = replay.objects.get(s);
      if (o && !excluded(o)) members.push(o);
    }
    for (const c of cyclesAmong(replay, members)) {
      const cycle = describe(replay, c, members, moment, releases);
      if (cycle) cycles.push(cycle);
    }
  };

  const listener = {
    refAdd(e: Edge): void {
      if ((e.slot >>> SLOT_SHIFT) === Slot.NAME && trace.names[e.slot & SLOT_MASK] === '__globals__') globalsDicts.add(e.target);
    },
    refDel(e: Edge): void {
      const o = replay.objects.get(e.target);
      if (!o) return;
      const f = replay.frames.get(e.holder);
      const h = replay.objects.get(e.holder);
      release(o, { step: e.step, pos: e.pos, holder: e.holder, target: o.serial, slot: e.slot, frameCode: f ? f.code : -1, holderType: h?.type ?? '', global: globalsDicts.has(e.holder), stack: false });
    },
    stackDrop(o: LiveObject, frame: number): void {
      const f = replay.frames.get(frame);
      release(o, { step: replay.step, pos: replay.pos, holder: frame, target: o.serial, slot: -1, frameCode: f ? f.code : -1, holderType: '', global: false, stack: true });
    },
    dealloc(o: LiveObject): void {
      releases.delete(o.serial);
    },
    garbageFound(c: ReplayCollection): void {
      if (c.atShutdown && replay.exploring < 0) record(c.garbage, { kind: 'shutdown' });
      else if (replay.exploring >= 0) record(c.garbage, { kind: 'explore', code: replay.exploring });
      else record(c.garbage, { kind: 'collected', collection: c });
    },
    programEnd(): void {
      record(replay.unreachable(), { kind: 'end' });
    },
    end(): void {
      // A budget stopped the run: what was garbage by then is reported as of the stop.
      if (!replay.programEnded) record(replay.unreachable(), { kind: 'stopped' });
    },
    exploreStart(): void {
      exploreStartStep = replay.step;
    },
    exploreEnd(code: number): void {
      record([...replay.unreachable()].filter((s) => (replay.objects.get(s)?.allocStep ?? -1) >= exploreStartStep), { kind: 'explore', code });
    },
  };

  return {
    listener,
    findings: () => cycles.flatMap((c) => findingsOf(ctx, c, classes)),
  };
}

/** The reference cycles among `members`: strongly connected parts of two or more objects, or one that refers
 *  to itself. */
function cyclesAmong(replay: Replay, members: LiveObject[]): LiveObject[][] {
  const bySerial = new Map(members.map((o) => [o.serial, o]));
  const succ = (v: number): number[] => {
    const out: number[] = [];
    replay.referencesOf(v, (e) => out.push(e.target));
    return out;
  };
  return stronglyConnected(bySerial.keys(), succ)
    .filter((comp) => comp.length > 1 || succ(comp[0]).includes(comp[0]))
    .map((comp) => comp.map((s) => bySerial.get(s)!));
}

function describe(replay: Replay, comp: LiveObject[], garbage: LiveObject[], moment: Moment, releases: Map<number, Release[]>): Cycle | null {
  const set = new Set(comp.map((o) => o.serial));
  const edges: Edge[] = [];
  for (const o of comp) replay.referencesOf(o.serial, (e) => { if (set.has(e.target)) edges.push({ ...e, holder: o.serial }); });
  const own = edges.filter((e) => isOwnPosition(replay.trace, e.pos));
  if (own.length === 0) return null;
  const closing = own.reduce((a, b) => (b.step > a.step ? b : a));
  // What the cycle keeps with it: the garbage reachable from it.
  const inGarbage = new Set(garbage.map((o) => o.serial));
  const reached = new Set(set);
  const todo = [...set];
  while (todo.length) {
    replay.referencesOf(todo.pop()!, (e) => {
      if (inGarbage.has(e.target) && !reached.has(e.target)) { reached.add(e.target); todo.push(e.target); }
    });
  }
  let bytes = 0;
  for (const s of reached) {
    const o = replay.objects.get(s)!;
    bytes += o.size + o.buffer;
  }
  // The last reference from outside the cycle that went away, to any member, and every member that lost one in
  // that same step (a frame's variables, or an outside object's attributes, go together).
  const outside: Release[] = [];
  for (const o of comp) {
    for (const r of releases.get(o.serial) ?? []) {
      const holder = replay.frameOwner.get(r.holder) ?? r.holder;
      if (!set.has(holder)) outside.push(r);
    }
  }
  const lastOutside = outside.reduce<Release | null>((a, r) => (!a || r.step >= a.step ? r : a), null);
  const heldLast = lastOutside ? outside.filter((r) => r.step === lastOutside.step).map((r) => r.target) : [];
  // Garbage outside the cycle may still hold members (a container of the structure, collected with it).
  for (const o of comp) {
    for (const e of o.holders.values()) if (!set.has(replay.frameOwner.get(e.holder) ?? e.holder)) heldLast.push(o.serial);
  }
  return { members: comp, edges, objects: reached.size, bytes, closing, moment, lastOutside, heldLast };
}

function findingsOf(ctx: LensContext, c: Cycle, classes: UserClasses): Finding[] {
  const classNames = classes.names;
  const out: Finding[] = [];
  const trace = ctx.trace;
  const replay = ctx.replay;
  const typeOf = new Map(c.members.map((o) => [o.serial, o.type]));
  const exploratory = c.moment.kind === 'explore' ? trace.codes[c.moment.code]?.qualname ?? '?' : null;
  const explored = exploratory ? ` (found by calling \`${exploratory}\` with placeholder arguments)` : '';
  const reference = c.edges.find((e) => isBackReference(e, typeOf, classNames, c));
  // A subject that keeps its observers in a list: the list is what should be weak, not the observer's
  // reference to its subject (nor when a bound method of the observer is what the subject keeps).
  const observers = reference ? observerStore(c, reference, typeOf, trace) : undefined;
  const backRef = observers ? undefined : reference;
  // A bound method (or a closure) whose `self` is in the cycle, stored somewhere in it: the edge that stored it.
  const selfOf = (callable: number, slot: string): number | undefined => c.edges.find((f) => f.holder === callable && replay.slotText(f.slot) === slot && classNames.has(typeOf.get(f.target) ?? ''))?.target;
  const boundMethod = c.edges.find((e) => typeOf.get(e.target) === 'method' && isOwnPosition(trace, e.pos) && selfOf(e.target, '__self__') !== undefined);
  const closure = c.edges.find((e) => typeOf.get(e.target) === 'function' && classNames.has(typeOf.get(e.holder) ?? '') && isOwnPosition(trace, e.pos) && capturesInstance(c, e.target, typeOf, classNames));
  if (c.moment.kind !== 'shutdown') {
    const related: RelatedLocation[] = [];
    for (const e of c.edges) {
      if (!isOwnPosition(trace, e.pos)) continue;
      related.push({ range: rangeOfPosition(trace, e.pos), message: `reference in the cycle: ${objectName(ctx, e.holder, typeOf)}${slotName(replay, e.slot)} → ${typeOf.get(e.target)}` });
    }
    const lo = c.lastOutside;
    if (lo && isOwnPosition(trace, lo.pos)) related.push({ range: rangeOfPosition(trace, lo.pos), message: `the last reference from outside the cycle went away here (${releaseName(ctx, lo)})` });
    if (c.moment.kind === 'collected' && isOwnPosition(trace, c.moment.collection.pos)) {
      related.push({ range: rangeOfPosition(trace, c.moment.collection.pos), message: 'the cyclic collector freed it here' });
    }
    out.push({
      code: 'cycle-candidate', severity: 'warning', range: rangeOfPosition(trace, c.closing.pos),
      message: `${cycleKind(c, classes.withDel, backRef, boundMethod, closure)}: ${census(c.members)} (${c.objects} object${c.objects === 1 ? '' : 's'}, ${bytesText(c.bytes)} with what it holds). It outlives its last outside reference, so only the cyclic collector can free it; ${freedWhen(ctx, c)}${explored}`,
      related: uniqueRelated(related), fixes: [], exploratory: exploratory !== null || undefined,
    });
  }
  if (observers && !boundMethod) {
    const container = trace.names[observers.via.slot & SLOT_MASK];
    out.push({
      code: 'missing-weakref', severity: 'warning', range: rangeOfPosition(trace, observers.store.pos),
      message: `\`${container}\` of the ${typeOf.get(observers.via.holder)} keeps its ${typeOf.get(observers.store.target)} observers alive, and they refer back to it: a reference cycle; a weakref.WeakSet (or weak references in the list) lets observers go when nothing else uses them${explored}`,
      related: [], fixes: [], exploratory: exploratory !== null || undefined,
    });
  }
  if (backRef && !boundMethod && isOwnPosition(trace, backRef.pos)) {
    const attr = trace.names[backRef.slot & SLOT_MASK];
    // Weakening it is safe when what the outside world held last reaches every member without such
    // back-references: then the structure still goes as a whole. If only a child was held last, the owner would
    // die before the child's last use of it.
    const safe = reachesAllWithout(c, backRef.slot);
    out.push({
      code: 'missing-weakref', severity: 'warning', range: rangeOfPosition(trace, backRef.pos),
      message: `\`${attr}\` is a back-reference from a ${typeOf.get(backRef.holder)} to the ${typeOf.get(backRef.target)} that owns it, closing a reference cycle (${census(c.members)}); a weak reference (weakref.proxy or weakref.ref) lets reference counting free the structure${explored}`,
      related: [], fixes: safe ? backReferenceFix(ctx, backRef.pos, attr, typeOf.get(backRef.target) ?? '') : [], exploratory: exploratory !== null || undefined,
    });
  }
  if (boundMethod) {
    const owner = selfOf(boundMethod.target, '__self__')!;
    const named = (boundMethod.slot >>> SLOT_SHIFT) === Slot.NAME;
    const attr = named ? trace.names[boundMethod.slot & SLOT_MASK] : '';
    const where = owner === boundMethod.holder ? 'on the instance itself' : `in a ${typeOf.get(boundMethod.holder)} that the ${typeOf.get(owner)} holds`;
    out.push({
      code: 'missing-weakref', severity: 'warning', range: rangeOfPosition(trace, boundMethod.pos),
      message: `${named ? `\`${attr}\` stores` : 'This stores'} a bound method of the ${typeOf.get(owner)} ${where}: the method holds its \`self\`, a reference cycle; weakref.WeakMethod (or looking the method up when it is called) avoids it${explored}`,
      related: [], fixes: named ? boundMethodFix(ctx, boundMethod.pos, attr) : [], exploratory: exploratory !== null || undefined,
    });
  }
  if (closure && !boundMethod) {
    const attr = trace.names[closure.slot & SLOT_MASK];
    out.push({
      code: 'missing-weakref', severity: 'warning', range: rangeOfPosition(trace, closure.pos),
      message: `\`${attr}\` stores a function that captures the ${typeOf.get(closure.holder)} it is stored on (a closure cell holds it): a reference cycle; capture \`weakref.ref(self)\` instead${explored}`,
      related: [], fixes: (closure.slot >>> SLOT_SHIFT) === Slot.NAME ? closureFix(ctx, closure.pos) : [], exploratory: exploratory !== null || undefined,
    });
  }
  return out;
}


const OBSERVER_NAMES = /observer|listener|subscriber|callback|handler|watcher|receiver|sink|view/i;

/** When the owner reaches the back-reference's holder through an attribute named for observers (`observers`,
 *  `_listeners`...): that attribute's edge, and the container's reference to the holder. */
function observerStore(c: Cycle, back: Edge, typeOf: Map<number, string>, trace: LensContext['trace']): { via: Edge; store: Edge } | undefined {
  for (const via of c.edges) {
    if (via.holder !== back.target || (via.slot >>> SLOT_SHIFT) !== Slot.NAME || !OBSERVER_NAMES.test(trace.names[via.slot & SLOT_MASK])) continue;
    const store = c.edges.find((e) => e.holder === via.target && e.target === back.holder && isOwnPosition(trace, e.pos));
    if (store && typeOf.get(via.target) !== undefined) return { via, store };
  }
  return undefined;
}

/** Whether a function in the cycle holds an instance of the program's classes through its closure cells. */
function capturesInstance(c: Cycle, fn: number, typeOf: Map<number, string>, classNames: Set<string>): boolean {
  const from = (h: number, t: string): number[] => c.edges.filter((e) => e.holder === h && typeOf.get(e.target) === t).map((e) => e.target);
  return from(fn, 'tuple').some((cells) => from(cells, 'cell').some((cell) => c.edges.some((e) => e.holder === cell && classNames.has(typeOf.get(e.target) ?? ''))));
}

/** Whether the members held last from outside reach every member by the cycle's references other than those in
 *  slot `slot`. */
function reachesAllWithout(c: Cycle, slot: number): boolean {
  const reached = new Set(c.heldLast);
  const todo = [...c.heldLast];
  while (todo.length) {
    const v = todo.pop()!;
    for (const e of c.edges) {
      if (e.holder === v && e.slot !== slot && !reached.has(e.target)) { reached.add(e.target); todo.push(e.target); }
    }
  }
  return c.members.every((o) => reached.has(o.serial));
}

/** A back-reference: an attribute of an instance of the program's classes that refers to an instance made
 *  before it (the parent or owner), inside a cycle. */
function isBackReference(e: Edge, typeOf: Map<number, string>, classNames: Set<string>, c: Cycle): boolean {
  if ((e.slot >>> SLOT_SHIFT) !== Slot.NAME) return false;
  const holder = typeOf.get(e.holder);
  const target = typeOf.get(e.target);
  if (!holder || !target || !classNames.has(holder) || !classNames.has(target) || e.holder === e.target) return false;
  // The members, not the replay's objects: findings are made after the run, when the objects are gone.
  const h = c.members.find((o) => o.serial === e.holder);
  const t = c.members.find((o) => o.serial === e.target);
  if (!h || !t || t.allocStep > h.allocStep) return false;
  // The owner reaches the holder by a path of its own (its children), not only through this attribute; and the
  // relation is not symmetric (peers or a ring linked by one attribute name have no owner).
  return c.edges.some((f) => f.holder === e.target && f !== e) && c.edges.some((f) => f !== e && f.slot !== e.slot);
}

/** What kind of cycle it is, in the words a reader knows it by. */
function cycleKind(c: Cycle, finalizable: Set<string>, backRef: Edge | undefined, boundMethod: Edge | undefined, closure: Edge | undefined): string {
  const types = new Set(c.members.map((o) => o.type));
  const kinds: string[] = [];
  if (types.has('traceback') || types.has('frame')) kinds.push('through an exception\'s traceback (its frames keep their locals alive)');
  if (c.members.some((o) => finalizable.has(o.type))) kinds.push('with `__del__` (finalizers run before the collector can free it)');
  if (backRef) kinds.push('parent/child back-reference');
  if (boundMethod) kinds.push('a bound method stored where its own instance holds it');
  if (closure) kinds.push('a closure that captures the object it is stored on');
  else if (types.has('cell') && types.has('function')) kinds.push('a nested function that reaches itself through its closure cells');
  return kinds.length ? `Reference cycle (${kinds.join('; ')})` : 'Reference cycle';
}


function freedWhen(ctx: LensContext, c: Cycle): string {
  const m = c.moment;
  if (m.kind === 'collected') {
    const col = m.collection;
    const where = isOwnPosition(ctx.trace, col.pos) ? ` at line ${ctx.trace.positions[3 * col.pos]}` : '';
    const which = ctx.trace.version >= 314 ? `a ${['young', 'incremental', 'full'][col.generation] ?? ''} collection` : `a generation ${col.generation} collection`;
    return col.trigger === 'gc.collect' ? `in this run gc.collect() frees it${where}` : `in this run ${which} triggered by allocations frees it${where}`;
  }
  if (m.kind === 'end') return 'in this run no collection frees it before the program exits';
  if (m.kind === 'stopped') return 'no collection had freed it when the simulation stopped';
  return 'no collection frees it before the call returns';
}

/** One related location per place: a loop stores the same kind of reference many times (`list[0]`, `list[1]`
 *  from one line read `list[…]`). */
function uniqueRelated(related: RelatedLocation[]): RelatedLocation[] {
  const byPlace = new Map<string, RelatedLocation[]>();
  for (const r of related) {
    const k = `${r.range.start.line}:${r.range.start.character}`;
    const list = byPlace.get(k);
    if (list) list.push(r);
    else byPlace.set(k, [r]);
  }
  return [...byPlace.values()].map((list) => {
    const messages = new Set(list.map((r) => r.message));
    if (messages.size === 1) return list[0];
    return { range: list[0].range, message: [...new Set([...messages].map((m) => m.replace(/\[\d+\]/g, '[…]')))].join('; ') };
  });
}

function census(members: LiveObject[]): string {
  const counts = new Map<string, number>();
  for (const o of members) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
  return [...counts].map(([t, n]) => `${n} ${t}`).join(', ');
}


function slotName(replay: Replay, slot: number): string {
  const text = replay.slotText(slot);
  return (slot >>> SLOT_SHIFT) === Slot.NAME ? `.${text}` : text.startsWith('[') ? text : ` (${text})`;
}

function objectName(ctx: LensContext, serial: number, typeOf: Map<number, string>): string {
  return typeOf.get(serial) ?? ctx.replay.objects.get(serial)?.type ?? '?';
}

function releaseName(ctx: LensContext, r: Release): string {
  const code = r.frameCode >= 0 ? ctx.trace.codes[r.frameCode]?.qualname : undefined;
  if (r.stack) return code ? `a temporary in \`${code}\`` : 'a temporary';
  if (code) return `\`${ctx.replay.slotText(r.slot)}\` in \`${code}\`${code === '<module>' ? '' : ', when it returned'}`;
  if (r.global) return `the global \`${ctx.replay.slotText(r.slot).replace(/^\['|'\]$/g, '')}\``;
  return `${r.holderType || 'an object'}${slotName(ctx.replay, r.slot)}`;
}

interface UserClasses {
  /** The classes the program defines (instances of these are the program's own objects). */
  names: Set<string>;
  /** Those with a `__del__` of their own or from a base the program defines. */
  withDel: Set<string>;
}

function userClasses(ctx: LensContext): UserClasses {
  const names = new Set<string>();
  const bases = new Map<string, string[]>();
  const withDel = new Set<string>();
  walk(ctx.module, (node) => {
    if (node._type !== 'ClassDef') return;
    const c = node as unknown as ClassDef;
    names.add(c.name);
    bases.set(c.name, c.bases.flatMap((b) => (b._type === 'Name' ? [b.id] : [])));
    if (c.body.some((s) => s._type === 'FunctionDef' && s.name === '__del__')) withDel.add(c.name);
  });
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, bs] of bases) {
      if (!withDel.has(name) && bs.some((b) => withDel.has(b))) { withDel.add(name); changed = true; }
    }
  }
  return { names, withDel };
}
