// Registers the modules written in the simulator besides sys and gc (each in its own file under modules/).
import { nativeModules } from './index';

export function installNativeModules(): void {
  void nativeModules;
}
