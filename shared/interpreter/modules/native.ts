// Registers the modules written in the simulator besides sys and gc (each in its own file under modules/).
import { nativeModules } from './index';
import { installMath } from './math';
import { installRandom } from './random';
import { installTime } from './time';

export function installNativeModules(): void {
  nativeModules.set('math', installMath);
  nativeModules.set('random', installRandom);
  nativeModules.set('time', installTime);
}
