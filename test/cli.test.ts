// `memlens` as a user meets it: help, the AST of a good file, and one plain line for every input it refuses.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { assertRefused } from './memlens';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function memlens(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('memlens', { timeout: 60_000 }, () => {
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memlens-cli-'));
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--help lists the parse command', () => {
    const result = memlens('--help');
    assert.strictEqual(result.status, 0);
    assert.match(result.stdout, /^\s+parse FILE/m);
    assert.strictEqual(result.stderr, '');
  });

  it('parse prints the module of a good file', () => {
    const good = file('good.py', 'import gc\nx = [1, 2]\ndel x\ngc.collect()\n');
    for (const args of [[good], [good, '--python', '3.11'], ['--python=3.14', good]]) {
      const result = memlens('parse', ...args);
      assert.strictEqual(result.status, 0, result.stderr);
      assert.match(result.stdout, /^Module\(/);
      assert.ok(result.stdout.endsWith('\n'));
    }
  });

  it('parse --python 3.11 prints what the machine\'s CPython 3.11 prints', (t) => {
    const example = path.resolve(__dirname, '../../examples/tree.py');
    const script =
      'import ast, sys; assert sys.version_info[:2] == (3, 11); print(ast.dump(ast.parse(open(sys.argv[1], "rb").read())))';
    const cpython = spawnSync('python3', ['-c', script, example], { encoding: 'utf8' });
    if (cpython.status !== 0) return t.skip('no CPython 3.11 as python3');
    const result = memlens('parse', example, '--python', '3.11');
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout, cpython.stdout);
  });

  it('parse reports a syntax error as CPython does, with status 1', () => {
    const broken = file('broken.py', 'x = 1\ndef f(:\n    pass\n');
    const result = memlens('parse', broken);
    assert.strictEqual(result.status, 1);
    assert.strictEqual(result.stdout, '');
    assert.match(result.stderr, new RegExp(`^  File "${escapeRegExp(broken)}", line 2\n`));
    assert.match(result.stderr, /\nSyntaxError: .+\n$/);
  });

  it('run stops an endless loop at the step budget, keeping what it printed', () => {
    const loop = file('loop.py', 'print("before")\nwhile True:\n    pass\n');
    const result = memlens('run', loop, '--max-steps', '10000');
    assert.strictEqual(result.status, 3, result.stderr);
    assert.strictEqual(result.stdout, 'before\n');
    assert.match(result.stderr, /^memlens: simulation stopped at line [23]: step budget \(10000 steps\) used up\n$/);
  });

  it('run stops an endless loop at the wall-clock budget', () => {
    // The step budget is far out of reach, so only the clock can stop it (whenever that is: nothing is timed).
    const loop = file('loop.py', 'while True:\n    pass\n');
    const result = memlens('run', loop, '--max-ms=50', '--max-steps=1000000000000');
    assert.strictEqual(result.status, 3, result.stderr);
    assert.match(result.stderr, /^memlens: simulation stopped at line [12]: wall-clock budget \(50 ms\) used up\n$/);
  });

  it('run stops one long builtin call at the wall-clock budget', () => {
    // sum() iterates natively: no bytecode runs, so the eval loop's clock never gets a look in.
    const long = file('long.py', 'print(sum(range(10**13)))\n');
    const result = memlens('run', long, '--max-ms=50');
    assert.strictEqual(result.status, 3, result.stderr);
    assert.match(result.stderr, /^memlens: simulation stopped at line 1: wall-clock budget \(50 ms\) used up\n$/);
  });

  it('run imports sibling modules from the program\'s folder as python3 does', (t) => {
    const folder = fs.mkdtempSync(path.join(dir, 'sibling-'));
    fs.writeFileSync(path.join(folder, 'helper.py'), [
      'import sys',
      'import partner',
      'ITEMS = [1, 2]',
      'print("helper runs as", __name__)',
      'def boom(x):',
      '    return x / 0',
      '',
    ].join('\n'));
    // A circular import: helper is still initializing while partner runs.
    fs.writeFileSync(path.join(folder, 'partner.py'), [
      'import helper',
      'try:',
      '    helper.ITEMS',
      'except AttributeError as e:',
      '    print(e)',
      'try:',
      '    from helper import ITEMS',
      'except ImportError as e:',
      '    print(str(e).replace(helper.__file__, "helper.py"))',
      '',
    ].join('\n'));
    // Never imported, so never read: a file that does not even parse is no concern.
    fs.writeFileSync(path.join(folder, 'broken.py'), 'def f(:\n');
    const main = path.join(folder, 'main.py');
    fs.writeFileSync(main, [
      'import sys',
      'import helper',
      'from helper import ITEMS, boom',
      'import helper as again',
      'print(helper is again, ITEMS is helper.ITEMS, sys.getrefcount(helper), sys.getrefcount(ITEMS))',
      'try:',
      '    from helper import nothing',
      'except ImportError as e:',
      '    print(e)',
      'boom(1)',
      '',
    ].join('\n'));
    const result = memlens('run', main, '--python', '3.11');
    const cpython = spawnSync('python3', ['main.py'], { cwd: folder, encoding: 'utf8' });
    if (cpython.status === null || !/^Python 3\.11\./.test(spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout)) {
      return t.skip('no CPython 3.11 as python3');
    }
    assert.strictEqual(result.stdout, cpython.stdout);
    assert.strictEqual(result.status, cpython.status);
    // The traceback runs through helper.py under its full path (the simulator does not draw CPython's carets).
    const frames = (text: string) => text.split('\n').filter((line) => /^  File /.test(line));
    assert.deepStrictEqual(frames(result.stderr), frames(cpython.stderr));
    assert.match(result.stderr, new RegExp(`File "${escapeRegExp(path.join(fs.realpathSync(folder), 'helper.py'))}", line 6, in boom`));
    assert.match(result.stderr, /\nZeroDivisionError: division by zero\n$/);
  });

  it('run imports the program\'s own packages as python3 does', (t) => {
    if (!/^Python 3\.11\./.test(spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout ?? '')) {
      return t.skip('no CPython 3.11 as python3');
    }
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(dir, 'packages-')));
    const tree: Record<string, string[]> = {
      'pkg/__init__.py': [
        'print("pkg runs as", __name__, __package__, __file__, __path__)',
        'VALUE = 1',
        'from . import helper',
        'print("helper is bound:", helper is __import__("sys").modules["pkg.helper"])',
      ],
      'pkg/helper.py': [
        'print("helper runs as", __name__, __package__, __file__)',
        'from .sub.deep import D',
        'from .sub import deep',
        'def f():',
        '    return D, deep.__name__',
      ],
      // Runs while pkg is still initializing: VALUE is already set.
      'pkg/sub/__init__.py': ['from .. import VALUE', 'print("sub sees", VALUE, __package__, __path__)'],
      'pkg/sub/deep.py': [
        'D = "deep"',
        'try:',
        '    from .... import nothing',
        'except ImportError as e:',
        '    print(type(e).__name__, e)',
      ],
      'pkg/lazy.py': ['print("lazy runs as", __name__)'],
      'pkg/plain.py': ['X = 1'],
      // A folder without __init__.py: a namespace package.
      'ns/inner/m.py': ['X = "namespace"', 'from . import sibling', 'print(__name__, __package__, sibling.Y)'],
      'ns/inner/sibling.py': ['Y = "sibling"'],
      // A cycle that works (b reads a only when called) and one that fails (b needs a name a has not yet set).
      'cyc/__init__.py': [],
      'cyc/a.py': ['from . import b', 'A = "a"', 'print("a sees", b.get())'],
      'cyc/b.py': [
        'from . import a',
        'import cyc.a',
        'try:',
        '    cyc.a',
        'except AttributeError as e:',
        '    print(e)',
        'def get():',
        '    return a.A',
      ],
      'bad/__init__.py': [],
      'bad/a.py': ['from .b import B', 'A = 1'],
      'bad/b.py': ['from .a import A', 'B = 1'],
      'beyond/__init__.py': ['from .. import x'],
      'main.py': [
        'import sys',
        'import pkg',
        'print(pkg.__name__, pkg.__package__, pkg.__path__, pkg.__file__)',
        'import pkg.sub.deep',
        'print(pkg.sub.deep.D, pkg.sub.deep.__package__, pkg.sub.deep.__file__, "__path__" in vars(pkg.sub.deep))',
        'import pkg.sub.deep as d',
        'print(d is sys.modules["pkg.sub.deep"], pkg.sub is sys.modules["pkg.sub"], pkg.sub.deep is d)',
        'print(sorted(k for k in sys.modules if k.startswith("pkg")))',
        'from pkg import helper, VALUE',
        'from pkg.helper import f',
        'from pkg.sub import deep',
        'print(f(), helper.__name__, VALUE, deep is d)',
        'print("lazy" in vars(pkg))',
        'from pkg import lazy',
        'print(lazy.__name__, pkg.lazy is lazy, lazy.__package__)',
        'import pkg.plain as p',
        'print(p.X, p.__name__)',
        'try:',
        '    import pkg.missing',
        'except ModuleNotFoundError as e:',
        '    print(type(e).__name__, e, e.name)',
        'try:',
        '    from pkg import nothing',
        'except ImportError as e:',
        '    print(type(e).__name__, e)',
        'try:',
        '    import pkg.plain.x',
        'except ModuleNotFoundError as e:',
        '    print(type(e).__name__, e, e.name)',
        'try:',
        '    from . import pkg',
        'except ImportError as e:',
        '    print(type(e).__name__, e)',
        'print(__package__)',
        'import ns.inner.m',
        'print(ns.__file__, ns.__package__, ns.inner.m.X, ns.inner.m.__package__, ns.inner.__file__)',
        'import cyc.a',
        'print(sorted(k for k in sys.modules if k.startswith("cyc")), cyc.a is cyc.b.a)',
        'try:',
        '    import bad.a',
        'except ImportError as e:',
        '    print(type(e).__name__, e)',
        'print(sorted(k for k in sys.modules if k.startswith("bad")), hasattr(sys.modules["bad"], "a"))',
        'try:',
        '    import beyond',
        'except ImportError as e:',
        '    print(type(e).__name__, e)',
        'print("beyond" in sys.modules)',
      ],
      // Uncaught: the last line of stderr is the error.
      'missing.py': ['import pkg.missing'],
      'nothing.py': ['from pkg import nothing'],
      'relative.py': ['from .pkg import helper'],
      'beyond_main.py': ['import beyond'],
      'circular.py': ['import bad.a'],
      'notpackage.py': ['import pkg.plain.x'],
    };
    for (const [name, lines] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), lines.map((line) => `${line}\n`).join(''));
    }
    const lastLine = (text: string) => text.trimEnd().split('\n').pop();
    for (const main of ['main.py', 'missing.py', 'nothing.py', 'relative.py', 'beyond_main.py', 'circular.py', 'notpackage.py']) {
      const cpython = spawnSync('python3', [main], { cwd: folder, encoding: 'utf8' });
      const result = memlens('run', path.join(folder, main), '--python', '3.11');
      assert.strictEqual(result.stdout, cpython.stdout, `${main}\n${result.stderr}`);
      assert.strictEqual(result.status, cpython.status, `${main}\n${result.stderr}`);
      assert.strictEqual(lastLine(result.stderr), lastLine(cpython.stderr), main);
    }
  });

  it('refuses a budget that is not a positive whole number', () => {
    for (const bad of [['--max-steps', '0'], ['--max-ms', '-5'], ['--max-ms=1.5'], ['--max-steps']]) {
      assertRefused(memlens('run', 'x.py', ...bad));
    }
  });

  it('reports the memory of a run with --memory: the peak, each line, what is still allocated, stdout untouched', () => {
    const program = file('memory.py', [
      'def build(n):',
      '    return [str(i) * 10 for i in range(n)]',
      '',
      'data = build(2000)',
      'del data',
      'kept = {i: [i] for i in range(300)}',
      'print(len(kept))',
      '',
    ].join('\n'));
    const plain = memlens('run', program, '--python', '3.11');
    const result = memlens('run', program, '--python', '3.11', '--memory');
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout, plain.stdout);
    const lines = result.stderr.split('\n');
    assert.strictEqual(lines[0], 'memlens: memory of the run (CPython 3.11, native64):');
    // The list of 2,000 strings is the peak, made on line 2; the dict of lists is what remains at the program's end.
    assert.match(lines[1], /^peak (1[5-9]\d|2\d\d)\.\d KiB in use, after .*memory\.py:2 \(step [\d,]+\); (2\d|3\d)\.\d KiB in use when the program ended$/);
    const row = (line: number) => lines.find((l) => new RegExp(`^\\S*memory\\.py:${line}\\s`).test(l)) ?? '';
    assert.match(row(2), /KiB\s+[\d.]+ KiB\s+[\d,]+\s+return \[str\(i\) \* 10 for i in range\(n\)\]$/);
    assert.match(row(5), /^\S+memory\.py:5\s+0 bytes\s+1\d\d\.\d KiB\s+0\s+del data$/);
    const stats = lines.slice(lines.indexOf("Still allocated then, by line (top 10, as tracemalloc's statistics('lineno')):") + 1).filter(Boolean);
    assert.match(stats[0], /memory\.py:6: size=\d+\.\d KiB, count=\d+, average=\d+ bytes$/);
    assert.ok(!stats.some((l) => /memory\.py:2:/.test(l)), 'the list built on line 2 was freed by `del data`');
  });

  it('refuses a missing file', () => assertRefused(memlens('parse', path.join(dir, 'missing.py'))));
  it('refuses a directory', () => assertRefused(memlens('parse', dir)));
  it('refuses a binary file', () => assertRefused(memlens('parse', file('nul.py', Buffer.from('x = 1\0\n')))));
  it('refuses invalid UTF-8', () => assertRefused(memlens('parse', file('latin.py', Buffer.from('x = "\xe9"\n', 'latin1')))));
  it('refuses a 20 MB file', () => assertRefused(memlens('parse', file('huge.py', Buffer.alloc(20 * 2 ** 20, 'x=1\n')))));
  it('refuses an unknown command', () => assertRefused(memlens('frobnicate', 'x.py')));
  it('refuses an unknown option', () => assertRefused(memlens('parse', '--frobnicate', 'x.py')));
  it('refuses an unsupported --python', () => assertRefused(memlens('parse', 'x.py', '--python', '3.10')));
  it('refuses no command', () => assertRefused(memlens()));
});
