// BaseExceptionGroup and ExceptionGroup (Objects/exceptions.c): the group's message and exceptions, str, derive,
// split and subgroup; and the work of the two except* instructions, CHECK_EG_MATCH (exception_group_match in
// Python/ceval.c) and PREP_RERAISE_STAR (_PyExc_PrepReraiseStar in Objects/exceptions.c).
import { call, callMethod, excType, getAttrOpt, isInstance, isSubtype, isTrue, iterate, lookupType, setAttr } from '../abstract';
import { isCallable } from '../builtins';
import type { Frame } from '../frame';
import { PyBaseException, PyDict, PyList, PyObject, PyStr, PyTraceback, PyTuple, PyType } from '../objects';
import { alloc, decref, incref, newList, newStr, newTuple, raise, rt, xdecref } from '../runtime';
import type { TypeTable } from '../typetable';
import { frameObject } from '../vm';
import { getter } from './common';
import { method, noKeywords } from './util';

/** PyBaseExceptionGroupObject: a BaseException with its message and the tuple of its exceptions. */
export class PyBaseExceptionGroup extends PyBaseException {
  msg!: PyObject;
  excs!: PyTuple;
}

function groupType(): PyType {
  return rt.t.exc.get('BaseExceptionGroup')!;
}

export function isExceptionGroup(o: PyObject): o is PyBaseExceptionGroup {
  return o instanceof PyBaseExceptionGroup;
}

/** PySequence_Check: what has sq_item (dicts do not count). */
function isSequence(o: PyObject): boolean {
  const t = rt.t;
  if (o instanceof PyDict) return false;
  if (o.ob_type.mro.some((c) => c === t.list || c === t.tuple || c === t.str || c === t.bytes || c === t.bytearray || c === t.range)) {
    return true;
  }
  return (o.ob_type.heapType || o.ob_type.name === 'deque') && lookupType(o.ob_type, '__getitem__') !== null;
}

/** BaseExceptionGroup_new: checks the arguments; BaseExceptionGroup of only Exceptions is an ExceptionGroup. */
function groupNew(type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const positional = args.slice(0, args.length - (kwnames?.length ?? 0));
  if (positional.length !== 2) {
    raise(excType('TypeError'), `BaseExceptionGroup.__new__() takes exactly 2 arguments (${positional.length} given)`);
  }
  const [message, exceptions] = positional;
  if (!(message instanceof PyStr)) {
    raise(excType('TypeError'), `BaseExceptionGroup.__new__() argument 1 must be str, not ${message.ob_type.name}`);
  }
  if (!isSequence(exceptions)) raise(excType('TypeError'), 'second argument (exceptions) must be a sequence');
  const items: PyObject[] = [];
  iterate(exceptions, (e) => items.push(e));
  const excs = newTuple(items);
  try {
    if (items.length === 0) raise(excType('ValueError'), 'second argument (exceptions) must be a non-empty sequence');
    let nestedBaseExceptions = false;
    items.forEach((e, i) => {
      if (!(e instanceof PyBaseException)) {
        raise(excType('ValueError'), `Item ${i} of second argument (exceptions) is not an exception`);
      }
      if (!isInstance(e, excType('Exception'))) nestedBaseExceptions = true;
    });
    let cls = type;
    const exceptionGroup = excType('ExceptionGroup');
    if (cls === exceptionGroup) {
      if (nestedBaseExceptions) raise(excType('TypeError'), 'Cannot nest BaseExceptions in an ExceptionGroup');
    } else if (cls === groupType()) {
      if (!nestedBaseExceptions) cls = exceptionGroup;
    } else if (nestedBaseExceptions && isSubtype(cls, excType('Exception'))) {
      raise(excType('TypeError'), `Cannot nest BaseExceptions in '${cls.name}'`);
    }
    const self = alloc(new PyBaseExceptionGroup(cls, newTuple(positional.map(incref))), cls.basicsize);
    self.msg = incref(message);
    self.excs = incref(excs);
    return self;
  } finally {
    decref(excs);
  }
}

/** The exception types, or the predicate, split and subgroup select by (get_matcher_type). */
type Matcher = { byType: PyObject } | { predicate: PyObject } | { ids: Set<PyObject> };

function matcherOf(value: PyObject): Matcher {
  if (isCallable(value) && !(value instanceof PyType)) return { predicate: value };
  const isClass = (c: PyObject): boolean => c instanceof PyType && isSubtype(c, excType('BaseException'));
  if (isClass(value) || (value.ob_type === rt.t.tuple && (value as PyTuple).items.every(isClass))) return { byType: value };
  return raise(excType('TypeError'), rt.v >= 313
    ? 'expected an exception type, a tuple of exception types, or a callable (other than a class)'
    : 'expected a function, exception type or tuple of exception types');
}

/** exceptiongroup_split_check_match */
function matches(exc: PyObject, matcher: Matcher): boolean {
  if ('byType' in matcher) return exceptionMatches(exc, matcher.byType);
  if ('ids' in matcher) return matcher.ids.has(exc);
  const r = call(matcher.predicate, [exc]);
  try {
    return isTrue(r);
  } finally {
    decref(r);
  }
}

/** PyErr_GivenExceptionMatches: exc is an instance of the class, or of one in the tuple. */
function exceptionMatches(exc: PyObject, type: PyObject): boolean {
  if (type instanceof PyTuple) return type.items.some((t) => exceptionMatches(exc, t));
  return type instanceof PyType && isInstance(exc, type);
}

/**
 * exceptiongroup_subset: orig.derive(excs) with orig's traceback, context, cause and a copy of its notes;
 * null when excs is empty.
 */
function subset(orig: PyBaseExceptionGroup, excs: PyObject[]): PyObject | null {
  if (excs.length === 0) return null;
  const list = newList(excs.map(incref));
  let eg: PyObject;
  try {
    eg = callMethod(orig, 'derive', [list]);
  } finally {
    decref(list);
  }
  if (!isExceptionGroup(eg)) {
    decref(eg);
    raise(excType('TypeError'), 'derive must return an instance of BaseExceptionGroup');
  }
  if (orig.traceback) {
    xdecref(eg.traceback);
    eg.traceback = incref(orig.traceback);
  }
  xdecref(eg.context);
  eg.context = orig.context && incref(orig.context);
  xdecref(eg.cause);
  eg.cause = orig.cause && incref(orig.cause);
  eg.suppressContext = true; // PyException_SetCause sets it, even to NULL
  const notes = getAttrOpt(orig, '__notes__');
  if (notes) {
    try {
      if (isSequence(notes)) {
        // A copy, so that the parts have lists of their own.
        const items: PyObject[] = [];
        iterate(notes, (n) => items.push(n));
        const copy = newList(items);
        try {
          setAttr(eg, '__notes__', copy);
        } finally {
          decref(copy);
        }
      }
    } finally {
      decref(notes);
    }
  }
  return eg;
}

/** exceptiongroup_split_recursive: the matching part of exc and, with rest, the part that does not match. */
function splitRecursive(exc: PyObject, matcher: Matcher, withRest: boolean): { match: PyObject | null; rest: PyObject | null } {
  if (matches(exc, matcher)) return { match: incref(exc), rest: null };
  if (!isExceptionGroup(exc)) return { match: null, rest: withRest ? incref(exc) : null };
  const matchList: PyObject[] = [];
  const restList: PyObject[] = [];
  try {
    for (const e of exc.excs.items) {
      const r = splitRecursive(e, matcher, withRest);
      if (r.match) matchList.push(r.match);
      if (r.rest) restList.push(r.rest);
    }
    const match = subset(exc, matchList);
    let rest: PyObject | null = null;
    try {
      if (withRest) rest = subset(exc, restList);
    } catch (e) {
      xdecref(match);
      throw e;
    }
    return { match, rest };
  } finally {
    for (const o of matchList) decref(o);
    for (const o of restList) decref(o);
  }
}

function groupStr(self: PyObject): PyObject {
  const eg = self as PyBaseExceptionGroup;
  const n = eg.excs.items.length;
  return newStr(`${(eg.msg as PyStr).value} (${n} sub-exception${n > 1 ? 's' : ''})`);
}

export function install(t: TypeTable): void {
  const base = t.exc.get('BaseException')!;
  const group = t.exc.get('BaseExceptionGroup')!;
  group.slots.tp_new = groupNew;
  group.slots.tp_init = (self, args, kwnames) => {
    noKeywords(self.ob_type.name, kwnames);
    base.slots.tp_init!(self, args, kwnames);
  };
  group.slots.tp_str = groupStr;
  group.slots.tp_traverse = (self, visit) => {
    base.slots.tp_traverse!(self, visit);
    const eg = self as PyBaseExceptionGroup;
    if (eg.msg) visit(eg.msg);
    if (eg.excs) visit(eg.excs);
  };
  group.slots.tp_clear = (self) => {
    const eg = self as PyBaseExceptionGroup;
    const parts = [eg.msg, eg.excs];
    eg.msg = null as never;
    eg.excs = null as never;
    for (const p of parts) xdecref(p);
    base.slots.tp_clear!(self);
  };
  getter<PyBaseExceptionGroup>(group, 'message', (eg) => incref(eg.msg));
  getter<PyBaseExceptionGroup>(group, 'exceptions', (eg) => incref(eg.excs));
  method(group, 'derive', (args, _k, self) => {
    // BaseExceptionGroup_derive: BaseExceptionGroup(self.message, excs); subclasses override it.
    return call(groupType(), [(self as PyBaseExceptionGroup).msg, args[0]]);
  });
  method(group, 'split', (args, _k, self) => {
    const { match, rest } = splitRecursive(self!, matcherOf(args[0]), true);
    return newTuple([match ?? incref(rt.None), rest ?? incref(rt.None)]);
  });
  method(group, 'subgroup', (args, _k, self) => {
    return splitRecursive(self!, matcherOf(args[0]), false).match ?? incref(rt.None);
  });
}

// ---------------------------------------------------------------- except*

/** _PyEval_CheckExceptStarTypeValid: exception classes, and not exception groups. */
function checkExceptStarType(type: PyObject): void {
  const isClass = (c: PyObject): boolean => c instanceof PyType && isSubtype(c, excType('BaseException'));
  const types = type instanceof PyTuple ? type.items : [type];
  if (!types.every(isClass)) raise(excType('TypeError'), 'catching classes that do not inherit from BaseException is not allowed');
  if (types.some((c) => isSubtype(c as PyType, groupType()))) {
    raise(excType('TypeError'), 'catching ExceptionGroup with except* is not allowed. Use except instead.');
  }
}

/**
 * CHECK_EG_MATCH: [exc, type] becomes [rest, match] when part of exc matches (the match is then the exception
 * being handled), or [exc, None]. A bare exception that matches is wrapped in ExceptionGroup('', [exc]).
 */
export function checkEgMatch(f: Frame): void {
  const stack = f.stack;
  const type = stack[--f.sp]!;
  let match: PyObject;
  let rest: PyObject;
  try {
    checkExceptStarType(type);
    [match, rest] = exceptionGroupMatch(f, stack[f.sp - 1]!, type);
  } finally {
    decref(type);
  }
  if (match === rt.None) {
    stack[f.sp++] = match;
    decref(rest);
    return;
  }
  decref(stack[f.sp - 1]!);
  stack[f.sp - 1] = rest;
  stack[f.sp++] = match;
  const handled = rt.handled;
  rt.handled = incref(match);
  xdecref(handled);
}

/** exception_group_match (Python/ceval.c): [match, rest], new references. */
function exceptionGroupMatch(f: Frame, exc: PyObject, type: PyObject): [PyObject, PyObject] {
  if (exc === rt.None) return [incref(rt.None), incref(rt.None)];
  if (exceptionMatches(exc, type)) {
    if (isExceptionGroup(exc)) return [incref(exc), incref(rt.None)];
    const wrapped = createExceptionGroup(newTuple([incref(exc)])) as PyBaseException;
    if (rt.v >= 313) {
      // 3.13: the wrapper gets a traceback entry for this frame (_PyTraceBack_FromFrame).
      xdecref(wrapped.traceback);
      wrapped.traceback = alloc(new PyTraceback(rt.t.traceback, null, incref(frameObject(f)), f.lasti, f.lineno), 6 * rt.version.ptr);
    }
    return [wrapped, incref(rt.None)];
  }
  if (isExceptionGroup(exc)) {
    const pair = callMethod(exc, 'split', [type]) as PyTuple;
    const [match, rest] = pair.items;
    incref(match);
    incref(rest);
    decref(pair);
    return [match, rest];
  }
  return [incref(rt.None), incref(rt.None)];
}

/** _PyExc_CreateExceptionGroup: ExceptionGroup('', excs), consuming the reference to excs. */
function createExceptionGroup(excs: PyObject): PyObject {
  const message = newStr('');
  try {
    return call(excType('ExceptionGroup'), [message, excs]);
  } finally {
    decref(message);
    decref(excs);
  }
}

/**
 * PREP_RERAISE_STAR: [orig, excs] becomes what the except* statement re-raises: None, the one exception a
 * wrapped bare exception gave, or a group of what the handlers raised plus orig's unhandled and re-raised part.
 */
export function prepReraiseStar(f: Frame): void {
  const stack = f.stack;
  const excs = stack[--f.sp] as PyList;
  const orig = stack[--f.sp]!;
  try {
    stack[f.sp++] = prepReraise(orig, excs.items);
  } finally {
    decref(excs);
    decref(orig);
  }
}

/** _PyExc_PrepReraiseStar (Objects/exceptions.c): a new reference. */
function prepReraise(orig: PyObject, excs: PyObject[]): PyObject {
  if (excs.length === 0) return incref(rt.None);
  // A bare exception was caught and wrapped: only one except* clause ran, so there is one exception at most.
  if (!isExceptionGroup(orig)) return incref(excs[0]);
  // Raised in a handler, or re-raised (the same metadata as orig: a part of orig).
  const raised: PyObject[] = [];
  const reraised: PyObject[] = [];
  for (const e of excs) {
    if (e === rt.None) continue;
    (sameMetadata(e as PyBaseException, orig) ? reraised : raised).push(e);
  }
  const reraisedGroup = projection(orig, reraised);
  try {
    if (raised.length === 0) return incref(reraisedGroup);
    const all = reraisedGroup === rt.None ? raised : [...raised, reraisedGroup];
    if (all.length === 1) return incref(all[0]);
    return createExceptionGroup(newList(all.map(incref)));
  } finally {
    decref(reraisedGroup);
  }
}

/** is_same_exception_metadata */
function sameMetadata(a: PyBaseException, b: PyBaseException): boolean {
  return a.notes === b.notes && a.traceback === b.traceback && a.cause === b.cause && a.context === b.context;
}

/** exception_group_projection: the subgroup of eg made of the leaf exceptions found in keep, or None. */
function projection(eg: PyBaseExceptionGroup, keep: PyObject[]): PyObject {
  if (keep.length === 0) return incref(rt.None);
  const ids = new Set<PyObject>();
  const collectLeaves = (e: PyObject): void => {
    if (e === rt.None) return;
    if (isExceptionGroup(e)) e.excs.items.forEach(collectLeaves);
    else ids.add(e);
  };
  keep.forEach(collectLeaves);
  return splitRecursive(eg, { ids }, false).match ?? incref(rt.None);
}
