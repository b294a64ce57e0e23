// The reference-count hints in LSP terms (server/hints.ts), with hand-made hints: the inlay hints, the hover and
// their text do not depend on what the lens measures.
import * as assert from 'assert';
import { describe, it } from 'node:test';
import type { RefcountHint } from '../shared/lens';
import { hintHover, hintMarkdown, inlayHints } from '../server/hints';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const lines = (from: number, to: number) => ({ start: { line: from, character: 0 }, end: { line: to, character: 0 } });

const ROOT: RefcountHint = {
  range: range(46, 4, 8),
  name: 'root',
  type: 'Node',
  refcnt: 3,
  holders: ['root (variable of build)', 'Node.parent'],
  temporaries: 1,
  times: 2,
  run: 1,
};

const NONE: RefcountHint = {
  range: range(50, 0, 4),
  name: 'none',
  type: 'NoneType',
  refcnt: -1,
  holders: ['none (global)'],
  temporaries: 0,
  times: 1,
  run: 1,
};

describe('reference-count hints over LSP', () => {
  it('words the count, the holders, the temporaries and the run', () => {
    assert.strictEqual(
      hintMarkdown(ROOT),
      '**`root`**: `Node`, ob_refcnt 3 after line 47 ran (run 1 of 2)\n\n' +
        'Held by:\n- `root (variable of build)`\n- `Node.parent`\n\n' +
        'Plus 1 temporary reference of the interpreter (counted in ob_refcnt, no holder).',
    );
    assert.strictEqual(
      hintMarkdown(NONE),
      '**`none`**: `NoneType`, immortal (its ob_refcnt never changes) after line 51 ran\n\nHeld by:\n- `none (global)`',
    );
    assert.match(hintMarkdown({ ...NONE, holders: [], refcnt: 2, temporaries: 2 }), /Held by nothing.*\n\nPlus 2 temporary references /);
    assert.match(hintMarkdown({ ...NONE, holders: ['a`b'] }), /- `` a`b ``$/);
  });

  it('puts an inlay hint after each name in the requested range', () => {
    const all = inlayHints([ROOT, NONE], lines(0, 100));
    assert.deepStrictEqual(all, [
      { position: ROOT.range.end, label: 'refs: 3', paddingLeft: true, tooltip: { kind: 'markdown', value: hintMarkdown(ROOT) } },
      { position: NONE.range.end, label: 'refs: immortal', paddingLeft: true, tooltip: { kind: 'markdown', value: hintMarkdown(NONE) } },
    ]);
    assert.deepStrictEqual(inlayHints([ROOT, NONE], lines(47, 60)).map((h) => h.label), ['refs: immortal']);
    // The range ends where the name ends: the hint is still in it.
    assert.deepStrictEqual(inlayHints([ROOT, NONE], range(46, 8, 8)).map((h) => h.label), ['refs: 3']);
    assert.deepStrictEqual(inlayHints([ROOT, NONE], range(46, 9, 50)), []);
    assert.deepStrictEqual(inlayHints([ROOT, NONE], lines(50, 50)), []);
  });

  it('hovers over the name only', () => {
    for (const character of [4, 6, 8]) {
      assert.deepStrictEqual(hintHover([NONE, ROOT], { line: 46, character }), {
        contents: { kind: 'markdown', value: hintMarkdown(ROOT) },
        range: ROOT.range,
      });
    }
    assert.strictEqual(hintHover([NONE, ROOT], { line: 46, character: 3 }), null);
    assert.strictEqual(hintHover([NONE, ROOT], { line: 46, character: 9 }), null);
    assert.strictEqual(hintHover([NONE, ROOT], { line: 47, character: 5 }), null);
  });
});
