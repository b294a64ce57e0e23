// The lens's reference-count hints in LSP terms: an inlay hint after each bound name, and the same picture in
// the hover over that name.
import { MarkupKind, type Hover, type InlayHint, type Position, type Range } from 'vscode-languageserver';
import type { RefcountHint } from '../shared/lens';

/** The inlay hints whose place (the end of the name) lies in `range`. */
export function inlayHints(hints: readonly RefcountHint[], range: Range): InlayHint[] {
  return hints
    .filter((hint) => within(hint.range.end, range))
    .map((hint) => ({
      position: hint.range.end,
      label: `refs: ${hint.refcnt < 0 ? 'immortal' : hint.refcnt}`,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: hintMarkdown(hint) },
    }));
}

/** The hover of the hint whose name is under `position`, if any. */
export function hintHover(hints: readonly RefcountHint[], position: Position): Hover | null {
  const hint = hints.find((h) => within(position, h.range));
  return hint ? { contents: { kind: MarkupKind.Markdown, value: hintMarkdown(hint) }, range: hint.range } : null;
}

/** What the hint says in full: the count after the statement ran, who holds the object, and which run it is. */
export function hintMarkdown(hint: RefcountHint): string {
  const count = hint.refcnt < 0 ? 'immortal (its ob_refcnt never changes)' : `ob_refcnt ${hint.refcnt}`;
  const run = hint.times > 1 ? ` (run ${hint.run} of ${hint.times})` : '';
  const parts = [`**${code(hint.name)}**: ${code(hint.type)}, ${count} after line ${hint.range.start.line + 1} ran${run}`];
  parts.push(hint.holders.length ? `Held by:\n${hint.holders.map((h) => `- ${code(h)}`).join('\n')}` : 'Held by nothing the program can name.');
  if (hint.temporaries > 0) {
    const s = hint.temporaries === 1 ? ' reference' : ' references';
    parts.push(`Plus ${hint.temporaries} temporary${s} of the interpreter (counted in ob_refcnt, no holder).`);
  }
  return parts.join('\n\n');
}

/** Inline code that survives a backtick in the text. */
function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Both ends inclusive: a hover or a cursor right after the name still counts. */
function within(p: Position, r: Range): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(p, r.start) && after(r.end, p);
}
