// The lens's findings in LSP terms (server/findings.ts), with hand-made findings: the mapping and the quick
// fixes do not depend on what the analyzers find.
import * as assert from 'assert';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding, LensReport } from '../shared/lens';
import { findingDiagnostic, quickFixes, runNote } from '../server/findings';

const URI = 'file:///tmp/p.py';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const CYCLE: Finding = {
  code: 'cycle-candidate',
  severity: 'warning',
  range: range(5, 12, 42),
  message: 'Node objects form a reference cycle',
  related: [{ range: range(2, 8, 28), message: 'the child holds its parent here' }],
  fixes: [
    { title: 'Hold the parent through weakref.ref', edits: [{ range: range(2, 22, 28), newText: 'weakref.ref(parent)' }] },
    { title: 'Add import weakref', edits: [{ range: range(0, 0, 0), newText: 'import weakref\n' }] },
  ],
};

const SLOTS: Finding = {
  code: 'slots-saving',
  severity: 'hint',
  range: range(0, 6, 10),
  message: '__slots__ would save 104 bytes per instance',
  related: [],
  fixes: [],
};

function report(run: Partial<LensReport['run']>, notSimulated?: string): LensReport {
  return { findings: [], hints: [], run: { stdout: '', stderr: '', exitCode: 0, ...run }, notSimulated };
}

describe('findings as diagnostics', () => {
  it('maps a finding to a diagnostic with its code, catalogue link, related locations and fixes', () => {
    const d = findingDiagnostic(CYCLE, URI, 7);
    assert.deepStrictEqual(d.range, CYCLE.range);
    assert.strictEqual(d.severity, 2 /* Warning */);
    assert.strictEqual(d.code, 'cycle-candidate');
    assert.deepStrictEqual(d.codeDescription, { href: 'https://example.invalid/python-memory-lens/blob/main/README.md#cycle-candidate' });
    assert.strictEqual(d.source, 'Python Memory Lens');
    assert.strictEqual(d.message, CYCLE.message);
    assert.deepStrictEqual(d.relatedInformation, [
      { location: { uri: URI, range: range(2, 8, 28) }, message: 'the child holds its parent here' },
    ]);
    assert.strictEqual(d.tags, undefined);
    assert.deepStrictEqual(d.data, { version: 7, fixes: CYCLE.fixes });
  });

  it('maps each severity and leaves out what a finding does not have', () => {
    const severities = (['error', 'warning', 'information', 'hint'] as const).map(
      (severity) => findingDiagnostic({ ...SLOTS, severity }, URI, 1).severity,
    );
    assert.deepStrictEqual(severities, [1, 2, 3, 4]);
    const d = findingDiagnostic(SLOTS, URI, 1);
    assert.strictEqual(d.relatedInformation, undefined);
    assert.strictEqual(d.data, undefined);
  });
});

describe('the note on line 1', () => {
  const firstLine = 'import gc';

  it('says nothing when the whole program ran', () => {
    assert.strictEqual(runNote(report({}), firstLine), undefined);
    // A program's own non-zero exit without a traceback (sys.exit(2)) is not a partial run.
    assert.strictEqual(runNote(report({ exitCode: 2 }), firstLine), undefined);
  });

  it('says a budget stopped the run, over the first line', () => {
    const note = runNote(report({ stopped: { reason: 'step budget (5000 steps) used up', line: 3 } }), firstLine)!;
    assert.strictEqual(note.severity, 3 /* Information */);
    assert.deepStrictEqual(note.range, range(0, 0, firstLine.length));
    assert.strictEqual(
      note.message,
      'Memory Lens: simulation stopped at line 3: step budget (5000 steps) used up — findings cover the part that ran',
    );
  });

  it('says what was not simulated', () => {
    const stopped = runNote(report({ stopped: { reason: 'not simulated: instruction CALL_INTRINSIC_2', line: 9 } }), firstLine)!;
    assert.strictEqual(
      stopped.message,
      'Memory Lens: not simulated at line 9: instruction CALL_INTRINSIC_2 — findings cover the part that ran',
    );
    const whole = runNote(report({ exitCode: 1 }, "SyntaxError: 'return' outside function"), firstLine)!;
    assert.strictEqual(whole.message, "Memory Lens: not simulated: SyntaxError: 'return' outside function");
  });

  it('names the imported modules the simulator does not model', () => {
    const note = runNote(report({ notModelled: ['numpy', 'requests'] }), firstLine)!;
    assert.strictEqual(note.message, 'Memory Lens: not simulated: modules `numpy`, `requests` (what comes from them is a placeholder: its memory is not shown)');
    // A run cut short says that first: it is the bigger gap.
    const stopped = runNote(report({ notModelled: ['numpy'], stopped: { reason: 'step budget (5000 steps) used up', line: 3 } }), firstLine)!;
    assert.match(stopped.message, /^Memory Lens: simulation stopped at line 3/);
  });

  it('says the run ended with an uncaught exception', () => {
    const stderr = 'Traceback (most recent call last):\n  File "/tmp/p.py", line 1, in <module>\nKeyError: \'x\'\n';
    const note = runNote(report({ exitCode: 1, stderr }), firstLine)!;
    assert.strictEqual(note.message, "Memory Lens: the simulated run ended with an uncaught KeyError: 'x' — findings cover the part that ran");
  });
});

describe('quick fixes', () => {
  const published: Diagnostic[] = [findingDiagnostic(CYCLE, URI, 7), findingDiagnostic(SLOTS, URI, 7)];

  it('offers each fix of our diagnostics as a versioned quick fix, the first preferred', () => {
    const actions = quickFixes(published, URI, 7, true);
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [
        ['Hold the parent through weakref.ref', 'quickfix', true],
        ['Add import weakref', 'quickfix', false],
      ],
    );
    assert.deepStrictEqual(actions[0].diagnostics, [published[0]]);
    assert.deepStrictEqual(actions[0].edit, {
      documentChanges: [{ textDocument: { uri: URI, version: 7 }, edits: CYCLE.fixes[0].edits }],
    });
  });

  it('gives plain edits to a client without versioned edits', () => {
    const [first] = quickFixes(published, URI, 7, false);
    assert.deepStrictEqual(first.edit, { changes: { [URI]: CYCLE.fixes[0].edits } });
  });

  it('offers nothing for a document changed since, or for diagnostics of others', () => {
    assert.deepStrictEqual(quickFixes(published, URI, 8, true), []);
    const foreign = { ...published[0], source: 'Pylance' };
    assert.deepStrictEqual(quickFixes([foreign], URI, 7, true), []);
  });
});
