// `memlens run --memory`: the memory timeline of a run (shared/heap/timeline.ts) as text, after the way
// memory_profiler prints a line-by-line report and tracemalloc prints statistics('lineno'): the peak and where
// it happened, what each executed line allocated and released, and what is still allocated at the end by line.
import { memoryTimeline, statisticsByLine, type SourceLine } from '../shared/heap/timeline';
import type { Trace } from '../shared/interpreter/trace';
import { bytesText, num } from '../shared/lens/format';

/** How many lines the statistics list (tracemalloc's examples print the top 10). */
const TOP = 10;

/** `sourceOf(filename)`: the text of a file of the run (the program's, an imported module's), if readable;
 *  `shown(filename)`: how the report names it. Up to the program's end: the interpreter's shutdown after it frees
 *  everything, which says nothing about the program. */
export function memoryReport(trace: Trace, sourceOf: (filename: string) => string | undefined, shown: (filename: string) => string): string {
  const t = memoryTimeline(trace, true);
  const texts = new Map<string, string[]>();
  const lineText = (at: SourceLine): string => {
    let lines = texts.get(at.filename);
    if (!lines) texts.set(at.filename, (lines = (sourceOf(at.filename) ?? '').split(/\r\n|\r|\n/)));
    return (lines[at.line - 1] ?? '').trim();
  };
  const where = (at: SourceLine): string => `${shown(at.filename)}:${at.line}`;
  const out: string[] = [];
  out.push(`peak ${bytesText(t.peak.bytes)} in use, after ${where(t.peak)} (step ${num(t.peak.step)}); ${bytesText(t.final)} in use ${t.endStep === undefined ? 'where the run stopped' : 'when the program ended'}`);
  out.push('');
  const rows = t.lines.filter((l) => l.line > 0 && (l.added || l.released));
  const cells = rows.map((l) => [where(l), bytesText(l.added), bytesText(l.released), num(l.allocations), lineText(l)]);
  const header = ['Line', 'Added', 'Released', 'Allocations', 'Contents'];
  const widths = header.slice(0, 4).map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const row = (c: string[]) => c.slice(0, 4).map((x, i) => (i ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ') + '  ' + c[4];
  out.push(row(header), ...cells.map(row));
  const stats = statisticsByLine(trace, t.endStep ?? Infinity).filter((s) => s.line > 0).slice(0, TOP);
  if (stats.length) {
    out.push('', `Still allocated then, by line (top ${TOP}, as tracemalloc's statistics('lineno')):`);
    for (const s of stats) out.push(`${where(s)}: size=${bytesText(s.size)}, count=${num(s.count)}, average=${bytesText(s.size / s.count)}`);
  }
  return out.join('\n') + '\n';
}
