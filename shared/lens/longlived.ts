// long-lived-allocation: memory that stays alive far longer than it is used. Four shapes, all read from the one
// replay: a container that grows on every call of a function, is read nowhere else and is never shrunk (an
// unbounded cache or registry); a large object kept long after its last use; functools.lru_cache on a method,
// whose cache keeps every `self` alive; a container that keeps growing after the collector moved it to its
// oldest generation (what makes full collections expensive).
import { nodeRange } from './fixes';
import { bytesText, num } from './format';
import { Slot, SLOT_SHIFT } from '../interpreter/trace';
import type { ClassDef, Expr, FunctionDef, Module, Stmt } from '../parser/ast';
import type { Analyzer, LensContext } from './context';
import { isOwnPosition, rangeOfPosition } from './context';
import type { Edge, LiveObject } from './replay';
import type { Finding, Fix } from './types';

/** Growth steps from one line, calls that grew it, and entries at the end before a container counts as unbounded. */
const MIN_GROWTH = 100;
const MIN_CALLS = 10;
const MIN_ENTRIES = 100;
/** ...or it grew on every one of at least this many calls (a cache no lookup ever hits). */
const EVERY_CALLS = 20;
/** A container freed before the program's end still counts when it lived through this share of the run. */
const LIFETIME_SHARE = 0.9;
/** A large object (its own bytes, its buffer and the elements only it holds)... */
const LARGE = 100 * 1024;
/** ...kept this many steps and executed own lines after its last use. */
const RETAIN_STEPS = 500;
const RETAIN_LINES = 10;
/** Objects below this (own bytes + buffer) are not followed for rule 2, unless they are containers. */
const FOLLOW = 1024;
/** Growth steps after the promotion to the oldest generation before it is reported. */
const PROMOTED_GROWTH = 100;

const CONTAINERS = new Set(['list', 'dict', 'set', 'deque', 'OrderedDict', 'defaultdict', 'Counter']);
/** Methods whose call grows their object: `x.append(...)` names `x`. */
const GROW_METHODS = new Set(['append', 'add', 'extend', 'insert', 'setdefault', 'update', 'appendleft', 'extendleft']);

/** Growth of one container from one source line. */
interface Growth {
  pos: number;
  steps: number;
  items: number;
  /** Distinct frames (calls) that grew it here, other than the frame that created it. */
  calls: number;
  lastFrame: number;
  code: number;
  stepsAfterPromotion: number;
  itemsAfterPromotion: number;
}

interface Container {
  o: LiveObject;
  /** Entries now (list/deque items, dict keys, set members). */
  count: number;
  /** The step being accumulated, the count before it, and where and in which frame it grew. */
  step: number;
  countBefore: number;
  pos: number;
  frame: number;
  code: number;
  allocFrame: number;
  shrank: boolean;
  grown: Map<number, Growth>;
  /** Codes (own functions) that loaded it after it first grew. */
  usedBy: Set<number>;
  old: boolean;
  promotedStep: number;
  promotedPos: number;
}

/** The last time something touched an object rule 2 follows. */
interface Touch {
  step: number;
  pos: number;
  lines: number;
}

interface CachedMethod {
  cls: string;
  method: string;
  decorator: Expr;
}

export function longLivedAnalyzer(ctx: LensContext): Analyzer {
  const { trace, replay } = ctx;
  const findings: Finding[] = [];
  const containers = new Map<number, Container>();
  const touches = new Map<number, Touch>();
  /** The edge that dropped a followed object's last holder (its name), and the code of the frame when a frame held it. */
  const released = new Map<number, { e: Edge; stored: Edge; frameCode: number }>();
  /** Containers freed before the end that may still qualify (judged at programEnd, when the run's length is known). */
  const retired: { c: Container; step: number; bytes: number }[] = [];
  const frames: { serial: number; code: number }[] = [];
  const callsOf = new Map<number, number>();
  const cachedMethods = findCachedMethods(ctx.module);
  const cachedClasses = new Set(cachedMethods.map((m) => m.cls));
  const sizeQueries = sizeQueriesIn(ctx.module);
  const cacheFound = new Set<CachedMethod>();
  let lastPos = -1;
  let lastOwnPos = 0;
  let lastLine = 0;
  let linesRun = 0;
  let endStep = Infinity;

  const ownCode = (code: number): boolean => trace.codes[code]?.filename === ctx.filename;
  const ownFrame = (): { serial: number; code: number } | undefined => {
    for (let i = frames.length - 1; i >= 0; i--) if (ownCode(frames[i].code)) return frames[i];
    return undefined;
  };
  /** The own position being executed: imported code maps to the own line that called into it. */
  const here = (): number => (isOwnPosition(trace, replay.pos) ? replay.pos : lastOwnPos);
  const lineOf = (pos: number): number => trace.positions[3 * pos];
  const codeName = (code: number): string => trace.codes[code]?.qualname ?? '?';
  const exploringNote = (): string =>
    replay.exploring >= 0 ? ` (found by calling \`${codeName(replay.exploring)}\` with placeholder arguments)` : '';

  /** Counts executed own lines (a change of line seen by any event). */
  const tick = (): void => {
    const pos = replay.pos;
    if (pos === lastPos) return;
    lastPos = pos;
    if (!isOwnPosition(trace, pos)) return;
    lastOwnPos = pos;
    const line = lineOf(pos);
    if (line !== lastLine) {
      lastLine = line;
      linesRun++;
    }
  };

  const followed = (o: LiveObject): boolean => !o.preexisting && (o.size + o.buffer >= FOLLOW || containers.has(o.serial));
  const touch = (o: LiveObject): void => {
    if (followed(o)) touches.set(o.serial, { step: replay.step, pos: here(), lines: linesRun });
  };

  /** The object's bytes with its buffer and the elements only it holds (as sys.getsizeof and the allocator count). */
  const ownedBytes = (o: LiveObject): number => {
    let n = o.size + o.buffer;
    const out = replay.out.get(o.serial);
    if (out) {
      for (const e of out.values()) {
        const t = replay.objects.get(e.target);
        if (t && !t.preexisting && t.holders.size === 1) n += t.size + t.buffer;
      }
    }
    return n;
  };

  // ------------------------------------------------------------------ containers: growth, shrinking, promotion

  const isEntry = (c: Container, slot: number): boolean => {
    const kind = slot >>> SLOT_SHIFT;
    return kind === Slot.KEY || kind === Slot.INDEX || (kind === Slot.OTHER && c.o.type === 'deque');
  };
  const isOld = (generation: number): boolean => (ctx.version === '3.14' ? generation === 1 || generation === 2 : generation === 2);

  /** Closes the step a container's count was accumulating: a net gain is one growth at its line, a loss a shrink
   *  (an insert shifts items with a drop and a re-add inside one step, so only the step's net change counts). */
  const settle = (c: Container): void => {
    if (c.step < 0) return;
    const delta = c.count - c.countBefore;
    c.step = -1;
    if (delta < 0) c.shrank = true;
    if (delta <= 0 || c.pos <= 0) return;
    const line = lineOf(c.pos);
    let g = c.grown.get(line);
    if (!g) {
      g = { pos: c.pos, steps: 0, items: 0, calls: 0, lastFrame: -1, code: c.code, stepsAfterPromotion: 0, itemsAfterPromotion: 0 };
      c.grown.set(line, g);
    }
    g.steps++;
    g.items += delta;
    g.code = c.code;
    if (c.frame !== g.lastFrame) {
      g.lastFrame = c.frame;
      if (c.frame !== c.allocFrame) g.calls++;
    }
    if (c.promotedStep >= 0) {
      g.stepsAfterPromotion++;
      g.itemsAfterPromotion += delta;
    }
  };

  const change = (c: Container, delta: number): void => {
    if (replay.programEnded) return;
    if (c.step !== replay.step) {
      settle(c);
      c.step = replay.step;
      c.countBefore = c.count;
      c.pos = -1;
    }
    c.count += delta;
    if (delta > 0 && c.pos < 0) {
      c.pos = here();
      const f = ownFrame();
      c.frame = f?.serial ?? -1;
      c.code = f?.code ?? -1;
    }
  };

  /** What the code calls the container: the name before `[`/`.append` at the growing line, else its holder's slot. */
  const containerName = (c: Container, pos: number): string => {
    const line = ctx.lines[lineOf(pos) - 1] ?? '';
    const m = /^([A-Za-z_][\w.]*?)(?:\s*\[|\.(\w+)\s*\()/.exec(line.slice(trace.positions[3 * pos + 1]));
    if (m && (m[2] === undefined || GROW_METHODS.has(m[2]))) return m[1];
    for (const e of c.o.holders.values()) {
      const kind = e.slot >>> SLOT_SHIFT;
      if (kind === Slot.NAME || kind === Slot.VALUE_STR) return replay.slotText(e.slot).replace(/^\['|'\]$/g, '');
    }
    return 'this container';
  };

  /** Whether the program holds the container by a name or an attribute (not only a library object: functools'
   *  cache dict inside an lru_cache wrapper is rule 3's). */
  const named = (c: Container): boolean => [...c.o.holders.values()].some((e) => {
    const kind = e.slot >>> SLOT_SHIFT;
    return kind === Slot.NAME || kind === Slot.VALUE_STR;
  });

  /** Rule 1: grows from one line on (nearly) every call of a function, read by no other code, never shrunk. */
  const judgeUnbounded = (c: Container, bytes: number, endText: string): void => {
    if (c.shrank) return;
    const growers = new Set([...c.grown.values()].map((g) => g.code));
    // The methods of the class whose method grows it are its API (a handler's `count()` over its records).
    const classOf = (code: number): string => trace.codes[code]?.qualname.replace(/\.[^.]*$/, '.') ?? '';
    const classes = new Set([...growers].map(classOf).filter((q) => q.endsWith('.')));
    // The module's own code reading it at the end (a report) does not make it bounded.
    const readElsewhere = [...c.usedBy].some((code) => !growers.has(code) && !classes.has(classOf(code)));
    if (readElsewhere) return;
    for (const g of c.grown.values()) {
      if (g.code < 0) continue;
      const fn = codeName(g.code);
      const calls = callsOf.get(g.code) ?? g.calls;
      const many = g.steps >= MIN_GROWTH && g.calls >= MIN_CALLS && c.count >= MIN_ENTRIES;
      if (!many && !(g.calls >= EVERY_CALLS && g.calls === calls && g.steps === g.calls && named(c))) continue;
      const perCall = g.items / g.calls;
      const entryBytes = bytes / c.count;
      const how = g.calls >= 0.9 * calls ? `on every call of \`${fn}\`` : `on ${num(g.calls)} of ${num(calls)} calls of \`${fn}\``;
      findings.push({
        code: 'long-lived-allocation', severity: 'warning', range: rangeOfPosition(trace, g.pos),
        message: `\`${containerName(c, g.pos)}\` grows by ${amount(perCall, 'entry', 'entries')} (≈ ${bytesText(entryBytes * perCall)}) ${how} ` +
          `and is never shrunk: ${num(c.count)} entries, ${bytesText(bytes)} ${endText} (unbounded cache; only \`${fn}\` reads it)`,
        related: [{ range: rangeOfPosition(trace, c.o.allocPos > 0 && isOwnPosition(trace, c.o.allocPos) ? c.o.allocPos : g.pos), message: 'created here' }],
        fixes: [],
      });
    }
  };

  /** Rule 4: kept growing after the collector promoted it to the oldest generation. */
  const judgePromoted = (c: Container): void => {
    if (c.promotedStep < 0) return;
    const oldest = ctx.version === '3.14' ? 'the old space' : 'generation 2';
    for (const g of c.grown.values()) {
      if (g.stepsAfterPromotion < PROMOTED_GROWTH) continue;
      findings.push({
        code: 'long-lived-allocation', severity: 'information', range: rangeOfPosition(trace, g.pos),
        message: `\`${containerName(c, g.pos)}\` was moved to ${oldest} at step ${num(c.promotedStep)} (line ${lineOf(c.promotedPos)}) ` +
          `and grew by ${num(g.itemsAfterPromotion)} entries here afterwards: every full collection examines all of them`,
        related: [{ range: rangeOfPosition(trace, c.promotedPos), message: `the collection that moved it to ${oldest} ran here` }],
        fixes: [],
      });
    }
  };

  // ------------------------------------------------------------------ rule 2: large objects kept after last use

  /** The variable or attribute name an edge binds, when it is one. */
  const boundName = (e: Edge): string | null => {
    const kind = e.slot >>> SLOT_SHIFT;
    if (kind !== Slot.NAME && kind !== Slot.VALUE_STR) return null;
    const t = replay.slotText(e.slot).replace(/^\['|'\]$/g, '');
    return /^[A-Za-z_]\w*$/.test(t) ? t : null;
  };

  /** `binding`: the edge that held it last; `frameCode`: the code of the frame it was a local of (-1: none). */
  const judgeRetained = (o: LiveObject, releasePos: number, binding: Edge | undefined, frameCode: number): void => {
    const t = touches.get(o.serial);
    if (!t || replay.step - t.step < RETAIN_STEPS || linesRun - t.lines < RETAIN_LINES) return;
    const bytes = ownedBytes(o);
    if (bytes < LARGE) return;
    // On the statement that bound the name keeping it (where a `del` belongs), else where it was made.
    const where = [binding?.pos ?? 0, o.allocPos].find((p) => isOwnPosition(trace, p));
    if (where === undefined || !isOwnPosition(trace, t.pos)) return;
    const name = binding ? boundName(binding) : null;
    const lastLineNo = lineOf(t.pos);
    const endText = releasePos <= 0 ? 'still alive at exit'
      : frameCode >= 0 ? `released when \`${codeName(frameCode)}\` returned (line ${lineOf(releasePos)})` : `released at line ${lineOf(releasePos)}`;
    const related = [{ range: rangeOfPosition(trace, t.pos), message: `last used here (step ${num(t.step)})` }];
    if (releasePos > 0) related.push({ range: rangeOfPosition(trace, releasePos), message: `released here (step ${num(replay.step)})` });
    if (lineOf(o.allocPos) !== lineOf(where) && isOwnPosition(trace, o.allocPos)) related.push({ range: rangeOfPosition(trace, o.allocPos), message: 'allocated here' });
    // `del` frees it only when that variable (a local, or a module global: a str key of a dict) was its one holder.
    const scope = !binding || !name || o.holders.size > 1 ? null
      : frameCode >= 0 ? 'local' : binding.slot >>> SLOT_SHIFT === Slot.VALUE_STR ? 'module' : null;
    const fix = scope ? delFix(ctx, name!, lineOf(where), lastLineNo, scope === 'local') : null;
    findings.push({
      code: 'long-lived-allocation', severity: 'warning', range: rangeOfPosition(trace, where),
      message: `${name ? `\`${name}\`` : `this ${o.type}`} (${bytesText(bytes)}) is last used at line ${lastLineNo} but kept ` +
        `${num(replay.step - t.step)} steps longer (lines ${lastLineNo}–${releasePos > 0 ? lineOf(releasePos) : 'exit'}), ${endText}` +
        (fix ? `: \`del ${name}\` after its last use frees it` : '') + exploringNote(),
      related, fixes: fix ? [fix] : [], ...(replay.exploring >= 0 ? { exploratory: true } : {}),
    });
  };

  // ------------------------------------------------------------------ rule 3: lru_cache on methods

  /** The methods whose functools caches hold an object in a key, when such keys are all that hold it (else null). */
  const cachesHolding = (o: LiveObject): Set<string> | null => {
    const methods = new Set<string>();
    for (const e of o.holders.values()) {
      const key = replay.objects.get(e.holder);
      if (!key || key.type !== 'tuple') return null;
      let inCache = false;
      for (const k of key.holders.values()) {
        const dict = replay.objects.get(k.holder);
        if (!dict || k.slot >>> SLOT_SHIFT !== Slot.KEY) continue;
        for (const d of dict.holders.values()) {
          const w = replay.objects.get(d.holder);
          if (w?.type !== '_lru_cache_wrapper') continue;
          inCache = true;
          for (const h of w.holders.values()) {
            const name = boundName(h);
            if (name) methods.add(name);
          }
        }
      }
      if (!inCache) return null;
    }
    return methods.size ? methods : null;
  };

  const judgeCaches = (): void => {
    if (!cachedMethods.length) return;
    for (const m of cachedMethods) {
      if (cacheFound.has(m)) continue;
      let n = 0;
      let bytes = 0;
      for (const o of replay.objects.values()) {
        if (o.type !== m.cls || !cachesHolding(o)?.has(m.method)) continue;
        n++;
        bytes += ownedBytes(o);
      }
      if (!n) continue;
      cacheFound.add(m);
      const range = nodeRange(m.decorator);
      findings.push({
        code: 'long-lived-allocation', severity: 'warning', range,
        message: `the cache of \`${m.method}\` keeps every \`self\` it was called with alive: ${amount(n, `\`${m.cls}\` instance`, `\`${m.cls}\` instances`)} ` +
          `(${bytesText(bytes)}) are held only by its cache ${replay.exploring >= 0 ? 'after the call' : 'at exit'}; ` +
          `cache per instance (a dict attribute, or functools.cached_property) instead` + exploringNote(),
        related: [], fixes: [], ...(replay.exploring >= 0 ? { exploratory: true } : {}),
      });
    }
  };

  return {
    listener: {
      alloc(o) {
        tick();
        if (!o.preexisting && CONTAINERS.has(o.type) && !replay.programEnded) {
          containers.set(o.serial, {
            o, count: 0, step: -1, countBefore: 0, pos: -1, frame: -1, code: -1, allocFrame: ownFrame()?.serial ?? -1,
            shrank: false, grown: new Map(), usedBy: new Set(), old: isOld(o.generation), promotedStep: -1, promotedPos: 0,
          });
        }
      },
      dealloc(o) {
        tick();
        const c = containers.get(o.serial);
        if (c) {
          settle(c);
          if (!replay.programEnded) {
            const bytes = ownedBytes(o);
            retired.push({ c, step: replay.step, bytes });
            judgePromoted(c);
          }
          containers.delete(o.serial);
        }
        // After the program's end only what an exploratory call made is judged (the rest is shutdown).
        // What it held loses a holder without a refDel: like an iterator finishing, that is a use of each.
        const out = replay.out.get(o.serial);
        if (out) {
          for (const e of out.values()) {
            const t = replay.objects.get(e.target);
            if (t && t.holders.size > 1 && touches.has(t.serial)) touch(t);
          }
        }
        if (followed(o) && (!replay.programEnded || (replay.exploring >= 0 && o.allocStep >= endStep))) {
          // The last holder went with a refDel, or goes with this dealloc (its edges vanish with it).
          const r = released.get(o.serial);
          const binding = r?.stored ?? o.holders.values().next().value;
          const frameCode = binding ? replay.frames.get(binding.holder)?.code ?? r?.frameCode ?? -1 : -1;
          judgeRetained(o, here(), binding, frameCode);
        }
        touches.delete(o.serial);
        released.delete(o.serial);
      },
      refAdd(e) {
        tick();
        const c = containers.get(e.holder);
        if (c && isEntry(c, e.slot)) change(c, 1);
        const t = replay.objects.get(e.target);
        if (t) touch(t);
      },
      refDel(e, stored) {
        tick();
        const c = containers.get(e.holder);
        if (c && isEntry(c, e.slot)) change(c, -1);
        const t = replay.objects.get(e.target);
        if (!t || !followed(t)) return;
        // A holder letting go while others remain (an iterator finishing) is a use; the last one is the release.
        if (t.holders.size) touch(t);
        else released.set(t.serial, { e, stored, frameCode: replay.frames.get(e.holder)?.code ?? -1 });
      },
      use(o) {
        tick();
        touch(o);
        const c = containers.get(o.serial);
        if (c && c.grown.size && !replay.programEnded) {
          // Asking its size (`len(cache)`) or looking one entry up (`log.records[10]`) is not consuming it.
          const at = replay.where(replay.pos);
          const f = ownFrame();
          const lookup = at.own && /^\s*\[/.test(ctx.lines[at.line - 1]?.slice(at.endCol) ?? '');
          if (f && !lookup && !(at.own && sizeQueries.has(`${at.line}:${at.col}`))) c.usedBy.add(f.code);
        }
      },
      generation(o, before) {
        const c = containers.get(o.serial);
        if (!c || replay.programEnded || o.generation === 4 || before === o.generation) return;
        const old = isOld(o.generation);
        if (old && !c.old && c.promotedStep < 0) {
          c.promotedStep = replay.step;
          c.promotedPos = here();
        }
        c.old = old;
      },
      frameStart(f) {
        frames.push({ serial: f.serial, code: f.code });
        if (!replay.programEnded) callsOf.set(f.code, (callsOf.get(f.code) ?? 0) + 1);
      },
      frameClear(f) {
        const i = frames.findIndex((x) => x.serial === f.serial);
        if (i >= 0) frames.splice(i, 1);
      },
      programEnd() {
        tick();
        endStep = replay.step;
        // A run cut short by its budget did not reach its exit: what is alive then says nothing about the exit.
        if (ctx.run.stopped) return;
        for (const c of containers.values()) {
          settle(c);
          judgeUnbounded(c, ownedBytes(c.o), 'at exit');
          judgePromoted(c);
        }
        for (const r of retired) {
          if (r.step - r.c.o.allocStep >= LIFETIME_SHARE * endStep) judgeUnbounded(r.c, r.bytes, `when it was freed (step ${num(r.step)})`);
        }
        for (const o of replay.objects.values()) if (followed(o)) judgeRetained(o, 0, [...o.holders.values()][0], -1);
        judgeCaches();
      },
      exploreEnd() {
        judgeCaches();
      },
    },
    findings: () => findings,
  };
}

// ------------------------------------------------------------------ the syntax tree: cached methods, `del` fixes

const CACHE_DECORATORS = new Set(['cache', 'lru_cache']);

/** `@functools.cache`, `@lru_cache(maxsize=...)` and the like on a method whose first parameter is `self`. */
function findCachedMethods(module: Module): CachedMethod[] {
  const found: CachedMethod[] = [];
  walk(module, (node) => {
    if (node._type !== 'ClassDef') return;
    const cls = node as unknown as ClassDef;
    for (const s of cls.body) {
      if (s._type !== 'FunctionDef' && s._type !== 'AsyncFunctionDef') continue;
      const first = s.args.posonlyargs[0] ?? s.args.args[0];
      if (first?.arg !== 'self') continue;
      const decorator = s.decorator_list.find((d) => CACHE_DECORATORS.has(calleeName(d)));
      if (decorator) found.push({ cls: cls.name, method: s.name, decorator });
    }
  });
  return found;
}

/** `cache`, `functools.lru_cache`, `lru_cache(...)` → the final name. */
function calleeName(e: Expr): string {
  if (e._type === 'Call') return calleeName(e.func);
  if (e._type === 'Name') return e.id;
  if (e._type === 'Attribute' && e.value._type === 'Name' && e.value.id === 'functools') return e.attr;
  return '';
}

/** Every node under `node` (objects with a `_type`), parents first. */
function walk(node: unknown, visit: (n: { _type: string } & Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (!node || typeof node !== 'object' || !('_type' in node)) return;
  visit(node as { _type: string } & Record<string, unknown>);
  for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v, visit);
}

const SCOPES = new Set(['FunctionDef', 'AsyncFunctionDef', 'Lambda', 'ClassDef']);

/**
 * `del name` after the statement of last use, when that is safe: the name is bound by an assignment in the same
 * block as the last use (module level or the function holding it), and nothing after that statement, nor any
 * nested function or class, mentions the name.
 */
function delFix(ctx: LensContext, name: string, bindLine: number, useLine: number, local: boolean): Fix | null {
  const scope = local ? innermostFunction(ctx.module.body, bindLine) : null;
  if (local && !scope) return null;
  const blocks: Stmt[][] = [];
  collectBlocks(scope ? scope.body : ctx.module.body, blocks);
  for (const block of blocks) {
    const bi = block.findIndex((s) => s.lineno <= bindLine && bindLine <= s.end_lineno && assigns(s, name));
    const ui = block.findIndex((s) => s.lineno <= useLine && useLine <= s.end_lineno);
    if (bi < 0 || ui < bi) continue;
    const use = block[ui];
    if (['Return', 'Raise', 'Continue', 'Break'].includes(use._type)) return null;
    if (block[ui + 1] && block[ui + 1].lineno === use.end_lineno) return null;
    const first = block[bi].lineno;
    const last = use.end_lineno;
    let safe = true;
    const inScope = (n: { _type: string } & Record<string, unknown>, nested: boolean): void => {
      if ((n._type === 'Name' && n.id === name) || ((n._type === 'Global' || n._type === 'Nonlocal') && (n.names as string[]).includes(name))) {
        const line = (n as unknown as { lineno: number }).lineno;
        if (nested || line < first || line > last) safe = false;
      }
    };
    for (const s of scope ? scope.body : ctx.module.body) {
      walkScoped(s, false, inScope);
    }
    if (!safe) return null;
    const indent = /^\s*/.exec(ctx.lines[use.lineno - 1] ?? '')![0];
    const atEnd = last >= ctx.lines.length;
    const edit = atEnd
      ? { range: { start: { line: last - 1, character: ctx.lines[last - 1].length }, end: { line: last - 1, character: ctx.lines[last - 1].length } }, newText: `\n${indent}del ${name}` }
      : { range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, newText: `${indent}del ${name}\n` };
    return { title: `Insert \`del ${name}\` after its last use (line ${last})`, edits: [edit] };
  }
  return null;
}

/** Walks a statement, telling `visit` whether each node sits inside a nested function, lambda or class. */
function walkScoped(node: unknown, nested: boolean, visit: (n: { _type: string } & Record<string, unknown>, nested: boolean) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walkScoped(n, nested, visit);
    return;
  }
  if (!node || typeof node !== 'object' || !('_type' in node)) return;
  const n = node as { _type: string } & Record<string, unknown>;
  visit(n, nested);
  const inner = nested || SCOPES.has(n._type);
  for (const v of Object.values(n)) if (v && typeof v === 'object') walkScoped(v, inner, visit);
}

/** The innermost function whose body spans a line. */
function innermostFunction(body: Stmt[], line: number): FunctionDef | null {
  let found: FunctionDef | null = null;
  walk(body, (n) => {
    const f = n as unknown as FunctionDef;
    if ((f._type === 'FunctionDef' || f._type === 'AsyncFunctionDef') && f.body[0] && f.body[0].lineno <= line && line <= f.end_lineno) found = f;
  });
  return found;
}

/** The statement lists of a scope (its body and the bodies of its compound statements, not nested scopes). */
function collectBlocks(body: Stmt[], out: Stmt[][]): void {
  out.push(body);
  for (const s of body) {
    if (SCOPES.has(s._type)) continue;
    for (const key of ['body', 'orelse', 'finalbody']) {
      const b = (s as unknown as Record<string, unknown>)[key];
      if (Array.isArray(b) && b.length && typeof b[0] === 'object' && b[0] && 'lineno' in b[0]) collectBlocks(b as Stmt[], out);
    }
    for (const key of ['handlers', 'cases']) {
      const hs = (s as unknown as Record<string, unknown>)[key];
      if (Array.isArray(hs)) for (const h of hs) collectBlocks((h as { body: Stmt[] }).body, out);
    }
  }
}

function assigns(s: Stmt, name: string): boolean {
  if (s._type === 'Assign') return s.targets.some((t) => t._type === 'Name' && t.id === name);
  if (s._type === 'AnnAssign') return s.target._type === 'Name' && s.target.id === name && s.value !== null;
  return false;
}


// ------------------------------------------------------------------ numbers as the messages show them

function amount(n: number, one: string, many: string): string {
  const r = Math.round(n * 10) / 10;
  return `${r === Math.round(r) ? num(r) : r.toFixed(1)} ${r === 1 ? one : many}`;
}


/** Where the program asks a container only for its size: the `x` of `len(x)` (a name or an attribute), as
 *  "line:column" of the load that reads it. */
function sizeQueriesIn(module: Module): Set<string> {
  const out = new Set<string>();
  walk(module, (node) => {
    if (node._type !== 'Call') return;
    const call = node as unknown as { func: Expr; args: Expr[]; keywords: unknown[] };
    if (call.func._type !== 'Name' || call.func.id !== 'len' || call.args.length !== 1 || call.keywords.length) return;
    const arg = call.args[0];
    if (arg._type === 'Name' || arg._type === 'Attribute') out.add(`${arg.lineno}:${arg.col_offset}`);
  });
  return out;
}
