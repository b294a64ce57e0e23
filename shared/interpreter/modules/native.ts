// Registers the modules written in the simulator besides sys and gc (each in its own file under modules/), and
// the standard-library modules written in Python (pylib/), which the simulator runs as CPython runs its own.
import { rt } from '../runtime';
import { pylibSources } from '../pylib/index';
import { source as annotationlibSource } from '../pylib/annotationlib';
import { installAbc } from './abc';
import { installCollections } from './collections';
import { installExecEval } from './execeval';
import { installFunctools } from './functools';
import { installBisect, installHeapq } from './heapbisect';
import { installIo } from './io';
import { installJson } from './json';
import { installSimSupport } from './simsupport';
import { nativeModules, pythonModules } from './index';
import { installItertools } from './itertools';
import { installOperator } from './operator';
import { installMath } from './math';
import { installRandom, installSha2 } from './random';
import { installTime } from './time';
import { installTracemalloc } from './tracemalloc';
import { installGenericAliases } from './typesmod';
import { installReduce } from './reduce';
import { installWeakrefTypes } from './weakref';
import { source as weakrefSource } from '../pylib/weakref';

export function installNativeModules(): void {
  nativeModules.set('math', installMath);
  nativeModules.set('_random', installRandom);
  nativeModules.set(rt.v >= 312 ? '_sha2' : '_sha512', installSha2);
  nativeModules.set('time', installTime);
  nativeModules.set('_tracemalloc', installTracemalloc);
  nativeModules.set('_weakref', installWeakrefTypes);
  pythonModules.set('weakref', weakrefSource);
  nativeModules.set('itertools', installItertools);
  nativeModules.set('operator', installOperator);
  nativeModules.set('_abc', installAbc);
  nativeModules.set('_collections', installCollections);
  nativeModules.set('_functools', installFunctools);
  nativeModules.set('_heapq', installHeapq);
  nativeModules.set('_bisect', installBisect);
  nativeModules.set('bisect', installBisect);
  nativeModules.set('io', installIo);
  nativeModules.set('_json', installJson);
  nativeModules.set('_simsupport', installSimSupport);
  nativeModules.set('_io', installIo);
  nativeModules.set('_operator', installOperator);
  for (const [name, source] of Object.entries(pylibSources)) pythonModules.set(name, source);
  // 3.14 (PEP 749): annotationlib; an ImportError before
  if (rt.v >= 314) pythonModules.set('annotationlib', annotationlibSource);
  else pythonModules.delete('annotationlib');
  // exec, eval and compile (the Python-written modules need them).
  installExecEval(rt.builtins);
  // list[int], int | None
  installGenericAliases();
  // object.__reduce_ex__ / __reduce__ / __getstate__ (copy needs them)
  installReduce();
}
