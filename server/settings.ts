// The `memoryLens` settings as the server trusts them: whatever the client sends is checked here, and a value
// we cannot use becomes the default plus a sentence the user can act on.
import { LENS_MAX_STEPS } from '../shared/lens';
import type { FindingCode } from '../shared/lens/types';
import { SETTINGS_SECTION, type MemoryLensSettings } from '../shared/protocol';
import { PYTHON_VERSIONS, isPythonVersion } from '../shared/versions';

export const DEFAULT_SETTINGS: MemoryLensSettings = {
  pythonVersion: 'auto',
  enable: true,
  maxSteps: LENS_MAX_STEPS,
  disabledFindings: [],
  hints: { enable: true },
};

/** Below this a simulation stops before most programs have defined their functions. */
export const MIN_MAX_STEPS = 1000;

/** Every finding code, as a record so that the compiler notices a code added to FindingCode and not here. */
const FINDING_CODES: Record<FindingCode, true> = {
  'cycle-candidate': true,
  'long-lived-allocation': true,
  'missing-weakref': true,
  'slots-saving': true,
  'materialized-once': true,
};

export interface CheckedSettings {
  settings: MemoryLensSettings;
  /** One message per rejected value, worded for the user. */
  problems: string[];
}

export function checkSettings(raw: unknown): CheckedSettings {
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  // VS Code only underlines a value of the wrong type or outside the enum in settings.json; it still hands it to us.
  const reject = (name: string, value: unknown, expected: string, using: string) =>
    problems.push(
      `Python Memory Lens: ${SETTINGS_SECTION}.${name} is ${JSON.stringify(value)}, which is not ${expected}; using ${using}.`,
    );
  const given = (value: unknown) => value !== undefined && value !== null;
  const settings = { ...DEFAULT_SETTINGS };

  const version = section.pythonVersion;
  if (version === 'auto' || isPythonVersion(version)) settings.pythonVersion = version;
  else if (given(version)) reject('pythonVersion', version, `one of auto, ${PYTHON_VERSIONS.join(', ')}`, 'auto');

  const enable = section.enable;
  if (typeof enable === 'boolean') settings.enable = enable;
  else if (given(enable)) reject('enable', enable, 'true or false', String(DEFAULT_SETTINGS.enable));

  const maxSteps = section.maxSteps;
  if (Number.isSafeInteger(maxSteps) && (maxSteps as number) >= MIN_MAX_STEPS) settings.maxSteps = maxSteps as number;
  else if (given(maxSteps)) {
    reject('maxSteps', maxSteps, `a whole number of at least ${MIN_MAX_STEPS}`, String(DEFAULT_SETTINGS.maxSteps));
  }

  const disabled = section.disabledFindings;
  if (Array.isArray(disabled)) {
    const unknown = disabled.filter((code) => !Object.hasOwn(FINDING_CODES, code));
    settings.disabledFindings = disabled.filter((code): code is FindingCode => Object.hasOwn(FINDING_CODES, code));
    if (unknown.length) {
      problems.push(
        `Python Memory Lens: ${SETTINGS_SECTION}.disabledFindings names ${unknown.map((c) => JSON.stringify(c)).join(', ')}, ` +
          `which ${unknown.length === 1 ? 'is not a finding code' : 'are not finding codes'} ` +
          `(${Object.keys(FINDING_CODES).join(', ')}); ignoring ${unknown.length === 1 ? 'it' : 'them'}.`,
      );
    }
  } else if (given(disabled)) {
    reject('disabledFindings', disabled, 'a list of finding codes', 'none');
  }

  // `memoryLens.hints.enable` reaches us as { hints: { enable } }.
  const hints = section.hints;
  const hintsEnable = typeof hints === 'object' && hints !== null ? (hints as Record<string, unknown>).enable : undefined;
  settings.hints = { ...DEFAULT_SETTINGS.hints };
  if (typeof hintsEnable === 'boolean') settings.hints.enable = hintsEnable;
  else if (given(hintsEnable)) reject('hints.enable', hintsEnable, 'true or false', String(DEFAULT_SETTINGS.hints.enable));
  else if (given(hints) && (typeof hints !== 'object' || Array.isArray(hints))) {
    reject('hints', hints, 'an object such as {"enable": true}', `{"enable": ${DEFAULT_SETTINGS.hints.enable}}`);
  }
  return { settings, problems };
}
