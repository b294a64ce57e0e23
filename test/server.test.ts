// The language server over --stdio, as an LSP editor other than VS Code would start it.
import * as assert from 'assert';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { LspStdioClient, type Message } from './lsp-stdio';

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const URI = 'file:///tmp/memlens-server-test/broken.py';

function diagnosticsFor(uri: string, version: number): (m: Message) => boolean {
  return (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version;
}

describe('language server over stdio', { timeout: 30_000 }, () => {
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
      capabilities: { workspace: { configuration: true } },
    });
    assert.strictEqual(response.error, undefined);
    assert.ok(response.result.capabilities.textDocumentSync, JSON.stringify(response.result));
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

  it('shuts down and exits cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    const response = await server.request('shutdown', null);
    assert.strictEqual(response.result, null);
    server.notify('exit');
    assert.strictEqual(await exited, 0);
  });
});
