// The gc module (Modules/gcmodule.c): explicit collections, tracking queries, referrers and referents.
// Automatic collections, generations and callbacks per version come with the collector issue; until then
// the functions that need them say "not simulated" instead of guessing.
import { excType, findSlot, indexValue } from '../abstract';
import { collect } from '../collector';
import { PyModule, PyObject, PyStr } from '../objects';
import { decref, incref, newBool, newInt, newList, newTuple, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { builtinFunction, exactArgs, rangeArgs } from '../types/util';

const THRESHOLDS: Record<number, [number, number, number]> = {
  311: [700, 10, 10], 312: [700, 10, 10], 313: [2000, 10, 10], 314: [2000, 10, 0],
};

export function installGc(m: PyModule): void {
  const d = m.dict;
  let enabled = true;
  let debug = 0;
  const garbage = newList([]);
  dict.setItemStr(d, 'garbage', garbage);
  decref(garbage);
  const callbacks = newList([]);
  dict.setItemStr(d, 'callbacks', callbacks);
  decref(callbacks);
  const fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject): void => {
    const o = builtinFunction(name, f, m);
    dict.setItemStr(d, name, o);
    decref(o);
  };
  const notSimulated = (name: string) => (): PyObject =>
    raise(excType('NotImplementedError'), `not simulated: gc.${name}() (automatic collections are not modelled yet)`);
  fn('collect', (args) => {
    if (args.length) {
      const gen = Number(indexValue(args[0]));
      if (gen < 0 || gen > 2) raise(excType('ValueError'), 'invalid generation');
    }
    const result = collect(debug & 32 ? garbage.items : null);
    return newInt(result.unreachable);
  });
  fn('enable', () => { enabled = true; return incref(rt.None); });
  fn('disable', () => { enabled = false; return incref(rt.None); });
  fn('isenabled', () => newBool(enabled));
  fn('is_tracked', (args, kw) => { exactArgs('is_tracked', args, 1, kw); return newBool(args[0].gcTracked); });
  fn('is_finalized', (args, kw) => { exactArgs('is_finalized', args, 1, kw); return newBool(args[0].finalized); });
  fn('get_threshold', () => newTuple(THRESHOLDS[rt.v].map((n) => newInt(n))));
  fn('get_debug', () => newInt(debug));
  fn('set_debug', (args, kw) => { exactArgs('set_debug', args, 1, kw); debug = Number(indexValue(args[0])); return incref(rt.None); });
  fn('get_referents', (args) => {
    const out: PyObject[] = [];
    for (const o of args) {
      const tr = findSlot(o.ob_type, 'tp_traverse');
      if (tr && o.gcTracked) tr(o, (r) => out.push(incref(r)));
    }
    return newList(out);
  });
  fn('get_referrers', (args) => {
    const targets = new Set(args);
    const out: PyObject[] = [];
    for (const o of rt.gcObjects) {
      if (o === garbage) continue;
      const tr = findSlot(o.ob_type, 'tp_traverse');
      let hit = false;
      if (tr) tr(o, (r) => { if (targets.has(r)) hit = true; });
      if (hit) out.push(incref(o));
    }
    return newList(out);
  });
  fn('get_objects', (args) => {
    rangeArgs('get_objects', args, 0, 1);
    return newList([...rt.gcObjects].map((o) => incref(o)));
  });
  for (const name of ['get_count', 'set_threshold', 'freeze', 'unfreeze', 'get_freeze_count', 'get_stats']) {
    fn(name, notSimulated(name));
  }
  const flags: [string, number][] = [
    ['DEBUG_STATS', 1], ['DEBUG_COLLECTABLE', 2], ['DEBUG_UNCOLLECTABLE', 4], ['DEBUG_SAVEALL', 32], ['DEBUG_LEAK', 38],
  ];
  for (const [name, v] of flags) {
    const o = newInt(v);
    dict.setItemStr(d, name, o);
    decref(o);
  }
}
