// What client and server say to each other beyond standard LSP, declared once and imported by both sides.
// Plain types and method names only: no `vscode` import, so any LSP editor's client can follow it.
import type { FindingCode } from './lens/types';
import type { PythonVersion } from './versions';

/** The `memoryLens` settings section, as the server reads it through `workspace/configuration`. */
export const SETTINGS_SECTION = 'memoryLens';

export interface MemoryLensSettings {
  /** `auto`: the workspace's interpreter version, else the product default. */
  pythonVersion: 'auto' | PythonVersion;
  /** Simulate open files and show the findings (syntax errors are shown either way). */
  enable: boolean;
  /** The step budget of one simulation while typing. */
  maxSteps: number;
  /** Finding codes not to show. */
  disabledFindings: FindingCode[];
  /** Reference-count hints after each bound name, and their hovers (`memoryLens.hints.enable`). */
  hints: { enable: boolean };
}

/** `initializationOptions` of the initialize request. */
export interface MemoryLensInitializationOptions {
  /** The interpreter the Python extension selected for the workspace (`pythonVersion: auto` asks it its version). */
  pythonPath?: string;
}

/** Client → server when the selected interpreter changes: `{ pythonPath }` (absent: none selected). */
export const PYTHON_PATH_NOTIFICATION = 'memoryLens/pythonPath';
export interface PythonPathParams {
  pythonPath?: string;
}
