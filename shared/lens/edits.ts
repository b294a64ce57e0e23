// Applying a fix's text edits to a source text, as an editor applies a WorkspaceEdit: every range refers to the
// text before any edit, edits must not overlap, and inserts at one position keep their order. The tests apply
// fixes with it; the server can reuse it.
import type { Position, TextEdit } from './types';

/** The offset of each line's first character (lines end at \r\n, \r or \n, as LensContext.lines splits them). */
function lineStarts(source: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(source); m; m = re.exec(source)) starts.push(m.index + m[0].length);
  return starts;
}

/** A position's offset; a character past its line's end means the line's end, a line past the last the text's end. */
function offsetOf(source: string, starts: number[], p: Position): number {
  if (p.line >= starts.length) return source.length;
  const start = starts[p.line];
  const next = p.line + 1 < starts.length ? starts[p.line + 1] : source.length;
  const text = source.slice(start, next);
  const end = start + text.replace(/(\r\n|\r|\n)$/, '').length;
  return Math.min(start + p.character, end);
}

export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(source);
  const spans = edits
    .map((e, index) => ({ start: offsetOf(source, starts, e.range.start), end: offsetOf(source, starts, e.range.end), text: e.newText, index }))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.end < s.start) throw new Error(`edit ${s.index} ends before it starts`);
    if (s.start < at) throw new Error(`edit ${s.index} overlaps an earlier edit`);
    out += source.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + source.slice(at);
}

/** Where a line (0-based) of the original text is after the edits: moved by the lines added or removed above it
 *  (an edit that ends at the line's first character is above it); a line inside an edited range maps to that
 *  range's first line. */
export function lineAfterEdits(line: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  let inside: number | undefined;
  for (const e of edits) {
    const added = (e.newText.match(/\r\n|\r|\n/g) ?? []).length - (e.range.end.line - e.range.start.line);
    const above = e.range.end.line < line || (e.range.end.line === line && e.range.end.character === 0);
    if (above) shift += added;
    else if (e.range.start.line < line) inside = Math.min(inside ?? e.range.start.line, e.range.start.line);
  }
  return (inside ?? line) + shift;
}
