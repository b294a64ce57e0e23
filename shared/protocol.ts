// What client and server say to each other beyond standard LSP, declared once and imported by both sides.
// Plain types and method names only: no `vscode` import, so any LSP editor's client can follow it.
import type { PythonVersion } from './versions';

/** The `memoryLens` settings section, as the server reads it through `workspace/configuration`. */
export const SETTINGS_SECTION = 'memoryLens';

export interface MemoryLensSettings {
  /** `auto`: the workspace's interpreter version, else the product default. */
  pythonVersion: 'auto' | PythonVersion;
}
