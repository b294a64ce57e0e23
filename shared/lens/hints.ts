// Reference-count hints: for each statement that binds a variable (`x = ...`, `for x in ...`, `def f`, `import m`),
// the object it bound, its ob_refcnt just after the statement first ran, and every holder of it then: what the
// editor shows inline and in the hover. From the replay, like the findings.
import type { LensContext } from './context';
import { isOwnPosition } from './context';
import type { Edge, LiveObject, ReplayListener } from './replay';
import type { Range } from './types';
import { Slot, SLOT_MASK, SLOT_SHIFT } from '../interpreter/trace';

export interface RefcountHint {
  /** The variable's name where it is bound (0-based, UTF-16 columns, as the LSP counts). */
  range: Range;
  name: string;
  /** The bound object's type, ob_refcnt (-1: immortal) and holders just after the statement first ran. */
  type: string;
  refcnt: number;
  holders: string[];
  /** References counted in ob_refcnt that no holder accounts for (the interpreter's temporaries). */
  temporaries: number;
  /** How many times the statement ran, and which of those runs the figures are from (the first that bound an
   *  object of the program's own; 1-based). */
  times: number;
  run: number;
}

/** At most this many hints per file: the rest would be noise in a long file. */
const MAX_HINTS = 2000;

interface Pending {
  key: string;
  edge: Edge;
}

export function hintCollector(ctx: LensContext): { listener: ReplayListener; hints(): RefcountHint[] } {
  const { trace, replay } = ctx;
  const hints = new Map<string, RefcountHint>();
  const pending: Pending[] = [];
  const globalsDicts = new Set<number>();
  const positionOf = new Map<string, number>();
  let pendingStep = -1;

  const holderText = (e: Edge): string => {
    const kind = e.slot >>> SLOT_SHIFT;
    const frame = replay.frames.get(e.holder);
    if (frame) {
      const code = frame.code >= 0 ? trace.codes[frame.code]?.qualname ?? '?' : '<interpreter>';
      return code === '<interpreter>' ? `the interpreter (${replay.slotText(e.slot)})` : `${replay.slotText(e.slot)} (variable of ${code})`;
    }
    const h = replay.objects.get(e.holder);
    if (h && globalsDicts.has(h.serial) && kind === Slot.VALUE_STR) return `${trace.names[e.slot & SLOT_MASK]} (global)`;
    const type = h?.type ?? 'object';
    return kind === Slot.NAME ? `${type}.${replay.slotText(e.slot)}` : `${type}${replay.slotText(e.slot).startsWith('[') ? '' : ' '}${replay.slotText(e.slot)}`;
  };

  const capture = (o: LiveObject): Omit<RefcountHint, 'range' | 'name' | 'times' | 'run'> => {
    const holders = [...o.holders.values()].map(holderText);
    return { type: o.type, refcnt: o.refcnt, holders, temporaries: o.refcnt < 0 ? 0 : Math.max(0, o.refcnt - holders.length) };
  };

  /** Statements that ran earlier are finished when something happens in a later step: take their pictures. */
  const settle = (): void => {
    if (pendingStep < 0) return;
    for (const p of pending) {
      const h = hints.get(p.key);
      const o = replay.objects.get(p.edge.target);
      if (h && o && h.type === '') Object.assign(h, capture(o));
    }
    pending.length = 0;
    pendingStep = -1;
  };

  const bound = (e: Edge): void => {
    if (!isOwnPosition(trace, e.pos) || replay.exploring >= 0 || replay.programEnded) return;
    const kind = e.slot >>> SLOT_SHIFT;
    const frame = replay.frames.get(e.holder);
    // A frame's parameters are bound by the call (at the caller's position), not by a statement.
    if (frame && (frame.code < 0 || frame.startStep === replay.step)) return;
    const isFrame = frame !== undefined;
    const isGlobal = globalsDicts.has(e.holder) && kind === Slot.VALUE_STR;
    if (!(isFrame && kind === Slot.NAME) && !isGlobal) return;
    const name = trace.names[e.slot & SLOT_MASK];
    if (name.startsWith('__') || name.startsWith('.') || name === 'f_func' || name === 'f_frame_object') return;
    const line = trace.positions[3 * e.pos] - 1;
    const col = trace.positions[3 * e.pos + 1];
    const key = `${line}:${col}:${name}`;
    const runs = replay.positionRuns[e.pos];
    if (hints.has(key)) return;
    // Objects older than the program (builtins, modules, small ints, None) have counts nobody can act on.
    if (replay.objects.get(e.target)?.preexisting !== false || hints.size >= MAX_HINTS) return;
    const range = nameRange(ctx.lines[line] ?? '', line, col, name);
    hints.set(key, { range, name, type: '', refcnt: 0, holders: [], temporaries: 0, times: runs, run: runs });
    positionOf.set(key, e.pos);
    pending.push({ key, edge: e });
    pendingStep = replay.step;
    replay.onStep = settleAndStop;
  };

  /** At the next step boundary: the statement's events are all in. */
  const settleAndStop = (): void => {
    settle();
    replay.onStep = null;
  };

  return {
    listener: {
      refAdd(e) {
        if ((e.slot >>> SLOT_SHIFT) === Slot.NAME && trace.names[e.slot & SLOT_MASK] === '__globals__') globalsDicts.add(e.target);
        bound(e);
      },
      programEnd: settle,
      end: settle,
    },
    hints: () => [...hints].map(([key, h]) => ({ ...h, times: replay.positionRuns[positionOf.get(key)!] })).filter((h) => h.type !== '').sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
  };
}

/** The name's own range on its line: the store instruction's position covers the whole statement or target,
 *  so look for the name from there (as a whole word). */
function nameRange(text: string, line: number, col: number, name: string): Range {
  const re = new RegExp(`(?<![\\w.])${name.replace(/[$]/g, '\\$&')}(?!\\w)`, 'g');
  re.lastIndex = Math.min(col, text.length);
  const m = re.exec(text) ?? new RegExp(`(?<![\\w.])${name}(?!\\w)`).exec(text);
  const start = m ? m.index : col;
  return { start: { line, character: start }, end: { line, character: start + (m ? name.length : 0) } };
}
