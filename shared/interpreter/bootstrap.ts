// Makes a fresh interpreter (pycore's interpreter init): the type objects, the singletons and caches
// (None, True/False, small ints, one-character strings), the builtins module and sys.
import { allTypes, dictHooks, iterHooks, seqHooks, setNewStr, setRaiseHooks, typeModified } from './abstract';
import { sequenceFallback } from './types/common';
import { PyDict, PyInt, PyObject, PyStr, PyTuple, PyType } from './objects';
import { collectAutomatic } from './collector';
import { PyRaise, Runtime, alloc, deallocHooks, newDict, newException, newStr, placeStatic, rt, setRuntime, type Version } from './runtime';
import { attachDicts, makeTypeTable } from './typetable';
import { applyStructSizes } from './sizes';
import { installBuiltins } from './builtins';
import { vmHooks } from './vm';
import * as dict from './types/dict';
import * as objectType from './types/object';
import * as typeType from './types/type';
import * as functionTypes from './types/function';
import * as exceptions from './types/exceptions';
import * as exceptionGroup from './types/exceptiongroup';
import * as generator from './types/generator';
import * as misc from './types/misc';
import * as intType from './types/int';
import * as floatType from './types/float';
import * as complexType from './types/complex';
import * as strType from './types/str';
import * as bytesType from './types/bytes';
import * as listType from './types/list';
import * as tupleType from './types/tuple';
import * as setType from './types/set';
import * as rangeType from './types/range';
import * as sliceType from './types/slice';
import * as iterators from './types/iterators';
import * as dictMethods from './types/dictmethods';
import * as format from './types/format';
import { importFrom, importName, importStar, nativeModules, newModule } from './modules/index';
import { installSys } from './modules/sys';
import { installGc } from './modules/gc';
import { installNativeModules } from './modules/native';
import { reportUnraisable } from './errors';

/** A static object's refcount before 3.12 is large and never reaches zero; from 3.12 it is immortal. */
function makeStatic<T extends PyObject>(o: T, size: number): T {
  placeStatic(o, size);
  if (rt.v >= 312) o.immortal = true;
  else o.ob_refcnt = 1 << 28;
  return o;
}

export function createRuntime(version: Version): Runtime {
  const r = new Runtime(version);
  setRuntime(r);
  r.gc.runAutomatic = collectAutomatic;
  allTypes.clear(); // types of an earlier run must not be kept alive (or walked) by this one
  const t = makeTypeTable();
  r.t = t;
  applyStructSizes(t);
  exceptions.makeExceptionTypes(t);
  for (const v of Object.values(t)) if (v instanceof PyType) allTypes.add(v);
  for (const v of t.exc.values()) allTypes.add(v);
  // Static type objects: immortal from 3.12, else a large static refcount.
  for (const ty of allTypes) makeStatic(ty, ty.ob_type.basicsize);

  r.None = makeStatic(new PyObject(t.NoneType), 16);
  r.NotImplemented = makeStatic(new PyObject(t.NotImplementedType), 16);
  r.Ellipsis = makeStatic(new PyObject(t.ellipsis), 16);
  r.False = makeStatic(new PyInt(t.bool, 0), 24);
  r.True = makeStatic(new PyInt(t.bool, 1), 28);
  for (let v = -5; v <= 256; v++) r.smallInts.push(makeStatic(new PyInt(t.int, v), v === 0 ? 24 : 28));
  r.emptyStr = makeStatic(new PyStr(t.str, ''), 49);
  r.emptyStr.interned = true;
  for (let c = 0; c < 256; c++) {
    const s = makeStatic(new PyStr(t.str, String.fromCharCode(c)), c < 128 ? 50 : 74);
    // 3.12+: the one-character Latin-1 strings are static objects built with their UTF-8 copy
    // (_PyUnicode_LATIN1_INIT, Include/internal/pycore_runtime_init.h)
    s.utf8 = rt.v >= 312 && c >= 128;
    r.latin1.push(s);
  }
  r.emptyTuple = makeStatic(new PyTuple(t.tuple, []), 40);

  // The dict hooks the protocol layer uses, then dicts for every type.
  dictHooks.getItemStr = dict.getItemStr;
  dictHooks.setItemStr = dict.setItemStr;
  dictHooks.delItemStr = dict.delItemStr;
  dictHooks.newInstanceDict = objectType.ensureInstanceDict;
  dictHooks.materializeDict = objectType.materializeDict;
  setNewStr(newStr);
  setRaiseHooks((type, msg) => newException(type, [newStr(msg)]), PyRaise);
  attachDicts(t, () => newDict());
  for (const ty of t.exc.values()) if (!ty.dict) ty.dict = newDict();

  objectType.install(t);
  objectType.installGetSet(t);
  typeType.install(t);
  functionTypes.install(t);
  exceptions.install(t);
  exceptionGroup.install(t);
  generator.install(t);
  misc.install(t);
  intType.install(t);
  floatType.install(t);
  complexType.install(t);
  strType.install(t);
  bytesType.install(t);
  listType.install(t);
  tupleType.install(t);
  setType.install(t);
  rangeType.install(t);
  sliceType.install(t);
  iterators.install(t);
  dictMethods.install(t);
  format.install(t);
  iterHooks.seqIter = iterators.seqIter;
  seqHooks.fallback = sequenceFallback;
  for (const ty of allTypes) objectType.addSlotWrappers(ty);

  vmHooks.newSet = setType.newSetFrom;
  vmHooks.setAdd = setType.setAdd;
  vmHooks.setUpdate = setType.setUpdate;
  vmHooks.listExtend = listType.listExtend;
  vmHooks.formatValue = format.formatValue;
  vmHooks.importName = importName;
  vmHooks.importFrom = importFrom;
  vmHooks.importStar = importStar;
  vmHooks.isMapping = (o) => o instanceof PyDict || o.ob_type.mro.some((c) => c.name === 'Mapping');
  vmHooks.isSequence = (o) => {
    const seq = [t.list, t.tuple, t.range];
    return o.ob_type.mro.some((c) => seq.includes(c) || c.name === 'Sequence') && !(o instanceof PyStr);
  };
  deallocHooks.unraisable = reportUnraisable;

  // builtins and sys
  r.modules = newDict();
  const builtinsModule = newModule('builtins');
  r.builtins = builtinsModule.dict;
  installBuiltins(r.builtins);
  vmHooks.buildClass = dict.getItemStr(r.builtins, '__build_class__')!;
  dict.setItemStr(r.modules, 'builtins', builtinsModule);
  nativeModules.set('sys', installSys);
  nativeModules.set('gc', installGc);
  installNativeModules();
  // sys is always imported at startup (its refcount and sys.modules say so).
  const sys = newModule('sys');
  dict.setItemStr(r.modules, 'sys', sys);
  installSys(sys);
  // gc too: the oracle's driver has imported it before a program runs, so there `import gc` allocates nothing.
  const gcModule = newModule('gc');
  dict.setItemStr(r.modules, 'gc', gcModule);
  installGc(gcModule);
  // Slots looked up while the types were still being filled in are looked up again.
  typeModified();
  void alloc;
  return r;
}
