// materialized-once: a list built in full (a list comprehension or `list(...)`) only to be iterated once, where
// a generator would keep one item alive at a time. Evidence from the replay: a list made at such an expression
// that grew to many items, was loaded at most once after it was built, was iterated once (a list_iterator made
// right after that load, or taking it straight from the stack), and died without another load.
import { Slot, SLOT_SHIFT } from '../interpreter/trace';
import type { Call, Comp, Expr, Module, Stmt } from '../parser/ast';
import type { Analyzer, LensContext } from './context';
import { isOwnPosition, rangeOfPosition } from './context';
import { bytesText, num } from './format';
import type { LiveObject } from './replay';
import { nodeRange, walk as walkTree, type AstNode } from './fixes';
import type { Finding, Fix } from './types';

/** Items the list must reach before its materialization is worth a finding. */
const MIN_ITEMS = 10_000;
/** Steps between the load of a list and the making of its iterator (a LOAD then GET_ITER or a builtin's call). */
const ITER_STEPS = 2;

/** Consumers that iterate their one argument once. */
const CONSUMERS = new Set(['sum', 'min', 'max', 'any', 'all', 'sorted', 'set', 'tuple']);
/** Builtins a lazily run comprehension may call without changing what the program does. */
const PURE = new Set(['abs', 'round', 'len', 'min', 'max', 'int', 'float', 'str', 'bool', 'divmod', 'pow', 'range', 'enumerate', 'zip', 'sum', 'tuple', 'hash', 'ord', 'chr', 'repr']);

interface Built {
  o: LiveObject;
  node: Comp | Call;
  items: number;
  peak: number;
  /** Loads after it was built (the loads at its own expression are its construction). */
  loads: number;
  lastLoadStep: number;
  iterations: number;
  iterPos: number;
  /** Its bytes when its iteration began: the list, its buffer and the items only it held. */
  bytes: number;
}

export function materializedAnalyzer(ctx: LensContext): Analyzer {
  const { trace, replay } = ctx;
  const builders = listBuilders(ctx.module);
  const lists = new Map<number, Built>();
  /** list_iterator serial → the list it was found to iterate. */
  const iterators = new Map<number, Built>();
  const findings: Finding[] = [];
  let lastLoaded: Built | null = null;

  const sameRange = (a: number, b: number): boolean =>
    trace.positions[3 * a] === trace.positions[3 * b] && trace.positions[3 * a + 1] === trace.positions[3 * b + 1] &&
    trace.positions[3 * a + 2] === trace.positions[3 * b + 2];

  const iterated = (b: Built, iterator: number): void => {
    const before = iterators.get(iterator);
    if (before === b) return;
    if (before) before.iterations--;
    iterators.set(iterator, b);
    b.iterations++;
    if (b.iterations === 1 && !b.bytes) {
      b.iterPos = replay.pos;
      b.bytes = b.o.size + b.o.buffer;
      const out = replay.out.get(b.o.serial);
      if (out) {
        for (const e of out.values()) {
          const t = replay.objects.get(e.target);
          if (t && !t.preexisting && t.holders.size === 1) b.bytes += t.size + t.buffer;
        }
      }
    }
  };

  const judge = (b: Built): void => {
    if (b.peak < MIN_ITEMS || b.iterations !== 1 || b.loads > 1) return;
    const fix = b.node._type === 'ListComp' ? generatorFix(ctx, b.node) : null;
    const line = trace.positions[3 * b.iterPos];
    findings.push({
      code: 'materialized-once', severity: 'information', range: nodeRange(b.node),
      message: `this list of ${num(b.peak)} items (${bytesText(b.bytes)} with the items only it holds) is built in full only to be ` +
        `iterated once${isOwnPosition(trace, b.iterPos) ? ` (line ${line})` : ''}: a generator expression would keep only one item alive at a time`,
      related: isOwnPosition(trace, b.iterPos) ? [{ range: rangeOfPosition(trace, b.iterPos), message: 'iterated here, its only use' }] : [],
      fixes: fix ? [fix] : [],
    });
  };

  return {
    listener: {
      alloc(o) {
        if (o.type === 'list_iterator') {
          if (lastLoaded && replay.step - lastLoaded.lastLoadStep <= ITER_STEPS) iterated(lastLoaded, o.serial);
          return;
        }
        if (o.type !== 'list' || o.preexisting || replay.programEnded || replay.exploring >= 0 || !isOwnPosition(trace, o.allocPos)) return;
        const node = builders.get(`${trace.positions[3 * o.allocPos]}:${trace.positions[3 * o.allocPos + 1]}`);
        if (node) lists.set(o.serial, { o, node, items: 0, peak: 0, loads: 0, lastLoadStep: -1, iterations: 0, iterPos: 0, bytes: 0 });
      },
      refAdd(e) {
        const b = lists.get(e.holder);
        if (b && e.slot >>> SLOT_SHIFT === Slot.INDEX && ++b.items > b.peak) b.peak = b.items;
        // An iterator that names the list it iterates settles the guess made when it was made.
        const t = lists.get(e.target);
        if (t && replay.objects.get(e.holder)?.type === 'list_iterator') iterated(t, e.holder);
      },
      refDel(e) {
        const b = lists.get(e.holder);
        if (b && e.slot >>> SLOT_SHIFT === Slot.INDEX) b.items--;
      },
      use(o) {
        const b = lists.get(o.serial);
        if (!b) return;
        if (!sameRange(replay.pos, b.o.allocPos)) b.loads++;
        b.lastLoadStep = replay.step;
        lastLoaded = b;
      },
      dealloc(o) {
        iterators.delete(o.serial);
        const b = lists.get(o.serial);
        if (!b) return;
        lists.delete(o.serial);
        if (lastLoaded === b) lastLoaded = null;
        judge(b);
      },
    },
    findings: () => findings,
  };
}

// ------------------------------------------------------------------ the syntax tree

type AnyNode = AstNode & Record<string, unknown>;

/** Every node under a node or a list of nodes (fixes.ts walk visits one root). */
function walk(root: unknown, visit: (n: AnyNode) => void): void {
  for (const r of Array.isArray(root) ? root : [root]) walkTree(r as AstNode, (n) => { visit(n as AnyNode); });
}

/** List comprehensions and `list(...)` calls by `line:column` (where the trace places the list's allocation). */
function listBuilders(module: Module): Map<string, Comp | Call> {
  const found = new Map<string, Comp | Call>();
  walk(module, (n) => {
    const call = n as unknown as Call;
    const isList = n._type === 'ListComp' || (n._type === 'Call' && call.func._type === 'Name' && call.func.id === 'list');
    if (isList) found.set(`${call.lineno}:${call.col_offset}`, call as Comp | Call);
  });
  return found;
}

const SCOPES = new Set(['FunctionDef', 'AsyncFunctionDef', 'Lambda', 'ClassDef', 'ListComp', 'SetComp', 'DictComp', 'GeneratorExp']);

/**
 * `[... for ...]` → `(... for ...)` when the list is assigned to a name that is used exactly once afterwards, in
 * the same block, as the iterable of a for loop or the one argument of a consumer (sum, min, max, any, all,
 * sorted, set, tuple, str.join); and when running the comprehension lazily cannot change what it computes: it
 * calls only side-effect-free builtins, and nothing rebinds the names it reads (a for loop's body could
 * otherwise change what a lazily computed item sees, so there it may not read attributes or items either).
 */
function generatorFix(ctx: LensContext, comp: Comp): Fix | null {
  const scopeBody = enclosingBody(ctx.module, comp);
  const blocks: Stmt[][] = [];
  collectBlocks(scopeBody, blocks);
  for (const block of blocks) {
    const ai = block.findIndex((s) => s._type === 'Assign' && s.value === comp);
    if (ai < 0) continue;
    const assign = block[ai];
    if (assign._type !== 'Assign' || assign.targets.length !== 1 || assign.targets[0]._type !== 'Name') return null;
    const name = assign.targets[0].id;
    // Every mention of the name in the scope: the assignment and one load, neither in a nested scope.
    const mentions: { node: AnyNode; parent: AnyNode | null; nested: boolean }[] = [];
    let declared = false;
    walkScoped(scopeBody, false, null, (n, parent, nested) => {
      if (n._type === 'Name' && n.id === name) mentions.push({ node: n, parent, nested });
      if ((n._type === 'Global' || n._type === 'Nonlocal') && (n.names as string[]).includes(name)) declared = true;
    });
    if (declared || mentions.length !== 2 || mentions.some((m) => m.nested)) return null;
    const use = mentions.find((m) => m.node !== (assign.targets[0] as unknown as AnyNode))!;
    const ui = block.findIndex((s) => s.lineno <= (use.node.lineno as number) && (use.node.end_lineno as number) <= s.end_lineno);
    if (ui <= ai || inLoop(block[ui], use.node)) return null;
    const loop = use.parent?._type === 'For' && use.parent.iter === use.node;
    if (!loop && !consumedWhole(use.parent, use.node)) return null;
    if (!lazySafe(ctx.module, scopeBody, comp, loop, assign.lineno)) return null;
    const r = nodeRange(comp);
    return {
      title: 'Make the list comprehension a generator expression',
      edits: [
        { range: { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } }, newText: '(' },
        { range: { start: { line: r.end.line, character: r.end.character - 1 }, end: r.end }, newText: ')' },
      ],
    };
  }
  return null;
}

/** Whether `target` sits in a loop's body or test inside `stmt` (run again, a generator would be empty the second
 *  time); a for loop's own iterable is evaluated once. */
function inLoop(stmt: Stmt, target: AnyNode): boolean {
  const path: AnyNode[] = [];
  const find = (n: unknown): boolean => {
    if (Array.isArray(n)) return n.some(find);
    if (!n || typeof n !== 'object' || !('_type' in n)) return false;
    const node = n as AnyNode;
    path.push(node);
    if (node === target || Object.values(node).some((v) => v && typeof v === 'object' && find(v))) return true;
    path.pop();
    return false;
  };
  find(stmt);
  return path.some((n, i) => (n._type === 'While' || n._type === 'For' || n._type === 'AsyncFor') && !(n.iter === path[i + 1]));
}

/** `sum(xs)`, `max(xs, key=f)`, `', '.join(xs)`: the call's one positional argument, iterated once. */
function consumedWhole(parent: AnyNode | null, arg: AnyNode): boolean {
  if (!parent || parent._type !== 'Call') return false;
  const call = parent as unknown as Call;
  if (call.args.length !== 1 || (call.args[0] as unknown) !== arg) return false;
  if (call.keywords.some((k) => !k.arg || !['key', 'default', 'reverse'].includes(k.arg))) return false;
  const f = call.func;
  if (f._type === 'Name') return CONSUMERS.has(f.id);
  return f._type === 'Attribute' && f.attr === 'join' && f.value._type === 'Constant' && f.value.value.t === 'str';
}

/** Whether computing the comprehension's items lazily (all but the first iterable, which a generator expression
 *  evaluates at once) gives the same items with the same effects. */
function lazySafe(module: Module, scopeBody: Stmt[], comp: Comp, loop: boolean, assignLine: number): boolean {
  const own = new Set<string>();
  for (const g of comp.generators) walk(g.target, (n) => { if (n._type === 'Name') own.add(n.id as string); });
  const read = new Set<string>();
  let safe = true;
  const lazy: unknown[] = [comp.elt, ...comp.generators.flatMap((g, i) => (i === 0 ? g.ifs : [g.iter, ...g.ifs]))];
  walk(lazy, (n) => {
    if (n._type === 'Name' && !own.has(n.id as string)) read.add(n.id as string);
    if (n._type === 'Call') {
      const f = n.func as AnyNode;
      if (f._type !== 'Name' || !PURE.has(f.id as string)) safe = false;
    }
    if (['Await', 'Yield', 'YieldFrom', 'NamedExpr', 'Lambda'].includes(n._type)) safe = false;
    if (loop && (n._type === 'Attribute' || n._type === 'Subscript')) safe = false;
  });
  if (!safe) return false;
  // The names it reads: rebound nowhere after the assignment in its scope, and never from another scope.
  walkScoped(scopeBody, false, null, (n, _p, nested) => {
    if (n._type === 'Name' && read.has(n.id as string) && (n.ctx as unknown) !== 'Load' && (nested || (n.lineno as number) >= assignLine)) safe = false;
  });
  walk(module, (n) => {
    if ((n._type === 'Global' || n._type === 'Nonlocal') && (n.names as string[]).some((x) => read.has(x))) safe = false;
  });
  return safe;
}

/** The body of the innermost function holding the node, or the module's. */
function enclosingBody(module: Module, node: Expr): Stmt[] {
  let body: Stmt[] = module.body;
  walk(module, (n) => {
    if ((n._type === 'FunctionDef' || n._type === 'AsyncFunctionDef') && (n.lineno as number) <= node.lineno && node.end_lineno <= (n.end_lineno as number)) {
      body = n.body as Stmt[];
    }
  });
  return body;
}

/** The statement lists of a scope: its body and its compound statements' bodies, not nested scopes'. */
function collectBlocks(body: Stmt[], out: Stmt[][]): void {
  out.push(body);
  for (const s of body) {
    if (SCOPES.has(s._type)) continue;
    const r = s as unknown as Record<string, unknown>;
    for (const key of ['body', 'orelse', 'finalbody']) if (Array.isArray(r[key])) collectBlocks(r[key] as Stmt[], out);
    for (const key of ['handlers', 'cases']) if (Array.isArray(r[key])) for (const h of r[key] as { body: Stmt[] }[]) collectBlocks(h.body, out);
  }
}

/** Walks nodes with their parent, telling whether each sits inside a nested scope. */
function walkScoped(node: unknown, nested: boolean, parent: AnyNode | null, visit: (n: AnyNode, parent: AnyNode | null, nested: boolean) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walkScoped(n, nested, parent, visit);
    return;
  }
  if (!node || typeof node !== 'object' || !('_type' in node)) return;
  const n = node as AnyNode;
  visit(n, parent, nested);
  const inner = nested || SCOPES.has(n._type);
  for (const v of Object.values(n)) if (v && typeof v === 'object') walkScoped(v, inner, n, visit);
}
