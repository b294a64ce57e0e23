// Constants as heap objects, one cache per compiled module (c_const_cache and merge_consts_recursive in
// Python/compile.c): equal constants of the same type are one object shared by every code object of the module.
// String constants made only of name characters are interned (intern_string_constants, Objects/codeobject.c).
import type { CValue } from '../astopt';
import { constKey } from '../astopt';
import type { CodeObject } from '../code';
import { PyBytes, PyComplex, PyObject } from '../objects';
import { alloc, decref, incref, internStr, newFloat, newInt, newStr, newTuple, rt } from '../runtime';
import { makeNewSet, setAddKey , setKeys} from '../types/set';

/** What a LOAD_CONST can load: a constant value or a code object. */
export type ConstValue = CValue | { t: 'code'; code: CodeObject };

/** Code objects compare by content (code_richcompare in Objects/codeobject.c: name, argument counts, flags,
 *  first line, instructions, constants, names, local names, line table, exception table): a body compiled twice,
 *  like a comprehension in a `finally` block, is one constant. */
const codeKeys = new WeakMap<CodeObject, string>();

export function setCodeKey(code: CodeObject, constKeys: string[]): void {
  const parts = [
    code.name, code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags, code.firstlineno,
    Array.from(code.code).join(','), constKeys.join('|'), code.names.map((n) => (n as { value?: string }).value).join(','),
    code.localsplusnames.join(','), code.localspluskinds.join(','), Array.from(code.lines).join(','),
    Array.from(code.cols).join(','),
    code.exceptionTable.map((e) => `${e.start}:${e.end}:${e.target}:${e.depth}:${e.lasti}`).join(','),
  ];
  codeKeys.set(code, 'code(' + parts.join(';') + ')');
}

export function constValueKey(v: ConstValue): string {
  return v.t === 'code' ? codeKeys.get(v.code)! : constKey(v);
}

/** all_name_chars in Objects/codeobject.c */
export function allNameChars(s: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(s);
}

export class ConstCache {
  /** key → the one object for it; the cache owns one reference to each (released by `release`). */
  private objects = new Map<string, PyObject>();

  /** The object for a constant value (a new reference). */
  object(v: CValue): PyObject {
    const key = constKey(v);
    let o = this.objects.get(key);
    if (!o) {
      o = this.make(v);
      this.objects.set(key, o);
    }
    return incref(o);
  }

  private make(v: CValue): PyObject {
    switch (v.t) {
      case 'None': return incref(rt.None);
      case 'Ellipsis': return incref(rt.Ellipsis);
      case 'bool': return incref(v.v ? rt.True : rt.False);
      case 'int': return newInt(v.v);
      case 'float': return newFloat(v.v);
      case 'complex': return alloc(new PyComplex(rt.t.complex, v.real ?? 0, v.imag), 2 * rt.version.ptr + 16);
      case 'str': return allNameChars(v.v) || v.ident ? internStr(v.v) : newStr(v.v);
      case 'bytes': return alloc(new PyBytes(rt.t.bytes, v.v), 4 * rt.version.ptr + 1 + v.v.length);
      case 'tuple': return newTuple(v.items.map((it) => this.object(it)));
      case 'frozenset': {
        // PyFrozenSet_New(tuple): the items added in order
        const so = makeNewSet(rt.t.frozenset, null);
        for (const it of v.items) {
          const item = this.object(it);
          setAddKey(so, item);
          decref(item);
        }
        // merge_consts_recursive (Python/compile.c) rebuilds the frozenset from the first one's iteration order.
        const rebuilt = makeNewSet(rt.t.frozenset, null);
        for (const item of setKeys(so)) setAddKey(rebuilt, item);
        decref(so);
        return rebuilt;
      }
    }
  }

  /** Drops the cache's references once every code object holds its own. */
  release(): void {
    for (const o of this.objects.values()) decref(o);
    this.objects.clear();
  }
}
