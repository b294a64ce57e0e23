// The time module on a simulated clock: it starts at a fixed moment and advances with the instructions run
// (and with sleep()), so a run is reproducible and never waits.
import { excType, indexValue } from '../abstract';
import { PyModule, PyObject, PyStr } from '../objects';
import { decref, incref, newFloat, newInt, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { builtinFunction } from '../types/util';
import { toDouble } from './math';

/** 2026-01-01T00:00:00Z; each instruction counts as 20 ns. */
const EPOCH = 1767225600;
const SECONDS_PER_STEP = 2e-8;

export function installTime(m: PyModule): void {
  let slept = 0;
  const now = (): number => rt.steps * SECONDS_PER_STEP + slept;
  const fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject): void => {
    const o = builtinFunction(name, f, m);
    dict.setItemStr(m.dict, name, o);
    decref(o);
  };
  fn('time', () => newFloat(EPOCH + now()));
  fn('time_ns', () => newInt(BigInt(Math.round((EPOCH + now()) * 1e9))));
  for (const name of ['perf_counter', 'monotonic', 'process_time']) fn(name, () => newFloat(now()));
  for (const name of ['perf_counter_ns', 'monotonic_ns', 'process_time_ns']) fn(name, () => newInt(Math.round(now() * 1e9)));
  fn('sleep', (args) => {
    const s = toDouble(args[0]);
    if (s < 0) raise(excType('ValueError'), 'sleep length must be non-negative');
    slept += s;
    return incref(rt.None);
  });
  void indexValue;
}
