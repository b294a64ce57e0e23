// The language server over --stdio, as an LSP editor other than VS Code would start it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspStdioClient, type Message } from './lsp-stdio';
import { PARENT_CHILD_CYCLE } from './lens/programs';

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const URI = 'file:///tmp/memlens-server-test/broken.py';
/** A lens run takes up to 2 s of simulation plus its replay, on a machine that may be busy. */
const ANALYSIS_MS = 30_000;


/** Runs until the step budget stops it (about a second and a half of simulation). */
const LONG_LOOP = 'x = 0\nwhile True:\n    x += 1\n';

function diagnosticsFor(uri: string, version: number): (m: Message) => boolean {
  return (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version;
}

function open(server: LspStdioClient, uri: string, text: string, version = 1): void {
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
}

function replace(server: LspStdioClient, uri: string, text: string, version: number): void {
  server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

/** Answers the server's next workspace/configuration request (sent after a didChangeConfiguration). */
async function configure(server: LspStdioClient, section: Record<string, unknown>): Promise<void> {
  const request = server.waitFor((m) => m.method === 'workspace/configuration', 'configuration request');
  server.notify('workspace/didChangeConfiguration', { settings: null });
  server.send({ id: (await request).id, result: [section] });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('language server over stdio', { timeout: 240_000 }, () => {
  let server: LspStdioClient;

  before(() => {
    server = new LspStdioClient(process.execPath, [SERVER, '--stdio']);
  });

  after(() => {
    if (server.child.exitCode === null) server.child.kill();
  });

  it('answers initialize with its capabilities', async () => {
    const response = await server.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true }, inlayHint: { refreshSupport: true } } },
    });
    assert.strictEqual(response.error, undefined);
    assert.ok(response.result.capabilities.textDocumentSync, JSON.stringify(response.result));
    assert.deepStrictEqual(response.result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.strictEqual(response.result.capabilities.inlayHintProvider, true);
    assert.strictEqual(response.result.capabilities.hoverProvider, true);
  });

  it('warns about a pythonVersion it cannot simulate', async () => {
    server.notify('initialized', {});
    const request = await server.waitFor((m) => m.method === 'workspace/configuration', 'configuration request');
    const shown = server.waitFor((m) => m.method === 'window/showMessage', 'warning');
    server.send({ id: request.id, result: [{ pythonVersion: '3.10' }] });
    const warning = await shown;
    assert.strictEqual(warning.params.type, 2 /* MessageType.Warning */);
    assert.match(warning.params.message, /pythonVersion.*"3\.10".*using auto/);
  });

  it('publishes a syntax error on open', async () => {
    server.notify('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'python', version: 1, text: 'def f(:\n' },
    });
    const published = await server.waitFor(diagnosticsFor(URI, 1), 'diagnostics for the opened document');
    const [first] = published.params.diagnostics;
    assert.ok(first, 'no diagnostic for a syntax error');
    assert.strictEqual(first.range.start.line, 0);
    assert.strictEqual(first.severity, 1 /* DiagnosticSeverity.Error */);
    assert.strictEqual(first.source, 'Python Memory Lens');
  });

  it('clears the diagnostics once the error is fixed', async () => {
    server.notify('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      // `def f(:` becomes `def f(): pass`, through an incremental edit.
      contentChanges: [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } }, text: '): pass' }],
    });
    const published = await server.waitFor(diagnosticsFor(URI, 2), 'diagnostics for the fixed document');
    assert.deepStrictEqual(published.params.diagnostics, []);
  });

  it('warns about a maxSteps it cannot use', async () => {
    const shown = server.waitFor((m) => m.method === 'window/showMessage', 'warning');
    await configure(server, { maxSteps: 10 });
    const warning = await shown;
    assert.strictEqual(warning.params.type, 2 /* MessageType.Warning */);
    assert.match(warning.params.message, /maxSteps is 10, which is not a whole number of at least 1000; using 2000000\./);
  });

  it('publishes a cycle candidate, and a quick fix that removes it', async () => {
    const uri = 'file:///tmp/memlens-server-test/cycle.py';
    const published = server.waitFor(diagnosticsFor(uri, 1), 'findings', ANALYSIS_MS);
    open(server, uri, PARENT_CHILD_CYCLE);
    const { diagnostics } = (await published).params;
    const cycle = diagnostics.find((d: any) => d.code === 'cycle-candidate');
    assert.ok(cycle, `no cycle-candidate among ${JSON.stringify(diagnostics)}`);
    // `parent.children.append(self)` closes the cycle.
    assert.strictEqual(cycle.range.start.line, 5);
    assert.strictEqual(cycle.source, 'Python Memory Lens');
    assert.match(cycle.codeDescription.href, /#cycle-candidate$/);
    // The fix belongs to whichever finding points at the reference to weaken: ask for the whole file's.
    const response = await server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: PARENT_CHILD_CYCLE.split('\n').length, character: 0 } },
      context: { diagnostics, only: ['quickfix'] },
    });
    const actions = response.result;
    assert.ok(actions.length > 0, `no quick fix for ${JSON.stringify(diagnostics)}`);
    assert.strictEqual(actions[0].kind, 'quickfix');
    assert.strictEqual(actions[0].isPreferred, true);
    const [change] = actions[0].edit.documentChanges;
    assert.deepStrictEqual(change.textDocument, { uri, version: 1 });

    // The editor applies the fix: the next run finds no cycle.
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'python', 1, PARENT_CHILD_CYCLE), change.edits);
    const republished = server.waitFor(diagnosticsFor(uri, 2), 'findings of the fixed program', ANALYSIS_MS);
    replace(server, uri, fixed, 2);
    assert.deepStrictEqual((await republished).params.diagnostics, [], fixed);

    // Back to the cycle, with cycle-candidate turned off.
    const hidden = server.waitFor(diagnosticsFor(uri, 3), 'the findings without cycle-candidate', ANALYSIS_MS);
    await configure(server, { disabledFindings: ['cycle-candidate'] });
    replace(server, uri, PARENT_CHILD_CYCLE, 3);
    const codes = (await hidden).params.diagnostics.map((d: any) => d.code);
    assert.ok(codes.length > 0 && !codes.includes('cycle-candidate'), codes.join(', '));
    await configure(server, {});
  });

  it('shows reference counts inline and in the hover, for the analysed version only', async () => {
    const uri = 'file:///tmp/memlens-server-test/hints.py';
    const whole = { start: { line: 0, character: 0 }, end: { line: PARENT_CHILD_CYCLE.split('\n').length, character: 0 } };
    const inlays = async () => (await server.request('textDocument/inlayHint', { textDocument: { uri }, range: whole })).result;
    const hover = async (line: number, character: number) =>
      (await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character } })).result;
    /** The diagnostics of a run, and the message just before them: the server's refresh request for the run's
     *  hints (other documents' runs send their own, each just before their own diagnostics). */
    const published = async (version: number) => {
      let previous: Message | undefined;
      let before: Message | undefined;
      const accepts = (m: Message) => (diagnosticsFor(uri, version)(m) ? ((before = previous), true) : ((previous = m), false));
      await server.waitFor(accepts, `diagnostics of version ${version}`, ANALYSIS_MS);
      assert.strictEqual(before?.method, 'workspace/inlayHint/refresh', JSON.stringify(before));
      server.send({ id: before.id, result: null });
    };

    const first = published(1);
    open(server, uri, PARENT_CHILD_CYCLE);
    await first;
    // `root = Node()` in build(): the frame's variable is the one holder.
    const root = (await inlays()).find((h: any) => h.position.line === 8);
    assert.ok(root, JSON.stringify(await inlays()));
    assert.deepStrictEqual(root.position, { line: 8, character: 8 });
    assert.strictEqual(root.label, 'refs: 1');
    assert.strictEqual(root.paddingLeft, true);
    assert.strictEqual(root.tooltip.kind, 'markdown');
    assert.match(root.tooltip.value, /^\*\*`root`\*\*: `Node`, ob_refcnt 1 after line 9 ran\n\nHeld by:\n- `root \(variable of build\)`$/);
    assert.deepStrictEqual(await hover(8, 5), { contents: root.tooltip, range: { start: { line: 8, character: 4 }, end: root.position } });
    assert.strictEqual(await hover(12, 2), null);

    // Typed since the run: its ranges may point at other code now, so nothing until the next run is done.
    const second = published(2);
    replace(server, uri, PARENT_CHILD_CYCLE, 2);
    assert.deepStrictEqual(await inlays(), []);
    assert.strictEqual(await hover(8, 5), null);
    await second;
    assert.deepStrictEqual((await inlays()).find((h: any) => h.position.line === 8), root);

    // Turned off: no hints and no hover, and the client is told to ask again (no new run is needed).
    const refreshed = server.waitFor((m) => m.method === 'workspace/inlayHint/refresh', 'inlay hint refresh');
    await configure(server, { hints: { enable: false } });
    server.send({ id: (await refreshed).id, result: null });
    assert.deepStrictEqual(await inlays(), []);
    assert.strictEqual(await hover(8, 5), null);
    await configure(server, {});
    assert.deepStrictEqual((await inlays()).find((h: any) => h.position.line === 8), root);
  });

  it('publishes only the current version when a change supersedes a running analysis', async () => {
    const uri = 'file:///tmp/memlens-server-test/stale.py';
    const first = server.waitFor(diagnosticsFor(uri, 1), 'diagnostics of version 1', ANALYSIS_MS);
    open(server, uri, 'x = [1]\n');
    await first;
    // Version 2 alone would take over a second to simulate; version 3 arrives while it runs.
    const stale = server.waitFor(diagnosticsFor(uri, 2), 'diagnostics of version 2', 8000).then(
      () => 'published',
      () => 'not published',
    );
    replace(server, uri, LONG_LOOP, 2);
    await sleep(500);
    const current = server.waitFor(diagnosticsFor(uri, 3), 'diagnostics of version 3', ANALYSIS_MS);
    replace(server, uri, 'y = [2]\n', 3);
    assert.deepStrictEqual((await current).params.diagnostics, []);
    assert.strictEqual(await stale, 'not published');
  });

  it('answers requests while an analysis runs', async () => {
    const uri = 'file:///tmp/memlens-server-test/long.py';
    // In the order the messages arrive (a waiter's test runs as each message is read).
    const arrived: string[] = [];
    const inOrder = (name: string, accepts: (m: Message) => boolean) => (m: Message) => accepts(m) && arrived.push(name) > 0;
    const published = server.waitFor(inOrder('diagnostics', diagnosticsFor(uri, 1)), 'diagnostics of the long run', ANALYSIS_MS);
    open(server, uri, LONG_LOOP);
    // Past the debounce: the run has started.
    await sleep(500);
    const answered = server.waitFor(inOrder('answer', (m) => m.id === 'during-analysis'), 'answer during the run');
    server.send({
      id: 'during-analysis',
      method: 'textDocument/codeAction',
      params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } },
    });
    assert.deepStrictEqual((await answered).result, []);
    const [note] = (await published).params.diagnostics;
    assert.deepStrictEqual(arrived, ['answer', 'diagnostics']);
    // The default step budget, not the rejected maxSteps of 10 (on a busy machine the 2 s clock runs out first).
    // The loop's lines are 2 and 3 (3.11 puts its jump back on the `while` line; `auto` follows python3).
    assert.strictEqual(note.severity, 3 /* Information */);
    assert.match(
      note.message,
      /^Memory Lens: simulation stopped at line [23]: (step budget \(2000000 steps\)|wall-clock budget \(2000 ms\)) used up — findings cover the part that ran$/,
    );
  });

  it('runs again with a new maxSteps', async () => {
    const uri = 'file:///tmp/memlens-server-test/long.py';
    const republished = server.waitFor(
      (m) => diagnosticsFor(uri, 1)(m) && /\(5000 steps\)/.test(m.params.diagnostics[0]?.message),
      'diagnostics under the new budget',
      ANALYSIS_MS,
    );
    await configure(server, { maxSteps: 5000 });
    const [note] = (await republished).params.diagnostics;
    assert.strictEqual(note.range.start.line, 0);
    const cleared = server.waitFor(
      (m) => diagnosticsFor(uri, 1)(m) && m.params.diagnostics.length === 0,
      'no diagnostics once disabled',
      ANALYSIS_MS,
    );
    await configure(server, { enable: false });
    await cleared;
    await configure(server, {});
  });

  it('imports a sibling module from the editor before the disk', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'memlens-server-'));
    try {
      fs.writeFileSync(path.join(folder, 'helper.py'), 'y = 42\n');
      const main = pathToFileURL(path.join(folder, 'main.py')).href;
      open(server, pathToFileURL(path.join(folder, 'helper.py')).href, 'y = 1 / 0\n');
      const published = server.waitFor(diagnosticsFor(main, 1), 'diagnostics of main.py', ANALYSIS_MS);
      open(server, main, 'import helper\nprint(helper.y)\n');
      const [note] = (await published).params.diagnostics;
      assert.strictEqual(
        note?.message,
        'Memory Lens: the simulated run ended with an uncaught ZeroDivisionError: division by zero — findings cover the part that ran',
      );
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('shuts down and exits cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    const response = await server.request('shutdown', null);
    assert.strictEqual(response.result, null);
    server.notify('exit');
    assert.strictEqual(await exited, 0);
  });
});
