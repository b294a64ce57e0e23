// `memoryLens.pythonVersion: auto` (server/interpreter.ts): the workspace interpreter's version decides, asked of
// the interpreter itself. Fake interpreters (shell scripts printing a version) stand in for installed Pythons;
// the language server is then started with one as the Python extension's selection.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, describe, it } from 'node:test';
import { autoVersion, interpreterVersion } from '../server/interpreter';
import { LspStdioClient, type Message } from './lsp-stdio';

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memlens-auto-'));

/** A script that answers `-c ...` by printing `printed` (and exits 1 when `printed` is null). */
function fakePython(name: string, printed: string | null): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, printed === null ? '#!/bin/sh\nexit 1\n' : `#!/bin/sh\necho '${printed}'\n`, { mode: 0o755 });
  return file;
}

describe('pythonVersion auto: the interpreter decides', () => {
  it('asks an interpreter its major.minor, and nothing when it does not answer one', () => {
    assert.strictEqual(interpreterVersion(fakePython('py312', '3.12')), '3.12');
    assert.strictEqual(interpreterVersion(fakePython('broken', null)), null);
    assert.strictEqual(interpreterVersion(fakePython('chatty', 'Python 3.12.1')), null);
    assert.strictEqual(interpreterVersion(path.join(dir, 'missing')), null);
  });

  it('takes the first interpreter that answers, and says so when its version is not simulated', () => {
    assert.deepStrictEqual(autoVersion([undefined, path.join(dir, 'missing'), fakePython('py314', '3.14')]), {
      version: '3.14', interpreter: path.join(dir, 'py314'),
    });
    const old = autoVersion([fakePython('py310', '3.10'), fakePython('py311', '3.11')]);
    assert.strictEqual(old.version, '3.13');
    assert.match(old.note!, /^the workspace's Python \(.*py310\) is 3\.10, which is not simulated \(3\.11, 3\.12, 3\.13, 3\.14\): simulating 3\.13/);
    assert.deepStrictEqual(autoVersion([path.join(dir, 'missing')]), { version: '3.13', note: 'no Python interpreter answered: simulating 3.13' });
  });

  it('is python3 when the machine has CPython 3.11 (as the oracle machine does)', () => {
    const found = interpreterVersion('python3');
    if (found !== '3.11') return; // another machine: the cases above cover the rule
    assert.deepStrictEqual(autoVersion([undefined, 'python3']), { version: '3.11', interpreter: 'python3' });
  });
});

describe('the language server follows the selected interpreter', { timeout: 120_000 }, () => {
  const servers: LspStdioClient[] = [];
  /** Valid on 3.12+ (where the simulator says it does not model it), invalid syntax on 3.11. */
  const TYPE_ALIAS = 'type Pair = tuple[int, int]\n';

  after(() => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts a server with `pythonPath` as the Python extension's selection; default settings (auto). */
  async function start(pythonPath: string): Promise<LspStdioClient> {
    const server = new LspStdioClient(process.execPath, [SERVER, '--stdio']);
    servers.push(server);
    await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { pythonPath } });
    server.notify('initialized', {});
    return server;
  }

  const published = (server: LspStdioClient, uri: string) =>
    server.waitFor((m: Message) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 'diagnostics', 60_000);

  /** The line-1 note of the type statement's run. */
  async function note(server: LspStdioClient, uri: string): Promise<string> {
    const diagnostics = published(server, uri);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: TYPE_ALIAS } });
    return (await diagnostics).params.diagnostics.map((d: { message: string }) => d.message).join('\n');
  }

  it('simulates 3.12 for a 3.12 interpreter and 3.11 for a 3.11 one', async () => {
    assert.strictEqual(await note(await start(fakePython('sel312', '3.12')), 'file:///tmp/memlens-auto/a.py'),
      'Memory Lens: not simulated: the type statement (PEP 695)');
    assert.strictEqual(await note(await start(fakePython('sel311', '3.11')), 'file:///tmp/memlens-auto/b.py'),
      'Memory Lens: not simulated: SyntaxError: invalid syntax');
  });

  it('tells the user once when the interpreter is a version it does not simulate, and re-asks on a new selection', async () => {
    const server = await start(fakePython('sel310', '3.10'));
    const uri = 'file:///tmp/memlens-auto/c.py';
    const told = server.waitFor((m: Message) => m.method === 'window/showMessage', 'the note', 60_000);
    const first = note(server, uri);
    const message = await told;
    assert.strictEqual(message.params.type, 3 /* MessageType.Info */);
    assert.match(message.params.message, /^Python Memory Lens: the workspace's Python \(.*sel310\) is 3\.10, which is not simulated .*simulating 3\.13/);
    assert.strictEqual(await first, 'Memory Lens: not simulated: the type statement (PEP 695)');
    // The Python extension selects a 3.11: the open document runs again, as 3.11.
    const again = published(server, uri);
    server.notify('memoryLens/pythonPath', { pythonPath: fakePython('sel311b', '3.11') });
    const messages = (await again).params.diagnostics.map((d: { message: string }) => d.message);
    assert.deepStrictEqual(messages, ['Memory Lens: not simulated: SyntaxError: invalid syntax']);
  });
});
