// Code generation for `match` statements (PEP 634), as CPython 3.11's Python/compile.c does it: every pattern
// consumes its subject and jumps to a "fail_pop" block that pops what it pushed; names are bound only once the
// whole pattern matched.
import type * as A from '../../parser/ast';
import { BinaryOp, Op } from '../opcodes';
import { cInt, constKey, type CValue } from '../astopt';
import { Compiler } from './core';
import { addCompare, compileJumpIf, visitExpr } from './expressions';
import { visitStmts } from './statements';
import type { Block } from './ir';

interface PatternContext {
  /** Names captured so far, in the order their values sit on the stack. */
  stores: string[];
  allowIrrefutable: boolean;
  /** failPop[i] pops i items and falls through to failPop[i - 1]. */
  failPop: Block[];
  /** Items on top of the stack that must stay above the captured values. */
  onTop: number;
}

const isWildcard = (p: A.Pattern): boolean => p._type === 'MatchAs' && !p.name && !p.pattern;
const isWildcardStar = (p: A.Pattern): boolean => p._type === 'MatchStar' && !p.name;

function ensureFailPop(c: Compiler, pc: PatternContext, n: number): void {
  while (pc.failPop.length < n + 1) pc.failPop.push(c.newBlock());
}

function jumpToFailPop(c: Compiler, pc: PatternContext, op: Op): void {
  const pops = pc.onTop + pc.stores.length;
  ensureFailPop(c, pc, pops);
  c.addopJ(op, pc.failPop[pops]);
}

function emitAndResetFailPop(c: Compiler, pc: PatternContext): void {
  if (!pc.failPop.length) return;
  for (let i = pc.failPop.length - 1; i > 0; i--) {
    c.useNextBlock(pc.failPop[i]);
    c.addop(Op.POP_TOP);
  }
  c.useNextBlock(pc.failPop[0]);
  pc.failPop = [];
}

function errorDuplicateStore(c: Compiler, n: string): never {
  c.error(`multiple assignments to name '${n}' in pattern`);
}

function rotate(c: Compiler, count: number): void {
  while (1 < count) c.addop(Op.SWAP, count--);
}

function storeName(c: Compiler, n: string | null, pc: PatternContext): void {
  if (n === null) {
    c.addop(Op.POP_TOP);
    return;
  }
  if (n === '__debug__') c.error('cannot assign to __debug__');
  if (pc.stores.includes(n)) errorDuplicateStore(c, n);
  // Rotate this object underneath any items we need to preserve:
  rotate(c, pc.onTop + pc.stores.length + 1);
  pc.stores.push(n);
}

function unpackHelper(c: Compiler, elts: A.Pattern[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt._type === 'MatchStar' && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) c.error('too many expressions in star-unpacking sequence pattern');
      c.addop(Op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt._type === 'MatchStar') {
      c.error('multiple starred expressions in sequence pattern');
    }
  }
  if (!seenStar) c.addop(Op.UNPACK_SEQUENCE, n);
}

function sequenceUnpack(c: Compiler, patterns: A.Pattern[], pc: PatternContext): void {
  unpackHelper(c, patterns);
  const size = patterns.length;
  pc.onTop += size;
  for (const p of patterns) {
    pc.onTop--;
    subpattern(c, p, pc);
  }
}

function sequenceSubscr(c: Compiler, patterns: A.Pattern[], star: number, pc: PatternContext): void {
  pc.onTop++;
  const size = patterns.length;
  for (let i = 0; i < size; i++) {
    const p = patterns[i];
    if (isWildcard(p)) continue;
    if (i === star) continue;
    c.addop(Op.COPY, 1);
    if (i < star) {
      c.loadConst(cInt(i));
    } else {
      // The subject may not support negative indexing! Compute a nonnegative index:
      c.addop(Op.GET_LEN);
      c.loadConst(cInt(size - i));
      c.addop(Op.BINARY_OP, BinaryOp.SUBTRACT);
    }
    c.addop(Op.BINARY_SUBSCR);
    subpattern(c, p, pc);
  }
  pc.onTop--;
  c.addop(Op.POP_TOP);
}

function subpattern(c: Compiler, p: A.Pattern, pc: PatternContext): void {
  const allow = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  compilePattern(c, p, pc);
  pc.allowIrrefutable = allow;
}

function patternAs(c: Compiler, p: Extract<A.Pattern, { _type: 'MatchAs' }>, pc: PatternContext): void {
  if (p.pattern === null) {
    if (!pc.allowIrrefutable) {
      if (p.name) c.error(`name capture '${p.name}' makes remaining patterns unreachable`);
      c.error('wildcard makes remaining patterns unreachable');
    }
    storeName(c, p.name, pc);
    return;
  }
  pc.onTop++;
  c.addop(Op.COPY, 1);
  compilePattern(c, p.pattern, pc);
  pc.onTop--;
  storeName(c, p.name, pc);
}

function patternClass(c: Compiler, p: Extract<A.Pattern, { _type: 'MatchClass' }>, pc: PatternContext): void {
  const nargs = p.patterns.length;
  const nattrs = p.kwd_attrs.length;
  if (nattrs !== p.kwd_patterns.length) c.error('kwd_attrs / kwd_patterns length mismatch in class pattern');
  if (nattrs) {
    for (let i = 0; i < nattrs; i++) {
      const attr = p.kwd_attrs[i];
      c.setLoc(p.kwd_patterns[i]);
      if (attr === '__debug__') c.error('cannot assign to __debug__');
      for (let j = i + 1; j < nattrs; j++) {
        if (p.kwd_attrs[j] === attr) {
          c.setLoc(p.kwd_patterns[j]);
          c.error(`attribute name repeated in class pattern: ${attr}`);
        }
      }
    }
    c.setLoc(p);
  }
  visitExpr(c, p.cls);
  c.loadConst({ t: 'tuple', items: p.kwd_attrs.map((a): CValue => ({ t: 'str', v: a })) });
  c.addop(Op.MATCH_CLASS, nargs);
  c.addop(Op.COPY, 1);
  c.loadNone();
  c.addop(Op.IS_OP, 1);
  // TOS is now a tuple of (nargs + nattrs) attributes (or None):
  pc.onTop++;
  jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  c.addop(Op.UNPACK_SEQUENCE, nargs + nattrs);
  pc.onTop += nargs + nattrs - 1;
  for (let i = 0; i < nargs + nattrs; i++) {
    pc.onTop--;
    const pattern = i < nargs ? p.patterns[i] : p.kwd_patterns[i - nargs];
    if (isWildcard(pattern)) {
      c.addop(Op.POP_TOP);
      continue;
    }
    subpattern(c, pattern, pc);
  }
}

function patternMapping(c: Compiler, p: Extract<A.Pattern, { _type: 'MatchMapping' }>, pc: PatternContext): void {
  const keys = p.keys;
  const size = keys.length;
  if (size !== p.patterns.length) c.error('keys / patterns length mismatch in mapping pattern');
  const starTarget = p.rest;
  // We need to keep the subject on top during the mapping and length checks:
  pc.onTop++;
  c.addop(Op.MATCH_MAPPING);
  jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  if (!size && !starTarget) {
    pc.onTop--;
    c.addop(Op.POP_TOP);
    return;
  }
  if (size) {
    c.addop(Op.GET_LEN);
    c.loadConst(cInt(size));
    addCompare(c, 'GtE');
    jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  }
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) {
    const key = keys[i];
    if (key._type === 'Constant') {
      const k = mappingKey(key.value as CValue);
      if (seen.has(k)) c.error(`mapping pattern checks duplicate key (${reprForError(key.value as CValue)})`);
      seen.add(k);
    } else if (key._type !== 'Attribute') {
      c.error('mapping pattern keys may only match literals and attribute lookups');
    }
    visitExpr(c, key);
  }
  c.addop(Op.BUILD_TUPLE, size);
  c.addop(Op.MATCH_KEYS);
  // There's now a tuple of keys and a tuple of values on top of the subject:
  pc.onTop += 2;
  c.addop(Op.COPY, 1);
  c.loadNone();
  c.addop(Op.IS_OP, 1);
  jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  // So far so good. Use that tuple of values on the stack to match sub-patterns against:
  c.addop(Op.UNPACK_SEQUENCE, size);
  pc.onTop += size - 1;
  for (const q of p.patterns) {
    pc.onTop--;
    subpattern(c, q, pc);
  }
  // If we get this far, it's a match! Whatever happens next should consume the tuple of keys and the subject:
  pc.onTop -= 2;
  if (starTarget) {
    // rest = dict(TOS1); for key in TOS: del rest[key]
    c.addop(Op.BUILD_MAP, 0); // [subject, keys, empty]
    c.addop(Op.SWAP, 3); // [empty, keys, subject]
    c.addop(Op.DICT_UPDATE, 2); // [copy, keys]
    c.addop(Op.UNPACK_SEQUENCE, size); // [copy, keys...]
    let n = size;
    while (n) {
      c.addop(Op.COPY, 1 + n--); // [copy, keys..., copy]
      c.addop(Op.SWAP, 2); // [copy, keys..., copy, key]
      c.addop(Op.DELETE_SUBSCR); // [copy, keys...]
    }
    storeName(c, starTarget, pc);
  } else {
    c.addop(Op.POP_TOP); // Tuple of keys.
    c.addop(Op.POP_TOP); // Subject.
  }
}

/** Keys equal as dict keys (1, 1.0 and True are one key). */
function mappingKey(v: CValue): string {
  if (v.t === 'bool') return 'i' + (v.v ? '1' : '0');
  if (v.t === 'float' && Number.isInteger(v.v)) return 'i' + BigInt(v.v).toString();
  if (v.t === 'complex' && v.imag === 0) return mappingKey({ t: 'float', v: v.real ?? 0 });
  return constKey(v);
}

function reprForError(v: CValue): string {
  switch (v.t) {
    case 'None': return 'None';
    case 'bool': return v.v ? 'True' : 'False';
    case 'int': return v.v.toString();
    case 'str': return `'${v.v}'`;
    default: return constKey(v).slice(1);
  }
}

function patternOr(c: Compiler, p: Extract<A.Pattern, { _type: 'MatchOr' }>, pc: PatternContext): void {
  const end = c.newBlock();
  const size = p.patterns.length;
  const old: PatternContext = { ...pc, stores: pc.stores };
  let control: string[] | null = null;
  for (let i = 0; i < size; i++) {
    const alt = p.patterns[i];
    c.setLoc(alt);
    pc.stores = [];
    // An irrefutable sub-pattern must be last, if it is allowed at all:
    pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
    pc.failPop = [];
    pc.onTop = 0;
    c.addop(Op.COPY, 1);
    compilePattern(c, alt, pc);
    // Success!
    const nstores = pc.stores.length;
    if (i === 0) {
      control = pc.stores;
    } else if (nstores !== control!.length) {
      c.error('alternative patterns bind different names');
    } else if (nstores) {
      // There were captures. Check to see if we differ from control:
      let icontrol = nstores;
      while (icontrol--) {
        const name = control![icontrol];
        const istores = pc.stores.indexOf(name);
        if (istores < 0) c.error('alternative patterns bind different names');
        if (icontrol !== istores) {
          // Reorder the names on the stack to match the order of the names in control.
          const rotations = istores + 1;
          const rotated = pc.stores.slice(0, rotations);
          pc.stores.splice(0, rotations);
          pc.stores.splice(icontrol - istores, 0, ...rotated);
          for (let r = 0; r < rotations; r++) rotate(c, icontrol + 1);
        }
      }
    }
    c.addopJ(Op.JUMP, end);
    emitAndResetFailPop(c, pc);
  }
  pc.stores = old.stores;
  pc.allowIrrefutable = old.allowIrrefutable;
  pc.failPop = old.failPop;
  pc.onTop = old.onTop;
  // No match. Pop the remaining copy of the subject and fail:
  c.addop(Op.POP_TOP);
  jumpToFailPop(c, pc, Op.JUMP);
  c.useNextBlock(end);
  const nstores = control!.length;
  // There's a bunch of stuff on the stack between where the new stores are and where they need to be.
  const nrots = nstores + 1 + pc.onTop + pc.stores.length;
  for (let i = 0; i < nstores; i++) {
    rotate(c, nrots);
    const name = control![i];
    if (pc.stores.includes(name)) errorDuplicateStore(c, name);
    pc.stores.push(name);
  }
  // Pop the copy of the subject:
  c.addop(Op.POP_TOP);
}

function patternSequence(c: Compiler, p: Extract<A.Pattern, { _type: 'MatchSequence' }>, pc: PatternContext): void {
  const patterns = p.patterns;
  const size = patterns.length;
  let star = -1;
  let onlyWildcard = true;
  let starWildcard = false;
  for (let i = 0; i < size; i++) {
    const q = patterns[i];
    if (q._type === 'MatchStar') {
      if (star >= 0) c.error('multiple starred names in sequence pattern');
      starWildcard = isWildcardStar(q);
      onlyWildcard = onlyWildcard && starWildcard;
      star = i;
      continue;
    }
    onlyWildcard = onlyWildcard && isWildcard(q);
  }
  pc.onTop++;
  c.addop(Op.MATCH_SEQUENCE);
  jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  if (star < 0) {
    c.addop(Op.GET_LEN);
    c.loadConst(cInt(size));
    addCompare(c, 'Eq');
    jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    c.addop(Op.GET_LEN);
    c.loadConst(cInt(size - 1));
    addCompare(c, 'GtE');
    jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
  }
  pc.onTop--;
  if (onlyWildcard) c.addop(Op.POP_TOP);
  else if (starWildcard) sequenceSubscr(c, patterns, star, pc);
  else sequenceUnpack(c, patterns, pc);
}

function compilePattern(c: Compiler, p: A.Pattern, pc: PatternContext): void {
  c.setLoc(p);
  switch (p._type) {
    case 'MatchValue': {
      const value = p.value;
      if (value._type !== 'Constant' && value._type !== 'Attribute') {
        c.error('patterns may only match literals and attribute lookups');
      }
      visitExpr(c, value);
      addCompare(c, 'Eq');
      jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
      return;
    }
    case 'MatchSingleton':
      c.loadConst(p.value as CValue);
      addCompare(c, 'Is');
      jumpToFailPop(c, pc, Op.POP_JUMP_IF_FALSE);
      return;
    case 'MatchSequence': return patternSequence(c, p, pc);
    case 'MatchMapping': return patternMapping(c, p, pc);
    case 'MatchClass': return patternClass(c, p, pc);
    case 'MatchStar': return storeName(c, p.name, pc);
    case 'MatchAs': return patternAs(c, p, pc);
    case 'MatchOr': return patternOr(c, p, pc);
  }
}

export function compileMatch(c: Compiler, s: A.Match): void {
  visitExpr(c, s.subject);
  const end = c.newBlock();
  const cases = s.cases.length;
  let m = s.cases[cases - 1];
  const hasDefault = isWildcard(m.pattern) && 1 < cases ? 1 : 0;
  const pc: PatternContext = { stores: [], allowIrrefutable: false, failPop: [], onTop: 0 };
  for (let i = 0; i < cases - hasDefault; i++) {
    m = s.cases[i];
    c.setLoc(m.pattern);
    // Only copy the subject if we're *not* on the last case:
    if (i !== cases - hasDefault - 1) c.addop(Op.COPY, 1);
    pc.stores = [];
    // Irrefutable cases must be either guarded, last, or both:
    pc.allowIrrefutable = m.guard !== null || i === cases - 1;
    pc.failPop = [];
    pc.onTop = 0;
    compilePattern(c, m.pattern, pc);
    // It's a match! Store all of the captured names (they're on the stack).
    for (const name of pc.stores) c.nameop(name, 'Store');
    if (m.guard) {
      ensureFailPop(c, pc, 0);
      compileJumpIf(c, m.guard, pc.failPop[0], false);
    }
    // Success! Pop the subject off, we're done with it:
    if (i !== cases - hasDefault - 1) c.addop(Op.POP_TOP);
    visitStmts(c, m.body);
    c.unsetLoc();
    c.addopJ(Op.JUMP, end);
    // If the pattern fails to match, we want the line number of the cleanup to be associated with the failed
    // pattern, not the last line of the body
    c.setLoc(m.pattern);
    emitAndResetFailPop(c, pc);
  }
  if (hasDefault) {
    // A trailing "case _" is common, and lets us save a bit of redundant pushing and popping in the loop above:
    m = s.cases[cases - 1];
    c.setLoc(m.pattern);
    if (cases === 1) c.addop(Op.POP_TOP);
    else c.addop(Op.NOP);
    if (m.guard) compileJumpIf(c, m.guard, end, false);
    visitStmts(c, m.body);
    c.unsetLoc();
  }
  c.useNextBlock(end);
}
