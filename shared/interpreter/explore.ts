// Exploratory calls: most files are libraries (definitions, maybe a __main__ guard), so after the module ran the
// lens also calls every function and method of the program's own file whose code never ran, with made-up
// arguments, under a small budget each. What such a call stores (`child.owner = self` in a method of a class
// nobody instantiated) is then in the trace, between EXPLORE events that say it was exploration.
import type { CodeObject } from './code';
import { call, getAttrOpt, iterNext, lookupType } from './abstract';
import { collect } from './collector';
import { moduleSources, newModule } from './modules/index';
import { newOpaque } from './types/misc';
import { newInstance } from './types/object';
import * as dict from './types/dict';
import {
  PyDict, PyFunction, PyObject, PyProperty, PyStr, PyTuple, PyType, PyWrapper, type PyModule,
} from './objects';
import { PyRaise, SimulationStopped, decref, incref, newBool, newFloat, newInt, newStr, rt } from './runtime';

export interface ExploreOptions {
  /** Instructions one call may run (its arguments' construction included). */
  maxStepsPerCall?: number;
  /** Calls at most. */
  maxCalls?: number;
}

export const EXPLORE_STEPS_PER_CALL = 20_000;
export const EXPLORE_MAX_CALLS = 200;

/** The recursion limit while exploring: made-up arguments easily send a recursive function down forever
 *  (`node.parent` of a placeholder is another placeholder), and what it stores shows in the first levels. */
const RECURSION_LIMIT = 50;

/** How deep an argument's class is built from its own __init__'s annotations (A(b: B), B(c: C), ...). */
const MAX_DEPTH = 2;

/** A function to call, and how: with nothing bound, with an instance of `cls`, with `cls`, or (its __init__
 *  or __new__) by calling `cls`. */
interface Target {
  code: CodeObject;
  func: PyFunction;
  kind: 'function' | 'method' | 'classmethod' | 'construct';
  cls: PyType | null;
}

/**
 * The argument nobody passed: attributes stored on it are kept (so `x.owner = self` makes a real reference),
 * and whatever else is asked of it gives another placeholder, so the call goes on. Written in Python so that
 * the simulator runs it like any class.
 */
const PLACEHOLDER_SOURCE = `
class Placeholder:
    def __getattr__(self, name):
        return Placeholder()
    def __call__(self, *args, **kwargs):
        return Placeholder()
    def __getitem__(self, key):
        return Placeholder()
    def __setitem__(self, key, value):
        pass
    def __iter__(self):
        return iter((Placeholder(),))
    def __len__(self):
        return 1
    def __bool__(self):
        return True
    def __contains__(self, item):
        return False
    def __index__(self):
        return 1
    def __int__(self):
        return 1
    def __float__(self):
        return 1.0
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
    def __repr__(self):
        return '<placeholder>'
    def _operator(self, *other):
        return Placeholder()
    def _compare(self, other):
        return False
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _operator
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pow__ = __rpow__ = __neg__ = __abs__ = _operator
    __and__ = __rand__ = __or__ = __ror__ = __xor__ = __rxor__ = __lshift__ = __rshift__ = _operator
    __lt__ = __le__ = __gt__ = __ge__ = _compare
`;

const PLACEHOLDER_FILE = '<lens exploration>';

/**
 * Calls, in source order, every function and method of `filename` (the program's own file) reachable from the
 * module's globals whose code never ran; returns how many calls were made. Each call's output is discarded and
 * whatever it raises, or its step budget running out, ends that call only. Exploration takes at most half of
 * what is left of the run's step and time budgets, so that shutdown keeps the rest.
 *
 * What the program prints at shutdown stays as it was: the collection shutdown begins with runs first (the
 * program's garbage and its __del__ output, as before), and the exploration's own garbage is collected, its
 * output discarded, before shutdown goes on. Each call also finds the module's globals as the program left them.
 */
export function exploreUnreached(globals: PyDict, filename: string, options: ExploreOptions = {}): number {
  const targets = unreached(globals, filename);
  if (!targets.length) return 0;
  collect();
  const perCall = options.maxStepsPerCall ?? EXPLORE_STEPS_PER_CALL;
  const maxCalls = options.maxCalls ?? EXPLORE_MAX_CALLS;
  const saved = {
    maxSteps: rt.maxSteps, deadline: rt.deadline, depth: rt.depth, frame: rt.frame, handled: rt.handled,
    gcEnabled: rt.gc.enabled, stdout: rt.stdout.length, stderr: rt.stderr.length, recursionLimit: rt.recursionLimit,
  };
  const stepsEnd = rt.steps + Math.floor(Math.max(0, rt.maxSteps - rt.steps) / 2);
  const now = Date.now();
  const timeEnd = now + Math.max(0, rt.deadline - now) / 2;
  // No automatic collection while exploring: the exploration's garbage waits for the collection at its end.
  rt.gc.enabled = false;
  const explorer = new Explorer(globals, saved.maxSteps);
  let calls = 0;
  rt.deadline = timeEnd;
  try {
    explorer.start();
    for (const target of targets) {
      if (calls >= maxCalls || rt.steps >= stepsEnd || Date.now() >= timeEnd) break;
      if (target.code.entered) continue; // an earlier exploratory call ran it
      calls++;
      rt.maxSteps = Math.min(rt.steps + perCall, stepsEnd);
      rt.checkAt = 0;
      rt.recursionLimit = Math.min(saved.recursionLimit, saved.depth + RECURSION_LIMIT);
      if (rt.trace !== null) rt.trace.explore(target.code);
      const going = explorer.run(target);
      rt.frame = saved.frame;
      rt.depth = saved.depth;
      rt.handled = saved.handled;
      if (rt.trace !== null) rt.trace.explore(null);
      if (!going) break;
    }
    explorer.release();
  } finally {
    rt.maxSteps = saved.maxSteps;
    rt.deadline = saved.deadline;
    rt.checkAt = 0;
    rt.gc.enabled = saved.gcEnabled;
    rt.recursionLimit = saved.recursionLimit;
  }
  // The exploration's garbage: a collection like shutdown's first, the program's garbage being gone already.
  try {
    collect();
  } finally {
    rt.stdout.length = saved.stdout;
    rt.stderr.length = saved.stderr;
  }
  return calls;
}

/** The functions and methods of `filename` that never ran, in source order (nested functions are not: they
 *  need the frame that defines them). */
function unreached(globals: PyDict, filename: string): Target[] {
  const found = new Map<CodeObject, Target>();
  const add = (f: PyObject | null, kind: Target['kind'], cls: PyType | null): void => {
    if (f instanceof PyFunction && f.code.filename === filename && !f.code.entered && !found.has(f.code)) {
      found.set(f.code, { code: f.code, func: f, kind, cls });
    }
  };
  const seen = new Set<PyType>();
  const walkClass = (cls: PyType, depth: number): void => {
    if (!cls.heapType || seen.has(cls)) return;
    seen.add(cls);
    for (const e of dict.entries(cls.dict)) {
      const v = e.value;
      const name = e.key instanceof PyStr ? e.key.value : '';
      const initializer = name === '__init__' || name === '__new__';
      if (v instanceof PyFunction) add(v, initializer ? 'construct' : 'method', cls);
      else if (v instanceof PyWrapper && v.ob_type === rt.t.classmethod) add(v.callable, 'classmethod', cls);
      else if (v instanceof PyWrapper && v.ob_type === rt.t.staticmethod) add(v.callable, initializer ? 'construct' : 'function', cls);
      else if (v instanceof PyProperty) for (const f of [v.fget, v.fset, v.fdel]) add(f, 'method', cls);
      else if (v instanceof PyType && depth < 3) walkClass(v, depth + 1);
    }
  };
  for (const e of dict.entries(globals)) {
    if (e.value instanceof PyFunction) add(e.value, 'function', null);
    else if (e.value instanceof PyType) walkClass(e.value, 0);
  }
  return [...found.values()].sort((a, b) => a.code.firstlineno - b.code.firstlineno || a.code.range.col_offset - b.code.range.col_offset);
}

/** Makes the arguments and the calls. */
class Explorer {
  private placeholderModule: PyModule | null = null;
  private placeholderClass: PyObject | null = null;
  /** What the call in progress made and must drop at its end: arguments, instances, the result. */
  private owned: PyObject[] = [];
  /** The module's globals as the program left them (strong references), restored after each call. */
  private globalsBefore: [PyObject, PyObject][];

  constructor(private globals: PyDict, private maxSteps: number) {
    this.globalsBefore = dict.entries(globals).map((e) => [incref(e.key), incref(e.value)]);
  }

  /** One exploratory call; false when exploration must stop (out of time, or the JavaScript stack). */
  run(target: Target): boolean {
    let going = true;
    try {
      const result = this.callTarget(target);
      if (result) {
        this.owned.push(result);
        // A generator's body runs as it is iterated.
        if (result.ob_type === rt.t.generator) for (let item; (item = iterNext(result)); ) decref(item);
      }
    } catch (e) {
      going = this.ended(e);
    }
    // Dropping the arguments and the result (a generator closes, a __del__ may run) has a small budget of its own.
    rt.maxSteps = Math.min(rt.steps + 1000, this.maxSteps);
    rt.checkAt = 0;
    try {
      while (this.owned.length) decref(this.owned.pop()!);
      this.restoreGlobals();
    } catch (e) {
      this.owned = [];
      this.ended(e);
      going = false; // a deallocation cut short: leave the heap alone from here
    }
    return going;
  }

  /** The placeholder class's module goes once exploration is over (its class lives on till shutdown's
   *  collection, like any class). */
  release(): void {
    if (this.placeholderClass) decref(this.placeholderClass);
    if (this.placeholderModule) decref(this.placeholderModule);
    for (const [key, value] of this.globalsBefore) {
      decref(key);
      decref(value);
    }
  }

  /** Undoes what a call did to the module's names (`global x; x = ...`), so that the next finds them as the
   *  program left them. */
  private restoreGlobals(): void {
    const g = this.globals;
    const keys = new Set(this.globalsBefore.map(([key]) => key));
    for (const e of dict.entries(g)) if (!keys.has(e.key)) dict.delItem(g, e.key);
    for (const [key, value] of this.globalsBefore) if (dict.getItem(g, key) !== value) dict.setItem(g, key, value);
  }

  /** Whether exploration may go on after the call ended with `e`. */
  private ended(e: unknown): boolean {
    if (e instanceof PyRaise) {
      decref(e.exc);
      return true;
    }
    if (e instanceof SimulationStopped) return e.reason !== 'wall-clock budget';
    if (e instanceof RangeError && /call stack/.test(e.message)) return false;
    throw e;
  }

  /** The call's result (a new reference), or null when no instance to call a method on could be made. */
  private callTarget(t: Target): PyObject | null {
    const func = t.func;
    switch (t.kind) {
      case 'function':
        return this.callWith(func, [], 0);
      case 'classmethod':
        return this.callWith(func, [t.cls!], 0);
      case 'construct':
        return this.callWith(t.cls!, [], 0, func);
      case 'method': {
        const self = this.instance(t.cls!, 1, false);
        if (!self) return null;
        this.owned.push(self);
        return this.callWith(func, [self], 0);
      }
    }
  }

  /**
   * Calls `callable` with `bound` first, then a made-up value for each parameter of `params` (by default the
   * callable itself) past the bound ones that has no default. *args and **kwargs stay empty.
   */
  private callWith(callable: PyObject, bound: PyObject[], depth: number, params?: PyFunction | null): PyObject {
    const func = params === undefined ? (callable as PyFunction) : params;
    const args = [...bound];
    const kwnames: PyStr[] = [];
    if (func) {
      const code = func.code;
      const skip = params === undefined ? bound.length : 1; // an __init__'s or __new__'s first is self or cls
      const required = code.argcount - (func.defaults ? func.defaults.items.length : 0);
      for (let i = skip; i < required; i++) args.push(this.own(this.valueFor(func, code.localsplusnames[i], depth)));
      for (let i = code.argcount; i < code.argcount + code.kwonlyargcount; i++) {
        const name = code.localsplusnames[i];
        if (func.kwdefaults && dict.getItemStr(func.kwdefaults, name)) continue;
        args.push(this.own(this.valueFor(func, name, depth)));
        kwnames.push(this.own(newStr(name)));
      }
    }
    return call(callable, args, kwnames.length ? kwnames : null);
  }

  private own<T extends PyObject>(o: T): T {
    this.owned.push(o);
    return o;
  }

  /** A value for parameter `name` of func: of its annotation's kind when it names one, else a placeholder. */
  private valueFor(func: PyFunction, name: string, depth: number): PyObject {
    const annotations = func.annotations ?? this.computedAnnotations(func);
    const annotation = annotations instanceof PyDict ? dict.getItemStr(annotations, name) : null;
    return annotation ? this.valueOfKind(annotation, depth) : this.placeholder();
  }

  /** 3.14 (PEP 649): the annotations are computed on first access, by the function's __annotate__. */
  private computedAnnotations(func: PyFunction): PyObject | null {
    if (!func.annotate) return null;
    try {
      const a = getAttrOpt(func, '__annotations__');
      if (a) decref(a);
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      decref(e.exc);
    }
    return func.annotations;
  }

  /** A representative value of what an annotation names: a builtin type, a class (built from its own
   *  __init__'s annotations), Optional[X] / X | None (an X), list[int] (a list), a forward reference. */
  private valueOfKind(annotation: PyObject, depth: number): PyObject {
    if (annotation === rt.None || annotation === rt.None.ob_type) return incref(rt.None);
    if (annotation instanceof PyStr) {
      const named = this.resolve(annotation.value);
      return named && !(named instanceof PyStr) ? this.valueOfKind(named, depth) : this.placeholder();
    }
    if (annotation instanceof PyType) return this.valueOfType(annotation, depth);
    // typing's aliases and unions: the origin when it is a class (list[int]), else the first argument not None;
    // a ForwardRef("Node") is the name it holds.
    const forward = getAttrOpt(annotation, '__forward_arg__');
    if (forward) {
      this.owned.push(forward);
      if (forward instanceof PyStr) return this.valueOfKind(forward, depth);
    }
    const origin = getAttrOpt(annotation, '__origin__');
    if (origin) {
      this.owned.push(origin);
      if (origin instanceof PyType) return this.valueOfType(origin, depth);
    }
    const args = getAttrOpt(annotation, '__args__');
    if (args) {
      this.owned.push(args);
      if (args instanceof PyTuple) {
        const some = args.items.find((a) => a !== rt.None && a !== rt.None.ob_type);
        if (some) return this.valueOfKind(some, depth);
      }
    }
    return this.placeholder();
  }

  private valueOfType(type: PyType, depth: number): PyObject {
    const t = rt.t;
    if (type === t.bool) return newBool(true);
    if (type === t.int) return newInt(1);
    if (type === t.float) return newFloat(1.0);
    if (type === t.str) return newStr('x');
    if (type === t.object) return this.placeholder();
    if (type.heapType) return this.instance(type, depth + 1, true)!;
    try {
      return call(type, []); // list(), dict(), set(), tuple(), bytes(), ...
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      decref(e.exc);
      return this.placeholder();
    }
  }

  /**
   * An instance of a class: the class called with made-up arguments for its __init__ (or __new__); failing
   * that, for a class of the program, a bare one (object.__new__, no __init__); failing that a placeholder,
   * or null when `orPlaceholder` is false.
   */
  private instance(cls: PyType, depth: number, orPlaceholder: boolean): PyObject | null {
    if (depth <= MAX_DEPTH) {
      try {
        return this.callWith(cls, [], depth, this.initializerOf(cls));
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        decref(e.exc);
      }
      const module = dict.getItemStr(cls.dict, '__module__');
      if (module instanceof PyStr && module.value === '__main__') {
        try {
          return newInstance(cls);
        } catch (e) {
          if (!(e instanceof PyRaise)) throw e;
          decref(e.exc);
        }
      }
    }
    return orPlaceholder ? this.placeholder() : null;
  }

  /** The Python __init__ (or else __new__) a call of cls runs, whose parameters its arguments must fill. */
  private initializerOf(cls: PyType): PyFunction | null {
    const init = lookupType(cls, '__init__');
    if (init instanceof PyFunction) return init;
    const make = lookupType(cls, '__new__');
    if (make instanceof PyWrapper && make.callable instanceof PyFunction) return make.callable;
    return null;
  }

  /** A name an annotation gives as text ("Node", "Optional[Node]", "Node | None", "list[Node]"), looked up
   *  in the module, then in builtins (borrowed), or null. */
  private resolve(text: string): PyObject | null {
    let name = text.trim().replace(/^['"]|['"]$/g, '');
    const optional = /^(?:typing\.)?Optional\[(.*)\]$/.exec(name);
    if (optional) name = optional[1];
    const kinds = name.split('|').map((s) => s.trim()).filter((s) => s !== 'None');
    if (kinds.length === 1) name = kinds[0];
    name = name.replace(/\[.*$/, '');
    if (!/^[A-Za-z_]\w*$/.test(name)) return null;
    return dict.getItemStr(this.globals, name) ?? dict.getItemStr(rt.builtins, name);
  }

  /** Makes the placeholders' class, before the first call (what it allocates is no call's doing). */
  start(): void {
    rt.maxSteps = rt.steps + 1000;
    rt.checkAt = 0;
    this.placeholderModule = newModule('__lens_exploration__');
    try {
      moduleSources.run!(PLACEHOLDER_SOURCE, PLACEHOLDER_FILE, this.placeholderModule);
    } catch (e) {
      this.ended(e);
    }
    const cls = dict.getItemStr(this.placeholderModule.dict, 'Placeholder');
    if (cls) this.placeholderClass = incref(cls);
  }

  /** A new placeholder (an opaque object if its class could not be made). */
  private placeholder(): PyObject {
    return this.placeholderClass ? call(this.placeholderClass, []) : newOpaque('an argument');
  }
}
