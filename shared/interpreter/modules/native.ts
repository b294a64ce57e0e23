// Registers the modules written in the simulator besides sys and gc (each in its own file under modules/), and
// the standard-library modules written in Python (pylib/), which the simulator runs as CPython runs its own.
import { rt } from '../runtime';
import { pylibSources } from '../pylib/index';
import { installExecEval } from './execeval';
import { nativeModules, pythonModules } from './index';
import { installItertools } from './itertools';
import { installOperator } from './operator';
import { installMath } from './math';
import { installRandom } from './random';
import { installTime } from './time';
import { installWeakrefTypes } from './weakref';
import { source as weakrefSource } from '../pylib/weakref';

export function installNativeModules(): void {
  nativeModules.set('math', installMath);
  nativeModules.set('random', installRandom);
  nativeModules.set('time', installTime);
  nativeModules.set('_weakref', installWeakrefTypes);
  pythonModules.set('weakref', weakrefSource);
  nativeModules.set('itertools', installItertools);
  nativeModules.set('operator', installOperator);
  nativeModules.set('_operator', installOperator);
  for (const [name, source] of Object.entries(pylibSources)) pythonModules.set(name, source);
  // exec, eval and compile (the Python-written modules need them).
  installExecEval(rt.builtins);
}
