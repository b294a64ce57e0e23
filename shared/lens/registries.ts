// missing-weakref for containers that keep instances alive: a dict keyed or valued by instances, a list or set
// of listeners or of their bound methods, that is the last holder of an instance at exit although another
// owner deliberately let it go (a `del`, a `= None`, a removal from another live container). An instance the
// container owned from the start (`users[i] = User()`) is ownership, not a missing weak reference. The fix
// turns the container into its weak form, or stores weakref.WeakMethod, when every use of it in the file allows.
import { Slot, SLOT_MASK, SLOT_SHIFT } from '../interpreter/trace';
import type { ClassDef, Expr, Module, Stmt } from '../parser';
import { isOwnPosition, rangeOfPosition, type Analyzer, type LensContext } from './context';
import {
  expressionAt, freshName, importModule, insertBefore, namesIn, nodeText, parentsOf, renameConstructor, replaceNode,
  startsLine, walk, wrapExpression, type AstNode,
} from './fixes';
import type { Edge, LiveObject } from './replay';
import type { Finding, Fix, RelatedLocation, TextEdit } from './types';

/** How the container holds the instance: a dict key or value, a list or set member, a bound method's __self__. */
type Role = 'key' | 'value' | 'member' | 'method';

interface Kept {
  role: Role;
  container: LiveObject;
  /** The instances, and the bound methods that hold them (role 'method'). */
  instances: LiveObject[];
  methods: number[];
  /** Some key is also held by its own value: a weak key alone would not free it. */
  backrefs: boolean;
  storePos: number;
  /** The last release of any of them (where the last other reference went away), and what it was. */
  releaseStep: number;
  releasePos: number;
  releaseNote: string;
  /** The first release of any of them: reads of the container after it see entries its weak form would drop. */
  firstReleaseStep: number;
}

const WEAK_FORM: Record<Role, string> = {
  key: 'WeakKeyDictionary', value: 'WeakValueDictionary', member: 'WeakSet', method: 'WeakMethod',
};

export function registryAnalyzer(ctx: LensContext): Analyzer {
  const { replay, trace } = ctx;
  const objects = replay.objects;
  const classes = classesOf(ctx.module);
  const releaseLines = releaseStatementLines(ctx.module);
  /** The dicts that are some module's globals (a module's variables are not containers). */
  const globalsDicts = new Set<number>();
  /** instance serial → the position of its last deliberate release, and whether a live object (not a
   *  variable) ever released it: a dict's values and a list's members are an index only when an owner that
   *  outlives the release had them too (`users[i] = u; u = None` is the dict owning its users). */
  const released = new Map<number, { step: number; pos: number; byOwner: boolean; by: number; note: string; first: number; param: boolean }>();
  /** container serial → the last step a read of it could see every entry (iteration, len, a value lookup). */
  const observed = new Map<number, number>();
  const readKinds = new Map<string, 'lookup' | 'observe'>();
  /** `container:target` → the position that first stored target in it (a list's shifts re-store it). */
  const stored = new Map<string, number>();
  /** container serial (created in the program's own file) → what was ever stored in it that its weak form
   *  could not hold (UNFIT_* bits): the fix is offered only when nothing was. */
  const unfit = new Map<number, number>();
  const fitness = new Map<string, number>();
  /** The UNFIT_* bits an object of this type sets when stored as a key or member / as a value. */
  const unfitBits = (type: string): number => {
    let bits = fitness.get(type);
    if (bits === undefined) {
      const defs = classes.get(type);
      const weak = defs !== undefined && defs.every((c) => weakrefableClass(c, classes));
      bits = (weak ? 0 : UNFIT_VALUE) | (weak && !defs.some(valueSemantics) ? 0 : UNFIT_KEY) | (type === 'method' ? 0 : UNFIT_METHOD);
      fitness.set(type, bits);
    }
    return bits;
  };
  const findings: Finding[] = [];
  let maxSerial = 0;
  let exploreFrom = -1;

  const isInstance = (o: LiveObject): boolean => classes.has(o.type);
  /** A frame's globals or a function's __globals__ (by name index, asked once per name). */
  const globalsNames = new Map<number, boolean>();
  const isGlobalsSlot = (name: number): boolean => {
    let g = globalsNames.get(name);
    if (g === undefined) globalsNames.set(name, (g = trace.names[name]?.includes('globals') ?? false));
    return g;
  };
  const holdsStill = (target: LiveObject, holder: number): boolean => {
    for (const e of target.holders.values()) if (e.holder === holder) return true;
    return false;
  };

  const listener = {
    alloc(o: LiveObject): void {
      if (o.serial > maxSerial) maxSerial = o.serial;
    },
    dealloc(o: LiveObject): void {
      // Its references go without refDel events: forget what was kept about them.
      if (isContainerType(o.type)) for (const e of replay.out.get(o.serial)?.values() ?? []) stored.delete(o.serial + ':' + e.target);
      if (isInstance(o) || o.type === 'method') for (const e of o.holders.values()) stored.delete(e.holder + ':' + o.serial);
      unfit.delete(o.serial);
      released.delete(o.serial);
    },
    refAdd(e: Edge): void {
      const kind = e.slot >>> SLOT_SHIFT;
      if (kind === Slot.NAME && isGlobalsSlot(e.slot & SLOT_MASK)) globalsDicts.add(e.target);
      const t = objects.get(e.target);
      const h = objects.get(e.holder);
      if (!t || !h) return;
      if (isContainerType(h.type) && isOwnPosition(trace, h.allocPos)) {
        const bits = unfitBits(t.type) & (h.type === 'dict' && kind !== Slot.KEY ? UNFIT_VALUE : UNFIT_KEY | UNFIT_METHOD);
        if (bits) unfit.set(h.serial, (unfit.get(h.serial) ?? 0) | bits);
      }
      if (!isInstance(t) && t.type !== 'method') return;
      const k = e.holder + ':' + e.target;
      if (!stored.has(k)) stored.set(k, e.pos);
    },
    refDel(e: Edge, edge: Edge): void {
      const t = objects.get(e.target);
      if (!t || !(isInstance(t) || t.type === 'method') || holdsStill(t, e.holder)) return;
      stored.delete(e.holder + ':' + e.target);
      if (!isInstance(t) || e.holder === t.serial) return;
      const h = objects.get(e.holder) ?? (replay.freeing?.serial === e.holder ? replay.freeing : undefined);
      // Releases: a live container, instance or class that drops it (an owner letting go; a tuple that drops it
      // is enumerate() reusing its result), a freed container (an owner only if the instance was made into it,
      // `plugins = [Trim(), Upper()]`, not a passing copy, `window = self.history[-10:]`), a returning
      // function's variable, and a statement that says so (`del x`, `x = None`; rebinding a loop variable is
      // not one). A parameter going away (a method's `self`) does not hide an earlier, better named release.
      const line = (pos: number): number => (isOwnPosition(trace, pos) ? trace.positions[3 * pos] : -1);
      const madeInto = line(edge.pos) >= 0 && line(edge.pos) === line(t.allocPos);
      const ownerType = h !== undefined && !globalsDicts.has(h.serial) &&
        (isContainerType(h.type) || h.type === 'deque' || h.type === 'type' || isInstance(h));
      const byOwner = ownerType && (h !== replay.freeing || madeInto);
      const frame = replay.clearing?.serial === e.holder ? replay.clearing : null;
      const param = frame !== null && edge.step === frame.startStep;
      const before = released.get(t.serial);
      if (param && before && !before.param) return;
      if (ownerType || frame || (isOwnPosition(trace, e.pos) && releaseLines.has(trace.positions[3 * e.pos]))) {
        const note = frame
          ? `\`${replay.slotText(e.slot)}\` went away when \`${trace.codes[frame.code]?.qualname ?? '?'}\` returned`
          : 'the last other reference went away here';
        released.set(t.serial, {
          step: e.step, pos: e.pos, byOwner: byOwner || (before?.byOwner ?? false), by: byOwner ? e.holder : before?.by ?? -1,
          note, first: before?.first ?? e.step, param,
        });
      }
    },
    use(o: LiveObject): void {
      if (!isContainerType(o.type) || !isOwnPosition(trace, o.allocPos)) return;
      if (readKind(replay.pos) === 'observe') observed.set(o.serial, replay.step);
    },
    programEnd(): void {
      check(0, false);
    },
    exploreStart(): void {
      exploreFrom = maxSerial;
    },
    exploreEnd(code: number): void {
      if (exploreFrom >= 0) check(exploreFrom + 1, true, trace.codes[code]?.qualname);
      exploreFrom = -1;
    },
  };

  /** Whether the read at a position only looks a key up (`d[k]`, `k in d`, `d.get(k)`: a dropped entry's key is
   *  gone too, so the weak form answers alike) or may see every entry (iteration, `len`, anything else). */
  const readKind = (pos: number): 'lookup' | 'observe' => {
    const p = trace.positions;
    const key = `${p[3 * pos]}:${p[3 * pos + 1]}:${p[3 * pos + 2]}`;
    let kind = readKinds.get(key);
    if (kind === undefined) {
      kind = 'observe';
      const at = isOwnPosition(trace, pos) ? expressionAt(ctx.module as unknown as AstNode, p[3 * pos], p[3 * pos + 1], p[3 * pos + 2]) : null;
      if (at && isLookup(at as unknown as AstNode, parents())) kind = 'lookup';
      readKinds.set(key, kind);
    }
    return kind;
  };
  let parentMap: Map<AstNode, { parent: AstNode; field: string }> | null = null;
  const parents = (): Map<AstNode, { parent: AstNode; field: string }> => (parentMap ??= parentsOf(ctx.module as unknown as AstNode));

  /** The one container that holds `o` (through list/set slots, dict values, or with `valuesOnly` dict values only). */
  const soleContainer = (o: LiveObject, valuesOnly: boolean): LiveObject | null => {
    let found: LiveObject | null = null;
    for (const e of o.holders.values()) {
      if (e.holder === o.serial) continue;
      const h = objects.get(e.holder);
      const kind = e.slot >>> SLOT_SHIFT;
      if (!h || globalsDicts.has(h.serial)) return null;
      const ok = h.type === 'dict'
        ? kind === Slot.VALUE || kind === Slot.VALUE_STR
        : !valuesOnly && ((h.type === 'list' && kind === Slot.INDEX) || (h.type === 'set' && kind === Slot.KEY));
      if (!ok || (found && found !== h)) return null;
      found = h;
    }
    return found;
  };

  /** How a live instance is held, when every holder is one container (and, for keys, its values' back-references). */
  const classify = (x: LiveObject): { role: Role; container: LiveObject; methods: number[]; backrefs: boolean } | null => {
    let role: Role | null = null;
    let container: LiveObject | null = null;
    let backrefs = false;
    const methods: number[] = [];
    for (const e of x.holders.values()) {
      if (e.holder === x.serial) continue;
      const h = objects.get(e.holder);
      if (!h) return null; // a frame's variable
      const kind = e.slot >>> SLOT_SHIFT;
      let r: Role | 'backref';
      let c: LiveObject | null = h;
      if (globalsDicts.has(h.serial)) return null;
      if (h.type === 'dict' && kind === Slot.KEY) r = 'key';
      else if (h.type === 'dict' && (kind === Slot.VALUE || kind === Slot.VALUE_STR)) r = 'value';
      else if ((h.type === 'list' && kind === Slot.INDEX) || (h.type === 'set' && kind === Slot.KEY)) r = 'member';
      else if (h.type === 'method') {
        r = 'method';
        c = soleContainer(h, false);
        if (!methods.includes(h.serial)) methods.push(h.serial);
      } else {
        r = 'backref';
        c = soleContainer(h, true);
      }
      if (!c || (container && container !== c)) return null;
      container = c;
      if (r === 'backref') { backrefs = true; continue; }
      if (role && role !== r) return null;
      role = r;
    }
    if (!role || !container || (backrefs && role !== 'key')) return null;
    return { role, container, methods, backrefs };
  };

  const check = (fromSerial: number, exploratory: boolean, qualname?: string): void => {
    const groups = new Map<string, Kept>();
    // Cyclic garbage the collector has not reached yet is no registry's doing (cycle-candidate reports it).
    const garbage = replay.unreachable();
    for (const x of objects.values()) {
      if (x.serial < fromSerial || !isInstance(x) || garbage.has(x.serial)) continue;
      const release = released.get(x.serial);
      if (release === undefined) continue;
      const how = classify(x);
      if (!how || !isOwnPosition(trace, how.container.allocPos) || !creationOf(how.container)) continue;
      if ((how.role === 'value' || how.role === 'member') && !release.byOwner) continue;
      // The container's own holder moving its pointer on (`self.active = other`) is bookkeeping, not an owner
      // letting go: the container is the owner then.
      if ((how.role === 'value' || how.role === 'member') && [...how.container.holders.values()].some((e) => e.holder === release.by)) continue;
      if (how.role === 'key' && classes.get(x.type)!.some(valueSemantics)) continue;
      // A node's own list of nodes (`parent.children`) is the structure itself, not an index beside it.
      if ([...how.container.holders.values()].some((e) => objects.get(e.holder)?.type === x.type)) continue;
      let storePos = stored.get(how.container.serial + ':' + (how.role === 'method' ? how.methods[0] : x.serial));
      if (storePos === undefined || !isOwnPosition(trace, storePos)) storePos = how.container.allocPos;
      const k = `${how.role}:${storePos}:${how.container.allocPos}`;
      const g = groups.get(k);
      if (g) {
        g.instances.push(x);
        g.methods.push(...how.methods);
        g.backrefs ||= how.backrefs;
        if (release.step >= g.releaseStep) Object.assign(g, { releaseStep: release.step, releasePos: release.pos, releaseNote: release.note });
        g.firstReleaseStep = Math.min(g.firstReleaseStep, release.first);
      } else {
        groups.set(k, {
          role: how.role, container: how.container, instances: [x], methods: how.methods, backrefs: how.backrefs, storePos,
          releaseStep: release.step, releasePos: release.pos, releaseNote: release.note, firstReleaseStep: release.first,
        });
      }
    }
    for (const g of groups.values()) findings.push(report(g, exploratory, qualname));
  };

  /** The expression that created a container, when it is a display or a call the fix can rewrite. */
  const creations = new Map<number, Expr | null>();
  const creationOf = (c: LiveObject): Expr | null => {
    let e = creations.get(c.allocPos);
    if (e === undefined) {
      const p = trace.positions;
      const at = expressionAt(ctx.module as unknown as AstNode, p[3 * c.allocPos], p[3 * c.allocPos + 1], p[3 * c.allocPos + 2]);
      e = at && isConstruction(at) ? at : null;
      creations.set(c.allocPos, e);
    }
    return e;
  };

  const report = (g: Kept, exploratory: boolean, qualname?: string): Finding => {
    const creation = creationOf(g.container)!;
    const parents = parentsOf(ctx.module as unknown as AstNode);
    const target = assignedTo(creation, parents);
    const name = target ? nodeText(ctx.lines, target) : `this ${g.container.type}`;
    const counts = new Map<string, number>();
    for (const x of g.instances) counts.set(x.type, (counts.get(x.type) ?? 0) + 1);
    const what = [...counts].map(([t, n]) => `${n} ${t}`).join(', ') + (g.instances.length === 1 ? ' instance' : ' instances');
    const bytes = retainedBytes([...g.instances.map((x) => x.serial), ...g.methods]);
    const until = exploratory ? `after ${qualname ?? 'the explored call'} returns` : 'until exit';
    const how = {
      key: 'as dict keys', value: 'as dict values', member: `as ${g.container.type} members`, method: 'through their bound methods',
    }[g.role];
    const them = g.instances.length === 1 ? 'it' : 'them';
    const instead = g.role === 'method' ? 'store weakref.WeakMethod(...) instead' : `a weakref.${WEAK_FORM[g.role]} would let ${them} go`;
    let message = `${name} keeps ${what} alive ${until} ${how} (${bytes} bytes with what they hold), after every other reference was dropped: ${instead}`;
    if (g.backrefs) message += ' (a value refers back to its key: make the value hold it weakly too)';
    if (exploratory) message += ` (found by an exploratory call of ${qualname ?? 'a function the program did not reach'})`;
    const related: RelatedLocation[] = [{ range: rangeOfPosition(trace, g.container.allocPos), message: `${name} is created here` }];
    if (isOwnPosition(trace, g.releasePos)) related.push({ range: rangeOfPosition(trace, g.releasePos), message: g.releaseNote });
    const fix = fixFor(g, creation, target, parents);
    // The program reads the container after an instance it keeps was let go (lists, counts or calls its
    // entries): whether the weak form changes what it prints is for a run of the fixed program to say.
    if (fix && (observed.get(g.container.serial) ?? -1) > g.firstReleaseStep) fix.verify = true;
    const f: Finding = {
      code: 'missing-weakref', severity: 'warning', range: rangeOfPosition(trace, g.storePos), message, related,
      fixes: fix ? [fix] : [],
    };
    if (exploratory) f.exploratory = true;
    return f;
  };

  /** Bytes of the instances and of everything only they hold (a fixpoint over the live references). */
  const retainedBytes = (roots: number[]): number => {
    const kept = new Set(roots);
    const work = [...roots];
    while (work.length) {
      const s = work.pop()!;
      for (const e of replay.out.get(s)?.values() ?? []) {
        const t = objects.get(e.target);
        if (!t || kept.has(t.serial) || t.refcnt < 0 || t.preexisting) continue;
        if (onlyHeldBy(t, kept)) {
          kept.add(t.serial);
          work.push(t.serial);
        }
      }
    }
    let bytes = 0;
    for (const s of kept) {
      const o = objects.get(s);
      if (o) bytes += o.size + o.buffer;
    }
    return bytes;
  };

  const fixFor = (g: Kept, creation: Expr, target: Expr | null, parents: Map<AstNode, { parent: AstNode; field: string }>): Fix | null => {
    if (!target || g.backrefs) return null;
    const uses = usesOf(ctx.module, target, parents);
    if (!uses) return null;
    const bits = unfit.get(g.container.serial) ?? 0;
    const imp = importModule(ctx.module, ctx.lines, 'weakref');
    const edits: TextEdit[] = imp.edit ? [imp.edit] : [];
    const form = `${imp.local}.${WEAK_FORM[g.role]}`;
    if (g.role === 'method') {
      if (g.container.type !== 'list' || bits & UNFIT_METHOD) return null;
      const reads = weakMethodEdits(uses, parents, form);
      if (!reads) return null;
      edits.push(...reads);
      return { title: `Store weak references to the bound methods in ${nodeText(ctx.lines, target)} (weakref.WeakMethod)`, edits };
    }
    if (g.role === 'member' && g.container.type !== 'set') return null;
    if (bits & (g.role === 'value' ? UNFIT_VALUE : UNFIT_KEY)) return null;
    if (creation._type === 'Call' && creation.keywords.length) return null;
    const methods = g.role === 'member' ? SET_METHODS : DICT_METHODS;
    if (!uses.every((u) => compatibleUse(u, parents, methods))) return null;
    const rename = renameConstructor(ctx.lines, creation, form);
    if (!rename) return null;
    edits.push(...rename);
    return { title: `Make ${nodeText(ctx.lines, target)} a weakref.${WEAK_FORM[g.role]}`, edits };
  };

  /** The WeakMethod rewrite: wrap what append()/remove() store, and make every loop over the list call the
   *  weak reference first, skipping the dead ones. Null when a use is anything else. */
  const weakMethodEdits = (uses: AstNode[], parents: Map<AstNode, { parent: AstNode; field: string }>, form: string): TextEdit[] | null => {
    const edits: TextEdit[] = [];
    const taken = namesIn(ctx.module as unknown as AstNode);
    for (const u of uses) {
      const p = parents.get(u);
      if (!p) return null;
      const gp = parents.get(p.parent);
      if (p.parent._type === 'Attribute' && gp?.parent._type === 'Call' && gp.field === 'func') {
        const attr = (p.parent as unknown as { attr: string }).attr;
        const call = gp.parent as unknown as Expr & { _type: 'Call' };
        if ((attr === 'append' || attr === 'remove') && call.args.length === 1 && !call.keywords.length && call.args[0]._type !== 'Starred') {
          edits.push(...wrapExpression(call.args[0], `${form}(`, ')'));
          continue;
        }
        return null;
      }
      if (lengthOrTest(p)) continue;
      const loop = loopOver(u, p, parents);
      if (!loop || loop.target._type !== 'Name' || !loop.body.length || !startsLine(ctx.lines, loop.body[0]) || loop.body[0].lineno === loop.lineno) return null;
      const cb = loop.target.id;
      const ref = freshName(`${cb}_ref`, taken);
      taken.add(ref);
      const unit = ctx.lines[loop.body[0].lineno - 1].match(/^\s*/)![0].slice(ctx.lines[loop.lineno - 1].match(/^\s*/)![0].length) || '    ';
      edits.push(replaceNode(loop.target, ref));
      edits.push(insertBefore(ctx.lines, loop.body[0], [`${cb} = ${ref}()`, `if ${cb} is None:`, `${unit}continue`]));
    }
    return edits;
  };

  return { listener, findings: () => findings };
}

/** Stored in a container: a key or member its weak form cannot hold (not weakrefable, or compared by value),
 *  a value WeakValueDictionary cannot hold, a member that is not a bound method (WeakMethod). */
const UNFIT_KEY = 1;
const UNFIT_VALUE = 2;
const UNFIT_METHOD = 4;

const DICT_METHODS = new Set(['get', 'setdefault', 'pop', 'keys', 'values', 'items', 'clear', 'update', 'copy', 'popitem']);
const SET_METHODS = new Set(['add', 'discard', 'remove', 'clear', 'update', 'copy', 'pop']);

/** Whether every holder of `o` (but itself) is in `set` (stops at the first that is not: a class has thousands). */
function onlyHeldBy(o: LiveObject, set: Set<number>): boolean {
  for (const e of o.holders.values()) if (e.holder !== o.serial && !set.has(e.holder)) return false;
  return true;
}

function isContainerType(t: string): boolean {
  return t === 'dict' || t === 'list' || t === 'set';
}

/** A display or a constructor call of dict, list or set (what the fix can turn into its weak form). */
function isConstruction(e: Expr): boolean {
  if (e._type === 'Dict' || e._type === 'List' || e._type === 'Set') return true;
  return e._type === 'Call' && e.func._type === 'Name' && ['dict', 'list', 'set'].includes(e.func.id);
}

/** The user's classes by name (several when the name is defined more than once). */
function classesOf(module: Module): Map<string, ClassDef[]> {
  const classes = new Map<string, ClassDef[]>();
  walk(module as unknown as AstNode, (n) => {
    if (n._type === 'ClassDef') {
      const c = n as unknown as ClassDef;
      classes.set(c.name, [...(classes.get(c.name) ?? []), c]);
    }
  });
  return classes;
}

/** A class whose instances compare by value (`__eq__` or `__hash__`, a dataclass): equal keys are not the same key. */
function valueSemantics(c: ClassDef): boolean {
  if (c.decorator_list.length) return true;
  return c.body.some((s) => s._type === 'FunctionDef' && (s.name === '__eq__' || s.name === '__hash__') || assigns(s, '__hash__'));
}

/** Instances of the class accept weak references: no __slots__, and bases that are the user's classes (or object). */
function weakrefableClass(c: ClassDef, classes: Map<string, ClassDef[]>, seen = new Set<ClassDef>()): boolean {
  if (seen.has(c)) return true;
  seen.add(c);
  if (c.body.some((s) => assigns(s, '__slots__')) || c.keywords.length) return false;
  return c.bases.every((b) => b._type === 'Name' && (b.id === 'object' || (classes.get(b.id)?.every((d) => weakrefableClass(d, classes, seen)) ?? false)));
}

function assigns(s: Stmt, name: string): boolean {
  return (s._type === 'Assign' && s.targets.some((t) => t._type === 'Name' && t.id === name)) ||
    (s._type === 'AnnAssign' && s.target._type === 'Name' && s.target.id === name);
}

/** The lines (1-based) of statements that release a reference on purpose: `del x`, `x = None`. */
function releaseStatementLines(module: Module): Set<number> {
  const lines = new Set<number>();
  walk(module as unknown as AstNode, (n) => {
    const s = n as unknown as Stmt;
    const release = s._type === 'Delete' || (s._type === 'Assign' && s.value._type === 'Constant' && s.value.value.t === 'None');
    if (release) for (let l = s.lineno; l <= s.end_lineno; l++) lines.add(l);
  });
  return lines;
}

/** The variable or attribute a creation expression is assigned to (`x = {}`, `self.x = {}`), if it is that. */
function assignedTo(e: Expr, parents: Map<AstNode, { parent: AstNode; field: string }>): Expr | null {
  const p = parents.get(e as unknown as AstNode);
  if (!p) return null;
  const s = p.parent as unknown as Stmt;
  if (s._type === 'Assign' && p.field === 'value' && s.targets.length === 1) {
    const t = s.targets[0];
    if (t._type === 'Name' || (t._type === 'Attribute' && t.value._type === 'Name')) return t;
  }
  if (s._type === 'AnnAssign' && p.field === 'value' && (s.target._type === 'Name' || s.target._type === 'Attribute')) return s.target;
  return null;
}

/**
 * Every read of the container in the file: `.attr` anywhere for an attribute (a class attribute too), the name
 * anywhere for a variable. Null when anything else stores or deletes that name: the fix would miss a creation.
 */
function usesOf(module: Module, target: Expr, parents: Map<AstNode, { parent: AstNode; field: string }>): AstNode[] | null {
  const inClass = target._type === 'Name' && parents.get(parents.get(target as unknown as AstNode)?.parent as AstNode)?.parent._type === 'ClassDef';
  const attr = target._type === 'Attribute' ? target.attr : inClass && target._type === 'Name' ? target.id : null;
  const name = target._type === 'Name' ? target.id : null;
  const uses: AstNode[] = [];
  let ok = true;
  walk(module as unknown as AstNode, (n) => {
    if (n === (target as unknown as AstNode)) return false;
    const e = n as unknown as Expr;
    const hit = (attr !== null && e._type === 'Attribute' && e.attr === attr) || (name !== null && e._type === 'Name' && e.id === name);
    if (!hit) return;
    if ((e as { ctx: string }).ctx !== 'Load') ok = false;
    uses.push(n);
    return false;
  });
  return ok ? uses : null;
}

/** `len(x)`, `if x:`, `not x`: reads the weak forms answer alike. */
function lengthOrTest(p: { parent: AstNode; field: string }): boolean {
  const q = p.parent as unknown as Expr | Stmt;
  if (q._type === 'Call' && p.field === 'args' && q.func._type === 'Name' && q.func.id === 'len' && q.args.length === 1) return true;
  if ((q._type === 'If' || q._type === 'While' || q._type === 'IfExp') && p.field === 'test') return true;
  return (q._type === 'UnaryOp' && q.op === 'Not') || q._type === 'BoolOp';
}

/** A use a weak dict or WeakSet answers as the plain container does. */
function compatibleUse(u: AstNode, parents: Map<AstNode, { parent: AstNode; field: string }>, methods: Set<string>): boolean {
  const p = parents.get(u);
  if (!p) return false;
  const q = p.parent as unknown as Expr | Stmt | { _type: 'comprehension' };
  if (q._type === 'Subscript' && p.field === 'value') return true;
  if (q._type === 'Compare' && p.field === 'comparators') {
    const i = q.comparators.indexOf(u as unknown as Expr);
    return q.ops[i] === 'In' || q.ops[i] === 'NotIn';
  }
  if (q._type === 'Attribute' && p.field === 'value') {
    const gp = parents.get(p.parent);
    return methods.has(q.attr) && gp?.parent._type === 'Call' && gp.field === 'func';
  }
  if ((q._type === 'For' || q._type === 'comprehension') && p.field === 'iter') return true;
  return lengthOrTest(p);
}

/** The `for` loop that iterates over the use (directly, or over a copy: `list(x)`, `tuple(x)`, `x[:]`). */
function loopOver(u: AstNode, p: { parent: AstNode; field: string }, parents: Map<AstNode, { parent: AstNode; field: string }>): (Stmt & { _type: 'For' }) | null {
  let node = u;
  let at: { parent: AstNode; field: string } | undefined = p;
  const q = at.parent as unknown as Expr;
  const copy = (q._type === 'Call' && at.field === 'args' && q.func._type === 'Name' && ['list', 'tuple'].includes(q.func.id) && q.args.length === 1) ||
    (q._type === 'Subscript' && at.field === 'value' && q.slice._type === 'Slice' && !q.slice.lower && !q.slice.upper && !q.slice.step);
  if (copy) {
    node = at.parent;
    at = parents.get(node);
  }
  if (!at || at.parent._type !== 'For' || at.field !== 'iter') return null;
  return at.parent as unknown as Stmt & { _type: 'For' };
}

/** `d[k]` (not a slice), `k in d`, `d.get(k)` / `d.pop(k, ...)` / `d.setdefault(k, ...)`: a read by one key. The
 *  instruction that loads the container may be positioned on the container (`d`) or on the lookup itself
 *  (`d.get`, `d[k]`, `k in d`). */
function isLookup(u: AstNode, parents: Map<AstNode, { parent: AstNode; field: string }>): boolean {
  const e = u as unknown as Expr;
  const p = parents.get(u);
  if (e._type === 'Subscript') return e.slice._type !== 'Slice';
  if (e._type === 'Compare') return e.ops.length === 1 && (e.ops[0] === 'In' || e.ops[0] === 'NotIn');
  if (e._type === 'Attribute' && ['get', 'pop', 'setdefault'].includes(e.attr) && p?.field === 'func') return true;
  if (!p) return false;
  const q = p.parent as unknown as Expr;
  if (q._type === 'Subscript' && p.field === 'value') return q.slice._type !== 'Slice';
  if (q._type === 'Compare' && p.field === 'comparators') {
    const i = q.comparators.indexOf(e);
    return q.ops[i] === 'In' || q.ops[i] === 'NotIn';
  }
  if (q._type === 'Attribute' && p.field === 'value' && ['get', 'pop', 'setdefault'].includes(q.attr)) {
    return parents.get(p.parent)?.field === 'func';
  }
  return false;
}
