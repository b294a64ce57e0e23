// The sys module (Python/sysmodule.c): reference counts, sizes, the recursion limit, exit, standard streams,
// interning, version information of the simulated CPython.
import { callSpecial, excType, indexValue, isInstance, typeName } from '../abstract';
import { PyInt, PyModule, PyObject, PyStr, PyType } from '../objects';
import { alloc, decref, incref, internStr, newException, newFloat, newInt, newList, newStr, newTuple, PyRaise, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { newStructSeq, newStructSeqType } from '../types/structseq';
import { builtinFunction, exactArgs, rangeArgs } from '../types/util';
import { borrowedReferences, frameObject } from '../vm';
import { newModule } from './index';
import { defaultUnraisableHook, unraisableHooks } from '../errors';
import { getsizeofExtra } from '../sizes';

/** The refcount immortal objects report (Include/object.h): 3.12-3.13 UINT_MAX, 3.14 3 << 30 (64-bit). */
export function immortalRefcount(): number {
  if (rt.version.ptr === 4) return rt.v >= 314 ? 3 << 29 : 0x3fffffff;
  return rt.v >= 314 ? 3 * 2 ** 30 : 2 ** 32 - 1;
}

/** sys.getsizeof: __sizeof__ plus the pre-header CPython allocated before the object (sizes.ts). */
export function getsizeof(o: PyObject): number {
  const r = callSpecial(o, '__sizeof__', []);
  if (!r || !(r instanceof PyInt)) {
    if (r) decref(r);
    return raise(excType('TypeError'), `an integer is required`);
  }
  let size = Number(r.value);
  decref(r);
  if (size < 0) raise(excType('ValueError'), '__sizeof__() should return >= 0');
  return size + getsizeofExtra(o.ob_type, o.ob_type === rt.t.type && !(o as PyType).heapType);
}

function stream(name: 'stdout' | 'stderr'): PyObject {
  const t = new PyType(rt.t.type, 'TextIOWrapper', rt.t.object);
  t.module = '_io';
  t.mro = [t, rt.t.object];
  t.dict = dict.newDictObject();
  const s = alloc(new PyObject(t), 16);
  (s as PyObject & { stream?: string }).stream = name;
  const write = builtinFunction('write', (args) => {
    exactArgs('write', args, 1);
    if (!(args[0] instanceof PyStr)) raise(excType('TypeError'), `write() argument must be str, not ${typeName(args[0])}`);
    const text = (args[0] as PyStr).value;
    (name === 'stdout' ? rt.stdout : rt.stderr).push(text);
    return newInt(text.length);
  }, s);
  dict.setItemStr(t.dict, 'write', write);
  decref(write);
  const flush = builtinFunction('flush', () => incref(rt.None), s);
  dict.setItemStr(t.dict, 'flush', flush);
  decref(flush);
  return s;
}

export function installSys(m: PyModule): void {
  const d = m.dict;
  const fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject): void => {
    const o = builtinFunction(name, f, m);
    dict.setItemStr(d, name, o);
    decref(o);
  };
  fn('unraisablehook', (args, kw) => {
    exactArgs('unraisablehook', args, 1, kw);
    defaultUnraisableHook(args[0]);
    return incref(rt.None);
  });
  unraisableHooks.default = dict.getItemStr(d, 'unraisablehook');
  dict.setItemStr(d, '__unraisablehook__', unraisableHooks.default!);
  fn('getrefcount', (args, kw) => {
    exactArgs('getrefcount', args, 1, kw);
    const o = args[0];
    if (o.immortal) return newInt(immortalRefcount());
    return newInt(rt.v >= 314 ? o.ob_refcnt - borrowedReferences(o) : o.ob_refcnt);
  });
  fn('getsizeof', (args, kw) => {
    rangeArgs('getsizeof', args, 1, 2, kw);
    return newInt(getsizeof(args[0]));
  });
  fn('intern', (args, kw) => {
    exactArgs('intern', args, 1, kw);
    const s = args[0];
    if (s.ob_type !== rt.t.str) raise(excType('TypeError'), `intern() argument must be str, not ${typeName(s)}`);
    const existing = rt.interned.get((s as PyStr).value);
    if (existing) return incref(existing);
    (s as PyStr).interned = true;
    rt.interned.set((s as PyStr).value, s as PyStr);
    if (rt.v >= 312 && rt.v < 313) s.immortal = true;
    return incref(s);
  });
  fn('getrecursionlimit', () => newInt(rt.recursionLimit));
  fn('setrecursionlimit', (args, kw) => {
    exactArgs('setrecursionlimit', args, 1, kw);
    const n = Number(indexValue(args[0]));
    if (n < 1) raise(excType('ValueError'), 'recursion limit must be greater or equal than 1');
    rt.recursionLimit = n;
    return incref(rt.None);
  });
  fn('exit', (args, kw) => {
    rangeArgs('exit', args, 0, 1, kw);
    throw new PyRaise(newException(excType('SystemExit'), args.map(incref)));
  });
  fn('exc_info', () => {
    const cur = rt.handled;
    if (!cur) return newTuple([incref(rt.None), incref(rt.None), incref(rt.None)]);
    const e = cur as import('../objects').PyBaseException;
    return newTuple([incref(e.ob_type), incref(e), incref(e.traceback ?? rt.None)]);
  });
  fn('exception', () => {
    return incref(rt.handled ?? rt.None);
  });
  fn('_getframe', (args) => {
    let f = rt.frame;
    const depth = args.length ? Number(indexValue(args[0])) : 0;
    for (let i = 0; i < depth && f; i++) f = f.back;
    if (!f) raise(excType('ValueError'), 'call stack is not deep enough');
    return incref(frameObject(f!));
  });
  fn('is_finalizing', () => incref(rt.False));
  fn('get_int_max_str_digits', () => newInt(rt.intMaxStrDigits));
  fn('set_int_max_str_digits', (args) => {
    const n = Number(indexValue(args[0]));
    if (n !== 0 && n < 640) raise(excType('ValueError'), `maxdigits must be 0 or larger than 640`);
    rt.intMaxStrDigits = n;
    return incref(rt.None);
  });
  const set = (name: string, v: PyObject): void => {
    dict.setItemStr(d, name, v);
    decref(v);
  };
  const version = { 311: '3.11.7', 312: '3.12.7', 313: '3.13.2', 314: '3.14.2' }[rt.v] ?? '3.13.2';
  set('version', newStr(`${version} (simulated by Python Memory Lens)`));
  const [major, minor, micro] = version.split('.').map(Number);
  set('version_info', newTuple([newInt(major), newInt(minor), newInt(micro), newStr('final'), newInt(0)]));
  set('hexversion', newInt((major << 24) | (minor << 16) | (micro << 8) | 0xf0));
  set('platform', newStr('linux'));
  set('byteorder', newStr('little'));
  set('maxsize', newInt(rt.version.ptr === 8 ? 2n ** 63n - 1n : 2 ** 31 - 1));
  set('maxunicode', newInt(0x10ffff));
  // int_info (Objects/longobject.c PyLong_GetInfo): 30-bit digits in 4 bytes on both widths (PYLONG_BITS_IN_DIGIT
  // is 30 wherever 64-bit integers are available, wasm32 too); the str/int conversion limits of 3.11.
  const intInfo = newStructSeqType('sys', 'int_info', ['bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold']);
  set('int_info', newStructSeq(intInfo, [newInt(30), newInt(4), newInt(4300), newInt(640)]));
  // hash_info (Python/sysmodule.c get_hash_info): Py_hash_t is pointer-sized; the modulus is the Mersenne prime
  // 2**61-1 on 64-bit and 2**31-1 on 32-bit (Include/pyhash.h); the wasm32 builds use FNV, not SipHash-1-3.
  const wide = rt.version.ptr === 8;
  const hashInfo = newStructSeqType('sys', 'hash_info', ['width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff']);
  set('hash_info', newStructSeq(hashInfo, [newInt(wide ? 64 : 32), newInt(wide ? 2n ** 61n - 1n : 2 ** 31 - 1), newInt(314159), newInt(0),
    newInt(1000003), newStr(wide ? 'siphash13' : 'fnv'), newInt(wide ? 64 : 32), newInt(wide ? 128 : 64), newInt(0)]));
  // float_info (Objects/floatobject.c PyFloat_GetInfo): IEEE 754 binary64, from <float.h>.
  const floatInfo = newStructSeqType('sys', 'float_info', ['max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix', 'rounds']);
  set('float_info', newStructSeq(floatInfo, [newFloat(Number.MAX_VALUE), newInt(1024), newInt(308), newFloat(2.2250738585072014e-308),
    newInt(-1021), newInt(-307), newInt(15), newInt(53), newFloat(Number.EPSILON), newInt(2), newInt(1)]));
  set('argv', newList([newStr('main.py')]));
  set('path', newList([]));
  set('executable', newStr(''));
  set('stdout', stream('stdout'));
  set('stderr', stream('stderr'));
  set('__stdout__', incref(dict.getItemStr(d, 'stdout')!));
  set('__stderr__', incref(dict.getItemStr(d, 'stderr')!));
  dict.setItemStr(d, 'modules', rt.modules);
  set('implementation', newModule('implementation'));
  const implName = newStr('cpython');
  dict.setItemStr((dict.getItemStr(d, 'implementation') as PyModule).dict, 'name', implName);
  decref(implName);
  void internStr;
  void isInstance;
}
