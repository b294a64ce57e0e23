// The parser against CPython's own: a slice of the standard library and our syntax fixtures, each compared with
// `ast.dump` from the machine's python3. Plus what the editor needs while code is half typed.
import * as assert from 'assert';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { checkFiles, stdlibFiles, summary, type FileResult } from './conformance/parserConformance';
import { parse, dump, decodeSource, SourceDecodeError } from '../shared/parser';
import { initNodeParser } from '../server/grammar';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/parser');
/** Every 12th stdlib file keeps `npm test` quick; `npm run conformance:parser` walks all of them. */
const STRIDE = 12;

describe('parser conformance with CPython (subset)', { timeout: 300_000 }, () => {
  let results: FileResult[] = [];

  before(async () => {
    const files = stdlibFiles().filter((_, i) => i % STRIDE === 0);
    files.push(...['strings.py', 'syntax.py', 'match.py'].map((f) => path.join(FIXTURES, f)));
    results = await checkFiles(files);
  });

  after(() => {
    console.log(summary(results));
  });

  it('produces the same AST and statement line numbers as CPython for every file it parses', () => {
    assert.ok(results.filter((r) => r.counted).length > 100, 'the subset is too small to mean anything');
    const wrong = results.filter((r) => r.counted && (!r.identical || !r.linenosIdentical));
    assert.deepStrictEqual(wrong.map((r) => `${r.path}\n${r.detail ?? 'line numbers differ'}`), []);
  });

  it('parses each of our syntax fixtures', () => {
    const fixtures = results.filter((r) => r.path.startsWith(FIXTURES));
    assert.strictEqual(fixtures.length, 3);
    for (const r of fixtures) assert.ok(r.counted && r.identical, r.path);
  });
});

describe('parser on code being typed', () => {
  before(async () => {
    await initNodeParser();
  });

  it('reports a syntax error with its line instead of throwing', () => {
    const result = parse('def f(:\n    pass\n');
    assert.strictEqual(result.errors.length, 1);
    assert.strictEqual(result.errors[0].lineno, 1);
    assert.match(result.errors[0].message, /invalid syntax/);
  });

  it('keeps the statements before the first error', () => {
    const result = parse('import gc\nx = [1, 2]\ny = (\n');
    assert.strictEqual(result.errors.length, 1);
    assert.deepStrictEqual(result.module.body.map((s) => s._type), ['Import', 'Assign']);
  });

  it('reports CPython\'s message for errors tree-sitter accepts', () => {
    const cases: [string, RegExp][] = [
      ['with a as f(): pass\n', /cannot assign to function call/],
      ['(a, b) += 1\n', /'tuple' is an illegal expression for augmented assignment/],
      ['del 1\n', /cannot delete literal/],
      ['x = "a" b"b"\n', /cannot mix bytes and nonbytes literals/],
      ['print "hello"\n', /Missing parentheses in call to 'print'/],
      ['def f(a=1, b): pass\n', /non-default argument follows default argument/],
      ['f(**k, a)\n', /positional argument follows keyword argument unpacking/],
      ['x = 012\n', /leading zeros/],
      ["s = '\\N{NO SUCH NAME}'\n", /unknown Unicode character name/],
    ];
    for (const [source, message] of cases) {
      const result = parse(source);
      assert.strictEqual(result.errors.length, 1, source);
      assert.match(result.errors[0].message, message, source);
      assert.strictEqual(result.errors[0].lineno, 1);
    }
  });

  it('never throws, whatever the text', () => {
    const junk = ['', '\n\n', ')))', 'def', 'class :', 'f"{', "'''", 'x = [1,\n', '\u0000\u0001', 'match x:\n case', '@\n', 'lambda: (yield from'];
    for (const text of junk) {
      const result = parse(text);
      assert.ok(Array.isArray(result.errors));
      assert.strictEqual(result.module._type, 'Module');
    }
  });

  it('dumps as the chosen version\'s ast.dump does', () => {
    const module = parse('def f[T](x): pass\n').module;
    assert.match(dump(module, { version: '3.12' }), /type_params=\[TypeVar\(name='T'\)\]/);
    assert.doesNotMatch(dump(module, { version: '3.11' }), /type_params/);
  });
});

describe('source decoding', () => {
  it('honours a PEP 263 coding cookie and refuses bytes it cannot decode', () => {
    const latin1 = Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\nx = "'), Buffer.from([0xe9]), Buffer.from('"\n')]);
    assert.strictEqual(decodeSource(latin1), '# -*- coding: latin-1 -*-\nx = "é"\n');
    assert.throws(() => decodeSource(Buffer.from([0x78, 0x3d, 0xff, 0x0a])), SourceDecodeError);
    assert.throws(() => decodeSource(Buffer.from('x = 1\0\n')), SourceDecodeError);
    assert.strictEqual(decodeSource(Buffer.from('\ufeffx = 1\r\n')), 'x = 1\n');
  });
});
