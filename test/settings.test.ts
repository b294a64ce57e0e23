// The server's check of the `memoryLens` settings (server/settings.ts): each unusable value becomes its default
// and one sentence for the user.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { LENS_MAX_STEPS } from '../shared/lens';
import { DEFAULT_SETTINGS, MIN_MAX_STEPS, checkSettings } from '../server/settings';

describe('settings', () => {
  it('takes usable values as they are', () => {
    const raw = {
      pythonVersion: '3.12',
      enable: false,
      maxSteps: 1000,
      disabledFindings: ['slots-saving', 'cycle-candidate'],
      hints: { enable: false },
    };
    assert.deepStrictEqual(checkSettings(raw), { settings: raw, problems: [] });
  });

  it('defaults whatever is missing', () => {
    assert.deepStrictEqual(checkSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepStrictEqual(checkSettings({ maxSteps: null }), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepStrictEqual(DEFAULT_SETTINGS, {
      pythonVersion: 'auto',
      enable: true,
      maxSteps: LENS_MAX_STEPS,
      disabledFindings: [],
      hints: { enable: true },
    });
    assert.deepStrictEqual(checkSettings({ hints: {} }), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('rejects each unusable value with a sentence naming it and what is used instead', () => {
    const { settings, problems } = checkSettings({
      enable: 'yes',
      maxSteps: 999,
      disabledFindings: 'cycle-candidate',
      hints: { enable: 0 },
    });
    assert.deepStrictEqual(settings, DEFAULT_SETTINGS);
    assert.deepStrictEqual(problems, [
      'Python Memory Lens: memoryLens.enable is "yes", which is not true or false; using true.',
      `Python Memory Lens: memoryLens.maxSteps is 999, which is not a whole number of at least 1000; using ${LENS_MAX_STEPS}.`,
      'Python Memory Lens: memoryLens.disabledFindings is "cycle-candidate", which is not a list of finding codes; using none.',
      'Python Memory Lens: memoryLens.hints.enable is 0, which is not true or false; using true.',
    ]);
    assert.deepStrictEqual(checkSettings({ hints: false }).problems, [
      'Python Memory Lens: memoryLens.hints is false, which is not an object such as {"enable": true}; using {"enable": true}.',
    ]);
    for (const maxSteps of [2.5, '5000', 2 ** 60]) {
      assert.strictEqual(checkSettings({ maxSteps }).settings.maxSteps, LENS_MAX_STEPS, String(maxSteps));
    }
  });

  it('keeps the known codes of disabledFindings and names the others', () => {
    const { settings, problems } = checkSettings({ disabledFindings: ['cycle-candidate', 'cycles', 3] });
    assert.deepStrictEqual(settings.disabledFindings, ['cycle-candidate']);
    assert.deepStrictEqual(problems, [
      'Python Memory Lens: memoryLens.disabledFindings names "cycles", 3, which are not finding codes ' +
        '(cycle-candidate, long-lived-allocation, missing-weakref, slots-saving, materialized-once); ignoring them.',
    ]);
  });

  it('matches what package.json declares to VS Code', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    const declared = manifest.contributes.configuration.properties;
    // VS Code hands `memoryLens.hints.enable` over as { hints: { enable } }: one declared setting per leaf.
    const leaves = (prefix: string, value: unknown): [string, unknown][] =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value).flatMap(([key, inner]) => leaves(`${prefix}.${key}`, inner))
        : [[prefix, value]];
    const defaults = leaves('memoryLens', DEFAULT_SETTINGS);
    for (const [name, value] of defaults) assert.deepStrictEqual(declared[name]?.default, value, name);
    assert.deepStrictEqual(Object.keys(declared).sort(), defaults.map(([name]) => name).sort());
    assert.strictEqual(declared['memoryLens.maxSteps'].minimum, MIN_MAX_STEPS);
    const codes = declared['memoryLens.disabledFindings'].items.enum;
    assert.deepStrictEqual(checkSettings({ disabledFindings: codes }).problems, []);
    assert.match(checkSettings({ disabledFindings: ['?'] }).problems[0], new RegExp(`\\(${codes.join(', ')}\\)`));
  });
});
