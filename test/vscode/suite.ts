// Runs inside VS Code's extension host (test-electron loads this module and awaits run()): the extension
// activates on a Python file and its language server publishes the file's syntax errors.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'python-memory-lens.python-memory-lens';
const SOURCE = 'Python Memory Lens';
const TIMEOUT_MS = 30_000;

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The first non-empty set of our diagnostics for `uri`, waiting for the server if need be. */
function diagnosticsFor(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const now = ourDiagnostics(uri);
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no diagnostics for ${uri.toString()} within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = ourDiagnostics(uri);
      if (diagnostics.length === 0) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

function assertSyntaxErrorOnFirstLine(diagnostics: vscode.Diagnostic[]): void {
  assert.ok(
    diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line === 0),
    `expected an error on line 0, got ${JSON.stringify(diagnostics)}`,
  );
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test instance`);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memlens-vscode-')), 'broken.py');
  fs.writeFileSync(file, 'def f(:\n');
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  assert.strictEqual(document.languageId, 'python');
  assertSyntaxErrorOnFirstLine(await diagnosticsFor(document.uri));
  assert.ok(extension.isActive, 'the extension did not activate on a Python file');

  const untitled = await vscode.workspace.openTextDocument({ language: 'python', content: 'class C(\n' });
  assertSyntaxErrorOnFirstLine(await diagnosticsFor(untitled.uri));

  // Until the heap panel exists, the command only says so; it must not fail.
  await vscode.commands.executeCommand('memoryLens.openHeapPanel');
  console.log('vscode suite: passed');
}
