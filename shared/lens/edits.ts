// Applying a fix's edits to a text, as an editor applies a WorkspaceEdit: all ranges refer to the original text.
import type { Position, TextEdit } from './types';

function offsetOf(lineStarts: number[], text: string, p: Position): number {
  const start = lineStarts[Math.min(p.line, lineStarts.length - 1)] ?? text.length;
  return Math.min(start + p.character, text.length);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const spans = edits
    .map((e) => ({ from: offsetOf(lineStarts, text, e.range.start), to: offsetOf(lineStarts, text, e.range.end), text: e.newText }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  for (const s of spans) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}
