// The `memoryLens` settings as the server trusts them: whatever the client sends is checked here, and a value
// we cannot use becomes the default plus a sentence the user can act on.
import { SETTINGS_SECTION, type MemoryLensSettings } from '../shared/protocol';
import { PYTHON_VERSIONS, isPythonVersion } from '../shared/versions';

export const DEFAULT_SETTINGS: MemoryLensSettings = { pythonVersion: 'auto' };

export interface CheckedSettings {
  settings: MemoryLensSettings;
  /** One message per rejected value, worded for the user. */
  problems: string[];
}

export function checkSettings(raw: unknown): CheckedSettings {
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  let pythonVersion = DEFAULT_SETTINGS.pythonVersion;
  const version = section.pythonVersion;
  if (version === 'auto' || isPythonVersion(version)) {
    pythonVersion = version;
  } else if (version !== undefined && version !== null) {
    // VS Code only underlines a value outside the enum in settings.json; it still hands it to us.
    problems.push(
      `Python Memory Lens: ${SETTINGS_SECTION}.pythonVersion is ${JSON.stringify(version)}, which is not one of ` +
        `auto, ${PYTHON_VERSIONS.join(', ')}; using auto.`,
    );
  }
  return { settings: { pythonVersion }, problems };
}
