// The compiler against CPython 3.11's: for each snippet and a slice of the standard library, every code object's
// instruction names (as `dis` shows them, minus RESUME/PRECALL/CACHE/NOP/EXTENDED_ARG and jump directions), line
// numbers, constants, names, locals and flags are compared with the machine's python3; every code object must pass
// the stack-depth verifier; the SyntaxErrors the compiler raises are compared with python3's (message, line,
// column). 3.12's inlined comprehensions are compared with CPython 3.12 (pyodide).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { after, before, describe, it } from 'node:test';
import * as fs from 'fs';
import { initNodeParser } from '../server/grammar';
import { decodeSource, parse } from '../shared/parser';
import { stdlibFiles } from './conformance/parserConformance';
import { CodeObject } from '../shared/interpreter/code';
import { compileModule, CompileError } from '../shared/interpreter/compiler';
import { allCodeObjects, constRepr, disassemble, opName, verifyTree } from '../shared/interpreter/dis';
import { Op } from '../shared/interpreter/opcodes';
import { PyDict, PyInt, PyObject, PySet, PyStr, PyTuple } from '../shared/interpreter/objects';
import { Runtime, rt, setRuntime } from '../shared/interpreter/runtime';
import { attachDicts, makeTypeTable } from '../shared/interpreter/typetable';
import { setKeys } from '../shared/interpreter/types/set';

/** A runtime with just what the compiler needs: the type objects and the cached singletons. */
function minimalRuntime(v = 311): Runtime {
  const r = new Runtime({ v, ptr: 8 });
  setRuntime(r);
  const t = makeTypeTable();
  r.t = t;
  attachDicts(t, () => new PyDict(t.dict));
  const immortal = <T extends PyObject>(o: T): T => {
    o.ob_refcnt = 1 << 28;
    return o;
  };
  r.None = immortal(new PyObject(t.NoneType));
  r.NotImplemented = immortal(new PyObject(t.NotImplementedType));
  r.Ellipsis = immortal(new PyObject(t.ellipsis));
  r.False = immortal(new PyInt(t.bool, 0));
  r.True = immortal(new PyInt(t.bool, 1));
  for (let i = -5; i <= 256; i++) r.smallInts.push(immortal(new PyInt(t.int, i)));
  r.emptyStr = immortal(new PyStr(t.str, ''));
  for (let c = 0; c < 256; c++) r.latin1.push(immortal(new PyStr(t.str, String.fromCharCode(c))));
  r.emptyTuple = immortal(new PyTuple(t.tuple, []));
  return r;
}

const S: Record<string, string> = {
  empty: '',
  docstring_module: '"""doc"""\nx = 1\n',
  assign: 'a = 1\nb = c = a + 2\nd, e = e, d\nf = g = h = []\n',
  arith: 'x = a + b * c - d / e // f % g ** h\ny = -a + ~b\nz = not a\nw = a @ b << c >> d | e & f ^ g\n',
  augassign: 'x += 1\na.b -= 2\na[i] *= 3\na[i:j] //= 4\n',
  calls: 'f()\nf(1, 2)\nf(a, b=2, c=3)\no.m(1)\no.m(x, y=1)\nf(*a)\nf(*a, **k)\nf(1, *a, 2, b=3, **k)\nf(**k)\no.m(*a)\nprint("hi", end="")\n',
  many_args: 'f(' + Array.from({ length: 35 }, (_, i) => `a${i}`).join(', ') + ')\n' + 'o.m(' + Array.from({ length: 31 }, (_, i) => `a${i}`).join(', ') + ')\n',
  displays: 'a = [1, 2, 3]\nb = (1, 2, x)\nc = {1, 2, 3}\nd = {"a": 1, "b": 2}\ne = {x: 1, **y, "z": 2}\nf = [*a, *b]\ng = (*a, 1)\nh = {*a, 1}\ni = [x]\nj = {}\nk = ()\nl = {a: b}\n',
  big_displays: 'a = [' + Array.from({ length: 40 }, (_, i) => `x${i}`).join(', ') + ']\nb = {' + Array.from({ length: 20 }, (_, i) => `k${i}: v${i}`).join(', ') + '}\nc = (' + Array.from({ length: 33 }, (_, i) => `y${i}`).join(', ') + ')\n',
  const_folding: 'a = -1\nb = 2 ** 10\nc = "ab" * 3\nd = (1, 2) + (3,)\ne = 1 / 0\nf = 2 ** 200\ng = "x" * 5000\nh = (1, (2, 3), "s")\ni = 1 + 2j\nj = "abc"[1]\nk = ~5\nl = not 0\nm = 7 // 2, 7 % -3, -7.5 // 2, 1e300 * 1e10\nn = b"ab" + b"c"\no = 1 << 100\np = 10 / 4\nq = 2 ** -1\n',
  format_opt: 'x = "%s and %r and %-5s" % (a, b, c)\ny = "%+s" % (a,)\nz = "%s" % (1,)\nw = "%d" % (a,)\nv = "%s%%" % (a,)\n',
  compare: 'a < b\na < b < c\na == b != c\nx = a is None\ny = a is not b\nz = a in [1, 2]\nw = a not in {1, 2}\nif a < b < c:\n    pass\nif x is None:\n    y = 1\nif x is not None:\n    y = 2\nq = not a in b\n',
  boolops: 'x = a and b\ny = a or b or c\nz = a and (b or c)\nif a and b:\n    f()\nif a or b:\n    g()\nif not (a and b):\n    h()\nw = (a and b) or c\n',
  ifexp: 'x = a if b else c\nif (a if b else c):\n    f()\n',
  if_elif: 'if a:\n    f()\nelif b:\n    g()\nelse:\n    h()\nif __name__ == "__main__":\n    main()\n',
  while_loop: 'while a:\n    if b:\n        break\n    if c:\n        continue\n    f()\nelse:\n    g()\nwhile True:\n    x += 1\n    if x > 10:\n        break\n',
  for_loop: 'for i in range(10):\n    if i:\n        continue\n    print(i)\nelse:\n    done()\nfor x in [1, 2]:\n    pass\nfor a, (b, c) in d:\n    pass\nfor x in {1, 2}:\n    pass\nfor k in [1, y]:\n    pass\n',
  comprehensions: 'a = [x for x in y]\nb = {x for x in y if x}\nc = {k: v for k, v in d.items()}\ng = (x * 2 for x in y)\nn = [x + z for x in a for z in b if x if z]\nm = [[y for y in x] for x in z]\nt = [x for x in [1, 2, 3]]\nu = [y for x in a for y in [x]]\n',
  comp_in_function: 'def f(a):\n    b = 1\n    return [x + b for x in a if x > a[0]]\n',
  functions: 'def f(a, b=1, *args, c, d=2, **kw):\n    return a\ndef g(x, /, y, *, z):\n    pass\ndef h():\n    "docstring"\n    return\ndef k():\n    return 1\ndef l():\n    x = 1\n    y = x\n    del x\n',
  annotations_fn: 'def f(a: int, b: "str" = "x", *c: tuple, d: list = [], **e: dict) -> None:\n    pass\n',
  decorators: '@dec\ndef f():\n    pass\n@a.b(1)\n@c\nclass C:\n    pass\n',
  lambdas: 'f = lambda: 0\ng = lambda x, y=1: x + y\nh = lambda *a, **k: (a, k)\ni = lambda: (yield)\n',
  closures: 'def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner\ndef a(p):\n    def b():\n        def c():\n            return p\n        return c\n    return b\n',
  globals_: 'x = 0\ndef f():\n    global x\n    x = 1\n    return x\ndef g():\n    return x\n',
  generators: 'def g():\n    yield 1\n    x = yield\n    yield from h()\n    return 5\ndef h():\n    for i in range(3):\n        yield i\n',
  classes: 'class A:\n    "doc"\n    x = 1\n    def __init__(self, v):\n        self.v = v\n    def get(self):\n        return self.v\n    @property\n    def p(self):\n        return 1\n    @staticmethod\n    def s():\n        pass\nclass B(A, metaclass=M):\n    def __init__(self):\n        super().__init__(1)\n    def cls(self):\n        return __class__\nclass C(*bases, **kw):\n    pass\n',
  mangling: 'class C:\n    __x = 1\n    def m(self):\n        self.__y = 2\n        return self.__x + __z\n    def __n__(self):\n        return _C__x\n',
  nested_class: 'def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\nclass D:\n    class E:\n        pass\n',
  class_free: 'def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n',
  try_except: 'try:\n    f()\nexcept ValueError:\n    g()\nexcept (TypeError, KeyError) as e:\n    h(e)\nexcept:\n    raise\nelse:\n    k()\n',
  try_finally: 'try:\n    f()\nfinally:\n    g()\ntry:\n    a()\nexcept E as e:\n    b(e)\nelse:\n    c()\nfinally:\n    d()\n',
  try_in_function: 'def f():\n    try:\n        return a()\n    finally:\n        b()\ndef g():\n    for x in y:\n        try:\n            break\n        finally:\n            c()\ndef h():\n    try:\n        pass\n    except E as e:\n        return e\n',
  raise_: 'raise\nraise E\nraise E from c\n',
  except_star: 'try:\n    f()\nexcept* ValueError as e:\n    g(e)\nexcept* TypeError:\n    h()\n',
  with_: 'with a:\n    f()\nwith a as b, c as (d, e):\n    g()\ndef k():\n    with m() as x:\n        return x\nfor i in y:\n    with z:\n        continue\n',
  match_literals: 'match x:\n    case 1:\n        a()\n    case "s" | b"b":\n        b()\n    case None:\n        c()\n    case True:\n        d()\n    case -1:\n        e()\n    case 1+2j:\n        f()\n    case _:\n        g()\n',
  match_capture: 'match x:\n    case [a, b]:\n        f(a, b)\n    case [a, *rest]:\n        g(rest)\n    case (a, *_ , b):\n        h()\n    case {"k": v, **kw}:\n        i(v, kw)\n    case {"k": 1}:\n        pass\n    case Point(x=0, y=yy) as p:\n        j(p)\n    case Point(1, 2):\n        pass\n    case [*_]:\n        pass\n    case C.D:\n        pass\n    case y if y > 0:\n        k(y)\n    case [1, 2] | [3, 4]:\n        pass\n    case (p, q) | [q, p]:\n        pass\n    case z:\n        l(z)\n',
  match_single: 'match x:\n    case _:\n        pass\nmatch y:\n    case {}:\n        pass\n    case []:\n        pass\n',
  fstrings: 'a = f"{x}"\nb = f"x={x!r} y={y:>10} z={z!s:{w}}"\nc = f"{x!a}{y}"\nd = f"plain"\ne = f"{x:{a}.{b}}"\n',
  imports: 'import os\nimport os.path\nimport os.path as p\nimport a.b.c as d\nfrom . import x\nfrom .. import y as z\nfrom m import a, b as c\nfrom m import *\nimport a, b\n',
  future_import: 'from __future__ import annotations\nx: int = 1\n',
  assert_: 'assert x\nassert x, "msg"\nassert a and b, f(x)\n',
  del_: 'del x\ndel a.b\ndel a[1]\ndel a[1:2]\ndel x, (y, z)\ndef f():\n    a = 1\n    del a\n',
  ann_module: 'x: int\ny: list[int] = []\na.b: int = 1\nc[0]: str\nclass C:\n    z: int = 3\n    w: str\ndef f():\n    v: int = 1\n    u: str\n',
  future_annotations: 'from __future__ import annotations\nx: list[int] = []\ny: "quoted"\nclass C:\n    z: dict[str, tuple[int, ...]]\ndef f(a: int, b: C | None = None) -> list[str]:\n    v: int = 1\n',
  walrus: 'if (n := len(a)) > 10:\n    print(n)\nx = [y := f(z), y ** 2]\nr = [w for v in a if (w := v)]\ndef f(a):\n    return [last := x for x in a]\n',
  unpacking: 'a, *b = x\n*a, b = x\na, *b, c = x\n[a, b] = x\na, (b, c) = x\n(a, b), c = x\nfor a, *b in c:\n    pass\n',
  slices: 'a = b[1:2]\nc = d[::2]\ne = f[x:y:z]\ng[1:2] = h\ni = j[:, 1]\nk = l[1:2, ::3]\n',
  global_nonlocal: 'def f():\n    x = 1\n    def g():\n        global y\n        nonlocal x\n        y = x\n        x = 2\n    return g\n',
  unary_const: 'a = -(-1)\nb = +True\nc = -0.0\nd = not "x"\ne = ~True\nf = -(1, 2)\n',
  folding_in_loops: 'for x in (1, 2, 3):\n    pass\nif x in (1, 2):\n    pass\nif x not in [a, b]:\n    pass\n',
  return_const: 'def f():\n    return None\ndef g():\n    return (1, 2)\ndef h(x):\n    if x:\n        return 1\n    return 2\n',
  string_bytes: 'a = "x" "y"\nb = b"\\x00\\xff"\nc = "\\u00e9"\nd = r"\\n"\ne = """multi\nline"""\n',
  debug_: 'if __debug__:\n    x = 1\nwhile 0:\n    y()\nif 1:\n    z()\n',
  nested_funcs_defaults: 'def f(a=[], *, b={}):\n    def g(c=a):\n        return c\n    return g\n',
  yield_in_try: 'def g():\n    try:\n        yield 1\n    except E:\n        yield 2\n    finally:\n        yield 3\n',
  misc_stmts: 'pass\nx = ...\nprint(x)\n1\n"not a docstring"\n',
  multiline: 'x = f(\n    a,\n    b.c(\n        d\n    ),\n)\ny = (a\n     .b\n     .c())\n',
  method_on_import: 'import os\nos.getcwd()\nfrom os import path\npath.join(a, b)\n',
  genexp_arg: 'sum(x for x in y)\nf(a, (x for x in y))\n',
  chained_with_calls: 'if a() < b() < c():\n    pass\nx = f() < g() <= h()\n',
  while_else_break: 'def f(a):\n    while a:\n        a -= 1\n        if a == 5:\n            return a\n    else:\n        return -1\n',
  dict_comp_walrus_fn: 'def f(xs):\n    return {k: (v := k * 2) for k in xs}, v\n',
  class_method_super: 'class A(B):\n    def f(self):\n        super().f()\n        return [super().g() for _ in range(2)]\n',
  try_except_in_loop: 'for x in y:\n    try:\n        f(x)\n    except E:\n        continue\n    except F as e:\n        break\n',
  nested_try_finally_return: 'def f():\n    try:\n        try:\n            return g()\n        finally:\n            h()\n    finally:\n        i()\n',
  with_in_try: 'try:\n    with a as b:\n        c(b)\nexcept E:\n    pass\n',
  swap_store_fast: 'def f(a, b):\n    a, b = b, a\n    x, y, z = 1, 2, 3\n    return a, b\n',
  conditional_return: 'def f(x):\n    return x if x else None\n',
  lambda_in_class: 'class C:\n    f = lambda self: self\n    g = [x for x in range(3)]\n',
  star_args_in_class_call: 'class C(A, *b, metaclass=M, **k):\n    pass\n',
  import_in_function: 'def f():\n    import os\n    from os import path as p\n    return os, p\n',
  loop_else_return: 'def f(xs):\n    for x in xs:\n        if x:\n            return x\n    else:\n        return None\n',
  deep_boolean: 'if a and (b or c) and not d:\n    f()\nx = a and b and c\ny = a or (b and c)\n',
  aug_in_loop: 'def f(n):\n    total = 0\n    for i in range(n):\n        total += i * i\n    return total\n',
  global_in_class: 'class C:\n    global g\n    g = 1\n    def m(self):\n        return g\n',
  set_const_display: 'x = {1, 2, 3, 4}\ny = {1, a}\nz = [1, 2, 3, *w]\n',
  except_star_complex: 'def f():\n    try:\n        g()\n    except* (A, B) as eg:\n        h(eg)\n    except* C:\n        raise\n    else:\n        i()\n    finally:\n        j()\n',
  except_star_module: 'try:\n    f()\nexcept* (A, B) as e:\n    raise C from e\nexcept* D:\n    pass\nelse:\n    g()\nfinally:\n    h()\nfor x in y:\n    try:\n        k(x)\n    except* E as e:\n        print(e.exceptions)\n',
  match_or_reorder: 'match x:\n    case (a, b, c) | [c, a, b] | {"k": b, "j": [c, a]}:\n        f(a, b, c)\n    case Point(x=[1, *r], y=((2 | 3) as z)):\n        g(r, z)\n    case {C.D: v, 1: w, **rest}:\n        h(v, w, rest)\n    case [1, [2, *_], *_, last]:\n        pass\n',
  finally_flow: 'def f(xs):\n    for x in xs:\n        try:\n            try:\n                if x:\n                    continue\n                if not x:\n                    break\n                return x\n            finally:\n                g()\n        finally:\n            h()\n    return None\ndef k():\n    try:\n        return 1\n    finally:\n        return 2\ndef m():\n    for i in a:\n        try:\n            pass\n        finally:\n            break\n    while b:\n        try:\n            c()\n        finally:\n            continue\n',
  with_flow: 'def f(xs):\n    for x in xs:\n        with a(x) as b:\n            if b:\n                break\n            with c:\n                if d:\n                    continue\n                return b\n    with e as self.f, g as h[0]:\n        pass\n',
  except_cell: 'def f():\n    try:\n        g()\n    except E as e:\n        return lambda: e\n',
  del_cell: 'def f():\n    x = 1\n    def g():\n        return x\n    del x\n    return g\n',
  classderef: 'def f(x):\n    class C:\n        y = x\n        x = 2\n        z = x\n    return C\n',
  super_nested: 'class A(B):\n    def m(self):\n        def inner():\n            return super(A, self).m()\n        return inner, __class__\n',
  class_comp: 'class C:\n    xs = [1, 2]\n    ys = [x * 2 for x in xs]\n    __p = 1\n    zs = {k: __p for k in xs}\n',
  nonlocal_comp: 'def f():\n    n = 0\n    def g(xs):\n        nonlocal n\n        n += sum(x for x in xs)\n        return [y for y in xs if (n := n + y)]\n    return g\n',
  walrus_class_method: 'class C:\n    def m(self, xs):\n        return [y for x in xs if (y := x * 2) > self.lim]\n',
  folding_more: 'a = (1,) * 3\nb = "%s" % "x"\nc = 1 if True else 2\nd = a and True\nwhile 1:\n    if e:\n        break\nif not True:\n    f()\ng = (1, 2, (3, (4,)))\nh = [1, 2, 3] * 2\ni = -2 ** 2\nj = 3 * -1.5\nk = 1e308 * 10\nl = 10 ** 40\nm = 2 ** 130\nn = 0.1 + 0.2\no = 7.0 // 0.5\np = -7 % 3\nq = 5 // -2\nr = ~-1\ns = 1j * 1j\nt = 2 ** 0.5\nu = (2 + 3j) ** 2\nv = 1 / 3\nw = 2 ** -2\nx = "abc" * 0\ny = b"ab" * 3\nz = 1 - True\nx1 = 123456789012345678901234567890 / 7\nx2 = 10 ** 20 / 3\nx3 = -(10 ** 25) // 7\nx4 = 2 ** 53 + 1.0\nx5 = 1e300 * 1e300 - 1e300 * 1e300\nx6 = -7.5 % 2\nx7 = 2 ** 64 % 1000\nx8 = (1 + 2j) / (3 - 4j)\nx9 = 1e-320 / 1e10\n',
  return_star: 'def f(a, b):\n    return *a, b\ndef g():\n    yield *a, 1\n',
  yield_try_with: 'def g():\n    with a:\n        yield 1\n    try:\n        x = yield from b()\n    except E:\n        yield 2\n    finally:\n        yield 3\n',
  calls_more: 'f(*a, *b)\nf(**a, **b)\nf(a, *b, c=1, *d, **e)\nf(x=1, **k, y=2)\nprint(*args, sep="")\no.m(**k)\nf(a)(b)(c)\no.a.b.c(d)\n',
  dict_merge: 'x = {**a, **b}\ny = {"a": 1, **b, "c": 2, "d": 3}\nz = {1: 2, 3: 4, **c}\n',
  args_kinds: 'def f(a, b=1, /, c=2, *, d, e=3):\n    pass\ndef g(*args: *Ts):\n    pass\nh = lambda a, /, b, *, c=1: a\n',
  fstring_eq: 'x = f"{a=}"\ny = f"{a + b = :>10}"\nz = f"{a!r:{w}.{p}f}"\nw = f"{{literal}} {x}"\nv = u"u-prefix"\n',
  imports_more: 'import a.b.c\nfrom .mod import (a, b)\nfrom ...pkg.sub import c as d\nimport __future__\n',
  semicolons: 'a = 1; b = 2; c = a + b\nif a: b = 3\nwhile b: b -= 1\n',
  long_elif: 'if a == 1:\n    x = 1\nelif a == 2:\n    x = 2\nelif a == 3:\n    x = 3\nelif a in (4, 5):\n    x = 4\nelse:\n    x = 0\n',
  aug_globals: 'x = 0\ndef f():\n    global x\n    x += 1\n    y = 0\n    def g():\n        nonlocal y\n        y *= 2\n    return g\na.b[c].d += 1\nf().x += 2\n',
  loops_is_none: 'while x is None:\n    x = f()\nwhile x is not None:\n    x = g(x)\nfor i in r:\n    if i is None:\n        continue\n    h(i)\n',
  generator_exprs: 'g = (x for x in a for y in b if x if y)\nh = (y for y in (z for z in w))\nsum(i * i for i in range(10) if i % 2)\n',
  only_docstring: 'def f():\n    "only a docstring"\nclass C:\n    "doc"\ndef g():\n    """doc"""\n    return 1\n',
  annotations_future_unparse: 'from __future__ import annotations\na: lambda x, *y, z=1, **k: (x, y)\nb: [i for i in x if i] + {k: v for k, v in d} | {s for s in t}\nc: p if q else r\nd: -x ** -y + (not a) * ~b\ne: a[b, c]\ne2: a @ b\ne3: x[...]\nf: f"{x!r:>{w}} {{y}}" and "s" or b"b" or 1.5e300 or 1e400 or 2j\ng: (a, *b, *[c])\nnamed: [(a := 1) for q in r]\nh: x.y.z(1, *a, k=2, **kw).w\ni: 1 .real\nj: (x for x in y)\nk: call(x for x in y)\nl: a < b <= c is not d not in e\nm: (a, b) if c else (d,)\nn: {"a": 1, **b}\n',
  conditional_lambdas: 'f = lambda: (lambda: 1)\ng = lambda x: x if x else None\nh = [lambda i=i: i for i in range(3)]\n',
  try_else_finally_return: 'def f():\n    try:\n        a()\n    except E:\n        return 1\n    else:\n        return 2\n    finally:\n        b()\n',
  nested_functions_defaults_closure: 'def f(a):\n    def g(b=a, *, c=lambda: a):\n        return b, c\n    return g\n',
  class_private_import: 'class C:\n    import __priv\n    from m import __x\n    def m(self):\n        return __priv, self.__x\n',
  raise_in_loops: 'for x in y:\n    if x:\n        raise ValueError(x) from None\n    try:\n        pass\n    except:\n        raise\n',
  unpack_targets: 'a.b, c[d], *e.f = g\n[a, [b, *c]], d = e\nfor (a, b), *c in d:\n    pass\n',
  compare_const: 'x = 1 < 2\ny = "a" in "abc"\nz = a == b == c == d\n',
  star_comp_target: 'x = [a for *a, b in c]\n',
};

/** SyntaxErrors raised by CPython's compiler and symbol table (not its parser). */
const E: Record<string, string> = {
  return_outside: 'x = 1\nreturn x\n',
  break_outside: 'break\n',
  continue_outside: 'if x:\n    continue\n',
  yield_outside: 'yield 1\n',
  yield_class: 'class C:\n    yield 1\n',
  nonlocal_module: 'nonlocal x\n',
  no_binding_nonlocal: 'def f():\n    nonlocal x\n',
  used_before_global: 'def f():\n    print(x)\n    global x\n',
  assigned_before_global: 'def f():\n    x = 1\n    global x\n',
  param_global: 'def f(x):\n    global x\n',
  await_outside: 'await x\n',
  import_star_function: 'def f():\n    from m import *\n',
  walrus_comp_iter: '[x for x in (y := [1])]\n',
  walrus_rebind: '[x := 1 for x in y]\n',
  walrus_nested_iter: '[x for x in (lambda: (y := 1))()]\n',
  walrus_class: 'class C:\n    [(y := x) for x in z]\n',
  yield_listcomp: 'def f():\n    return [(yield x) for x in y]\n',
  future_late: 'x = 1\nfrom __future__ import annotations\n',
  future_unknown: 'from __future__ import nope\n',
  nonlocal_global: 'def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n',
  annotated_global: 'def f():\n    global x\n    x: int = 1\n',
  break_except_star: 'for x in y:\n    try:\n        pass\n    except* E:\n        break\n',
  match_unreachable: 'match x:\n    case y:\n        pass\n    case 1:\n        pass\n',
  match_alternatives: 'match x:\n    case [a] | [b]:\n        pass\n',
  match_duplicate: 'match x:\n    case [a, a]:\n        pass\n',
  default_except_last: 'try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n',
  dup_argument: 'def f(a, a):\n    pass\n',
  yield_annotation: 'from __future__ import annotations\nx: (yield)\n',
  await_annotation: 'from __future__ import annotations\ndef f(a: (await b)):\n    pass\n',
  walrus_annotation: 'from __future__ import annotations\nx: (y := 1)\n',
};

interface CodeSummary {
  name: string;
  ops: [string, number | null][];
  consts: string[];
  names: string[];
  locals: string[];
  flags: number;
  firstlineno: number;
  argcount: number;
  posonly: number;
  kwonly: number;
}

type OracleResult = { codes: CodeSummary[] } | { error: string; lineno: number; offset: number };

const ORACLE = String.raw`
import sys, json, dis, types, warnings
warnings.simplefilter('ignore')
def norm_ops(co):
    out = []
    for ins in dis.get_instructions(co):
        n = ins.opname
        if n in ('RESUME', 'PRECALL', 'CACHE', 'NOP', 'EXTENDED_ARG'):
            continue
        if n in ('JUMP_FORWARD', 'JUMP_BACKWARD', 'JUMP_BACKWARD_NO_INTERRUPT'):
            n = 'JUMP'
        elif n.startswith('POP_JUMP_FORWARD_IF_') or n.startswith('POP_JUMP_BACKWARD_IF_'):
            n = 'POP_JUMP_IF_' + n.split('_IF_', 1)[1]
        if n == 'LOAD_GLOBAL' and ins.arg & 1:
            out.append(['PUSH_NULL', ins.positions.lineno or None])
        out.append([n, ins.positions.lineno or None])
    return out
def crepr(c):
    if isinstance(c, types.CodeType):
        return '<code %s>' % c.co_qualname
    if isinstance(c, frozenset):
        return 'frozenset(' + ', '.join(sorted(map(crepr, c))) + ')'
    if isinstance(c, tuple):
        return '(' + ', '.join(map(crepr, c)) + (',' if len(c) == 1 else '') + ')'
    return repr(c)
def walk(co, acc):
    lp = list(co.co_varnames) + [c for c in co.co_cellvars if c not in co.co_varnames] + list(co.co_freevars)
    acc.append(dict(name=co.co_qualname, ops=norm_ops(co), consts=[crepr(c) for c in co.co_consts],
                    names=list(co.co_names), locals=lp, flags=co.co_flags, firstlineno=co.co_firstlineno,
                    argcount=co.co_argcount, posonly=co.co_posonlyargcount, kwonly=co.co_kwonlyargcount))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, acc)
out = []
for src in json.load(sys.stdin):
    try:
        if isinstance(src, dict):
            src = open(src['path'], 'rb').read()
        co = compile(src, 'snippet.py', 'exec')
    except SyntaxError as e:
        out.append(dict(error=e.msg, lineno=e.lineno, offset=e.offset))
        continue
    acc = []
    walk(co, acc)
    out.append(dict(codes=acc))
print(json.dumps(out))
`;

function runOracle(sources: (string | { path: string })[]): OracleResult[] {
  const r = spawnSync('python3', ['-c', ORACLE], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as OracleResult[];
}

/** repr() as the oracle writes it: frozensets sorted, code objects by qualname. */
function crepr(o: PyObject): string {
  if (o instanceof CodeObject) return `<code ${o.qualname}>`;
  if (o instanceof PySet) return 'frozenset(' + setKeys(o).map(crepr).sort().join(', ') + ')';
  if (o instanceof PyTuple) return '(' + o.items.map(crepr).join(', ') + (o.items.length === 1 ? ',' : '') + ')';
  return constRepr(o);
}

function summarize(co: CodeObject): CodeSummary[] {
  return allCodeObjects(co).map((c) => {
    const ops: [string, number | null][] = [];
    for (let i = 0; i < c.code.length / 2; i++) {
      const op = c.code[2 * i];
      if (op === Op.RESUME || op === Op.NOP) continue;
      ops.push([opName(op), c.lines[i] || null]);
    }
    return {
      name: c.qualname, ops, consts: c.consts.map(crepr), names: c.names.map((n) => (n as PyStr).value),
      locals: c.localsplusnames, flags: c.flags, firstlineno: c.firstlineno, argcount: c.argcount,
      posonly: c.posonlyargcount, kwonly: c.kwonlyargcount,
    };
  });
}

/** What `oracle` (Python run in a pyodide build, with SNIPPETS set to the snippets as JSON) prints as JSON: one
 *  list of strings per snippet. Null, with the test skipped, when that pyodide build cannot be loaded. */
async function pyodideAnswers(t: { skip(message: string): void }, pkg: string, snippets: string[], oracle: string): Promise<string[][] | null> {
  let pyodide: { runPython(code: string): unknown; globals: { set(k: string, v: unknown): void } };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadPyodide } = require(pkg) as { loadPyodide: () => Promise<typeof pyodide> };
    pyodide = await loadPyodide();
  } catch (e) {
    t.skip(`${pkg} is not available: ${e}`);
    return null;
  }
  pyodide.globals.set('SNIPPETS', JSON.stringify(snippets));
  return JSON.parse(pyodide.runPython(oracle) as string) as string[][];
}

function compileSource(src: string): CodeObject {
  const p = parse(src);
  if (p.errors.length) throw new Error(`parse error: ${p.errors[0].message} at line ${p.errors[0].lineno}`);
  return compileModule(p.module, 'snippet.py', { version: 311 });
}

/** The first difference between two instruction sequences, for the failure message. */
function opsDiff(ours: string[], theirs: string[]): string {
  let i = 0;
  while (i < ours.length && i < theirs.length && ours[i] === theirs[i]) i++;
  return `first difference at ${i}:\n  ours:    ${ours.slice(Math.max(0, i - 3), i + 6).join(' ')}\n  CPython: ${theirs.slice(Math.max(0, i - 3), i + 6).join(' ')}`;
}

describe('compiler', () => {
  before(async () => {
    await initNodeParser();
    minimalRuntime();
  });

  describe('against CPython 3.11 (python3)', () => {
    const names = Object.keys(S);
    let oracle: OracleResult[] = [];
    const figures = { ops: 0, lines: 0, objects: 0, total: names.length };

    before(() => {
      oracle = runOracle(names.map((n) => S[n]));
    });

    after(() => {
      console.log(`compiler vs CPython 3.11 dis: instruction names identical in ${figures.ops}/${figures.total} snippets, `
        + `with line numbers ${figures.lines}/${figures.total}, constants/names/locals/flags ${figures.objects}/${figures.total}`);
    });

    for (const name of names) {
      it(name, () => {
        const expected = oracle[names.indexOf(name)];
        assert.ok('codes' in expected, `python3 rejected the snippet: ${JSON.stringify(expected)}`);
        const co = compileSource(S[name]);
        assert.deepStrictEqual(verifyTree(co), [], disassemble(co));
        const ours = summarize(co);
        const theirs = expected.codes;
        const opNames = (c: CodeSummary[]) => c.map((x) => `${x.name}: ${x.ops.map((o) => o[0]).join(' ')}`);
        const oursOps = opNames(ours);
        const theirOps = opNames(theirs);
        const sameOps = JSON.stringify(oursOps) === JSON.stringify(theirOps);
        if (sameOps) figures.ops++;
        const sameLines = JSON.stringify(ours.map((x) => x.ops)) === JSON.stringify(theirs.map((x) => x.ops));
        if (sameLines) figures.lines++;
        const strip = (c: CodeSummary[]) => c.map(({ ops: _ops, ...rest }) => rest);
        const sameObjects = JSON.stringify(strip(ours)) === JSON.stringify(strip(theirs));
        if (sameObjects) figures.objects++;
        if (!sameOps) {
          const k = oursOps.findIndex((x, i) => x !== theirOps[i]);
          const o = ours[k];
          const t = theirs[k];
          assert.fail(`code object ${k} (${o?.name} / ${t?.name}) differs; ${o && t ? opsDiff(o.ops.map((x) => x[0]), t.ops.map((x) => x[0])) : ''}\n\n${disassemble(co)}`);
        }
        assert.deepStrictEqual(ours.map((x) => x.ops), theirs.map((x) => x.ops), 'line numbers');
        assert.deepStrictEqual(strip(ours), strip(theirs));
      });
    }
  });

  describe('against CPython 3.11 on the standard library (a subset)', () => {
    /** Every 40th file keeps `npm test` quick. */
    const STRIDE = 40;
    it('compiles every code object to the same instructions', () => {
      const files = stdlibFiles().filter((_, i) => i % STRIDE === 0);
      const oracle = runOracle(files.map((path) => ({ path })));
      let counted = 0;
      let notSimulated = 0;
      const total = { codes: 0, ops: 0, lines: 0, objects: 0 };
      const wrong: string[] = [];
      files.forEach((path, fi) => {
        const expected = oracle[fi];
        if (!('codes' in expected)) return;
        const parsed = parse(decodeSource(fs.readFileSync(path)));
        if (parsed.errors.length) return;
        let co: CodeObject;
        try {
          co = compileModule(parsed.module, path, { version: 311 });
        } catch (e) {
          if (e instanceof CompileError && e.notSimulated) {
            notSimulated++;
            return;
          }
          throw e;
        }
        counted++;
        const problems = verifyTree(co);
        if (problems.length) wrong.push(`${path}: ${problems[0]}`);
        const ours = summarize(co);
        const theirs = expected.codes;
        const strip = ({ ops: _ops, ...rest }: CodeSummary) => rest;
        theirs.forEach((t, k) => {
          const o = ours[k];
          total.codes++;
          if (!o) return;
          const sameOps = JSON.stringify(o.ops.map((x) => x[0])) === JSON.stringify(t.ops.map((x) => x[0]));
          if (sameOps) total.ops++;
          else wrong.push(`${path} ${t.name}: ${opsDiff(o.ops.map((x) => x[0]), t.ops.map((x) => x[0]))}`);
          if (sameOps && JSON.stringify(o.ops) === JSON.stringify(t.ops)) total.lines++;
          if (JSON.stringify(strip(o)) === JSON.stringify(strip(t))) total.objects++;
        });
      });
      console.log(`compiler vs CPython 3.11 on ${counted} stdlib files: instruction names identical in ${total.ops}/${total.codes} `
        + `code objects, with line numbers ${total.lines}/${total.codes}, constants/names/locals/flags ${total.objects}/${total.codes}; `
        + `${notSimulated} files not simulated (async)`);
      assert.ok(counted > 30, 'the subset is too small to mean anything');
      assert.deepStrictEqual(wrong, []);
    });
  });

  describe('3.12 comprehension inlining (PEP 709) against CPython 3.12 (pyodide)', () => {
    /** Instruction names of 3.12 mapped onto ours where only the encoding differs (RETURN_CONST, LOAD_ATTR's method
     *  bit, END_FOR after our FOR_ITER that pops the iterator, backward conditional jumps written as two jumps). */
    const ORACLE_312 = String.raw`
import json, dis, types
def norm(co):
    ins = [i for i in dis.get_instructions(co) if i.opname not in ('RESUME', 'CACHE', 'NOP', 'EXTENDED_ARG', 'END_FOR')]
    out = []
    k = 0
    while k < len(ins):
        i = ins[k]
        n = i.opname
        if n in ('JUMP_FORWARD', 'JUMP_BACKWARD', 'JUMP_BACKWARD_NO_INTERRUPT'):
            n = 'JUMP'
        inverse = {'POP_JUMP_IF_TRUE': 'POP_JUMP_IF_FALSE', 'POP_JUMP_IF_FALSE': 'POP_JUMP_IF_TRUE',
                   'POP_JUMP_IF_NONE': 'POP_JUMP_IF_NOT_NONE', 'POP_JUMP_IF_NOT_NONE': 'POP_JUMP_IF_NONE'}
        if n in inverse and k + 2 < len(ins) and ins[k + 1].opname == 'JUMP_BACKWARD' and i.argval == ins[k + 2].offset:
            out.append(inverse[n])
            k += 2
            continue
        if n == 'RETURN_CONST':
            out.append('LOAD_CONST')
            n = 'RETURN_VALUE'
        if n == 'LOAD_FAST_CHECK':
            n = 'LOAD_FAST'
        if n == 'LOAD_ATTR' and i.arg & 1:
            n = 'LOAD_METHOD'
        if n == 'LOAD_GLOBAL' and i.arg & 1:
            out.append('PUSH_NULL')
        out.append(n)
        k += 1
    return out
def walk(co, acc):
    lp = list(co.co_varnames) + [c for c in co.co_cellvars if c not in co.co_varnames] + list(co.co_freevars)
    acc.append('%s: %s | %s' % (co.co_qualname, ' '.join(norm(co)), ' '.join(lp)))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, acc)
result = []
for src in json.loads(SNIPPETS):
    acc = []
    walk(compile(src, 'snippet.py', 'exec'), acc)
    result.append(acc)
json.dumps(result)
`;
    const SNIPPETS_312 = [
      'def f(a):\n    return [x for x in a]\n',
      'x = [y * 2 for y in z]\n',
      'class C:\n    y = [x for x in z if w]\n',
      'def f(a):\n    return [lambda: x for x in a]\n',
      'z = [lambda: x for x in y]\n',
      'def f(a):\n    return [[x * y for y in a] for x in a if (n := x)]\n',
      'def f(a):\n    x = 1\n    r = {k: v for k, v in a}\n    s = {x for x in a}\n    return x, r, s\n',
      'def f(a):\n    def g():\n        return x\n    x = [x for x in a]\n    return g\n',
      'class C:\n    a = 1\n    b = [a for _ in range(3)]\n    c = {a: b for b in a}\n',
      'def f(xs):\n    return [(y := x) for x in xs], y\n',
      'x = 5\nr = [x for x in range(3)]\nprint(x)\n',
      'def f(a, b):\n    return [x for x in a for y in b]\n',
      'def outer():\n    n = 0\n    def f(xs):\n        nonlocal n\n        return [n + x for x in xs]\n    return f\n',
      'def f(a):\n    g = list(a)\n    return [y for y in g], {z: [w for w in z] for z in a}\n',
    ];

    it('compiles list, set and dict comprehensions inline as 3.12 does', async (t) => {
      const expected = await pyodideAnswers(t, 'pyodide-312', SNIPPETS_312, ORACLE_312);
      if (!expected) return;
      minimalRuntime(312);
      let same = 0;
      const wrong: string[] = [];
      SNIPPETS_312.forEach((src, i) => {
        const co = compileModule(parse(src).module, 'snippet.py', { version: 312, inlineComprehensions: true });
        const problems = verifyTree(co);
        const ours = allCodeObjects(co).map((c) => {
          const ops: string[] = [];
          for (let k = 0; k < c.code.length / 2; k++) {
            const op = c.code[2 * k];
            if (op !== Op.RESUME && op !== Op.NOP) ops.push(opName(op));
          }
          return `${c.qualname}: ${ops.join(' ')} | ${c.localsplusnames.join(' ')}`;
        });
        if (JSON.stringify(ours) === JSON.stringify(expected[i]) && !problems.length) same++;
        else wrong.push(`${src}\n  ours:    ${ours.join('\n           ')}\n  CPython: ${expected[i].join('\n           ')}\n  ${problems.join('; ')}`);
      });
      minimalRuntime();
      console.log(`3.12 inlined comprehensions vs CPython 3.12.7 dis: ${same}/${SNIPPETS_312.length} snippets identical`);
      assert.deepStrictEqual(wrong, []);
    });
  });

  describe('3.14 deferred annotations (PEP 649) against CPython 3.14 (pyodide)', () => {
    // The shape of every code object: the __annotate__ functions, their names and closures, and what they
    // take from the enclosing code (cells, __classdict__, __conditional_annotations__).
    const ORACLE_314 = String.raw`
import json, types
def walk(co, acc):
    acc.append('%s: args %d/%d | vars %s | cells %s | free %s | names %s' % (co.co_qualname, co.co_argcount,
        co.co_posonlyargcount, ' '.join(co.co_varnames), ' '.join(co.co_cellvars), ' '.join(co.co_freevars),
        ' '.join(co.co_names)))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, acc)
result = []
for src in json.loads(SNIPPETS):
    acc = []
    walk(compile(src, 'snippet.py', 'exec'), acc)
    result.append(acc)
json.dumps(result)
`;
    const SNIPPETS_314 = [
      'def f(x: int, *a: str, k: float = 1, **kw: bytes) -> None:\n    pass\n',
      'def outer():\n    T = int\n    def f(x: T) -> T:\n        return x\n    return f\n',
      'class C:\n    T = int\n    x: T\n    y: list[T] = []\n    def m(self, v: T) -> "C":\n        pass\n',
      'x: int = 1\nif x:\n    y: str\nz = 2\n',
      'class D:\n    a: int\n    if a:\n        b: int\n    for i in range(2):\n        c: i\n',
      'def outer():\n    U = 1\n    class K:\n        u: U\n        def g(self, p: U): pass\n    return K\n',
      'from __future__ import annotations\ndef f(x: T) -> T: pass\nclass C:\n    a: int\n',
      'class E:\n    (x): int = 1\n    self.y: int\n',
    ];

    it('compiles __annotate__ functions with the code objects CPython 3.14 makes', async (t) => {
      const expected = await pyodideAnswers(t, 'pyodide-314', SNIPPETS_314, ORACLE_314);
      if (!expected) return;
      minimalRuntime(314);
      const wrong: string[] = [];
      SNIPPETS_314.forEach((src, i) => {
        const co = compileModule(parse(src).module, 'snippet.py', { version: 314 });
        const ours = allCodeObjects(co).map((c) => {
          const nlocals = c.nlocals;
          const cells = c.localsplusnames.filter((_, k) => c.localspluskinds[k] === 'cell');
          const frees = c.localsplusnames.filter((_, k) => c.localspluskinds[k] === 'free');
          const names = c.names.map((n) => (n as PyStr).value);
          return `${c.qualname}: args ${c.argcount}/${c.posonlyargcount} | vars ${c.localsplusnames.slice(0, nlocals).join(' ')} | `
            + `cells ${cells.join(' ')} | free ${frees.join(' ')} | names ${names.join(' ')}`;
        });
        const problems = verifyTree(co);
        if (JSON.stringify(ours) !== JSON.stringify(expected[i]) || problems.length) {
          wrong.push(`${src}\n  ours:    ${ours.join('\n           ')}\n  CPython: ${expected[i].join('\n           ')}\n  ${problems.join('; ')}`);
        }
      });
      minimalRuntime();
      console.log(`3.14 annotation scopes vs CPython 3.14.2: ${SNIPPETS_314.length - wrong.length}/${SNIPPETS_314.length} snippets identical`);
      assert.deepStrictEqual(wrong, []);
    });
  });

  describe('SyntaxErrors as CPython raises them', () => {
    const names = Object.keys(E);
    let oracle: OracleResult[] = [];
    before(() => {
      oracle = runOracle(names.map((n) => E[n]));
    });
    for (const name of names) {
      it(name, () => {
        const expected = oracle[names.indexOf(name)];
        assert.ok('error' in expected, 'python3 compiled the snippet');
        const p = parse(E[name]);
        if (p.errors.length) {
          // Our parser found it first (CPython's parser reports some of these too).
          assert.strictEqual(p.errors[0].message, expected.error);
          return;
        }
        assert.throws(() => compileModule(p.module, 'snippet.py', { version: 311 }), (e: unknown) => {
          assert.ok(e instanceof CompileError, String(e));
          assert.strictEqual(e.message, expected.error);
          assert.strictEqual(e.lineno, expected.lineno);
          assert.strictEqual(e.col_offset + 1, expected.offset, 'column (CPython counts from 1)');
          return true;
        });
      });
    }
  });

  describe('constants', () => {
    it('shares equal constants across code objects, keeps 1, 1.0 and True apart, interns name-like strings', () => {
      const co = compileSource('a = 1000\nb = 1.0\nc = True\nd = 1\ndef f():\n    return 1000, "hello world", "name_like"\ne = "hello world"\ng = "name_like"\n');
      const f = co.consts.find((x) => x instanceof CodeObject) as CodeObject;
      const big = co.consts.find((x) => x instanceof PyInt && x.value === 1000)!;
      const tuple = f.consts.find((x) => x instanceof PyTuple) as PyTuple;
      assert.strictEqual(tuple.items[0], big, 'the int 1000 is one object in both code objects');
      const sentence = co.consts.find((x) => x instanceof PyStr && x.value === 'hello world') as PyStr;
      assert.strictEqual(tuple.items[1], sentence);
      assert.strictEqual(sentence.interned, false);
      const word = co.consts.find((x) => x instanceof PyStr && x.value === 'name_like') as PyStr;
      assert.strictEqual(word.interned, true);
      assert.strictEqual(tuple.items[2], word);
      assert.ok(co.consts.includes(rt.True) && co.consts.some((x) => x.ob_type === rt.t.float));
      // 1000: one reference from the module's consts, one from the tuple (which f's consts own).
      assert.strictEqual(big.ob_refcnt, 2);
    });

    it('makes `in {..}` and `for x in {..}` constants real frozensets, iterating in CPython\'s order', () => {
      const src = 'for x in {9, 3, 17, 1, 33}:\n    pass\ny = a in {"b", 5, 2.5, (1, 2)}\n';
      const r = spawnSync('python3', ['-c', 'import sys\nco = compile(sys.stdin.read(), "s", "exec")\n'
        + 'print(repr([list(c) for c in co.co_consts if isinstance(c, frozenset)]))'], { input: src, encoding: 'utf8' });
      const co = compileSource(src);
      const sets = co.consts.filter((c): c is PySet => c instanceof PySet);
      assert.ok(sets.every((s) => s.ob_type === rt.t.frozenset));
      // Int and float positions follow from their hashes; str hashes are randomized per process, so compare those by count.
      const ours = sets.map((s) => setKeys(s).map(constRepr));
      const theirs = r.stdout.trim();
      assert.strictEqual(ours[0].join(', '), theirs.slice(2, theirs.indexOf(']')));
      assert.strictEqual(ours[1].length, 4);
    });

    it('keeps 0.0 and -0.0 apart', () => {
      const co = compileSource('a = 0.0\nb = -0.0\n');
      const floats = co.consts.filter((x) => x.ob_type === rt.t.float);
      assert.strictEqual(floats.length, 2);
    });

    it('gives a code object one reference: its parent\'s constants', () => {
      const co = compileSource('def f():\n    def g():\n        pass\n');
      const f = co.consts.find((x) => x instanceof CodeObject) as CodeObject;
      const g = f.consts.find((x) => x instanceof CodeObject) as CodeObject;
      assert.strictEqual(co.ob_refcnt, 1);
      assert.strictEqual(f.ob_refcnt, 1);
      assert.strictEqual(g.ob_refcnt, 1);
    });
  });

  describe('what is not simulated', () => {
    it('reports async functions as not simulated', () => {
      assert.throws(() => compileSource('async def f():\n    await g()\n'), (e: unknown) => {
        assert.ok(e instanceof CompileError);
        assert.ok(e.notSimulated);
        assert.match(e.message, /^not simulated: async functions/);
        return true;
      });
    });

    it('reports PEP 695 (the type statement, type parameters) as not simulated on 3.12+, and as 3.11 rejects it', () => {
      const programs = ['type Pair = tuple[int, int]\n', 'def first[T](xs: list[T]) -> T:\n    return xs[0]\n', 'class Box[T]:\n    pass\n'];
      const compile = (src: string, version: number) => () => compileModule(parse(src).module, 'snippet.py', { version });
      for (const [src, what] of programs.map((p, i) => [p, i ? 'type parameters (PEP 695)' : 'the type statement (PEP 695)'])) {
        for (const version of [312, 313, 314]) {
          assert.throws(compile(src, version), (e: unknown) => e instanceof CompileError && e.notSimulated === true && e.message === `not simulated: ${what}`);
        }
      }
      // 3.11's own messages and columns, checked against python3 when it is 3.11.
      const ours = programs.map((src) => {
        try {
          compile(src, 311)();
          return 'compiled';
        } catch (e) {
          assert.ok(e instanceof CompileError && !e.notSimulated);
          return `${e.message} at ${e.lineno}:${e.col_offset + 1}`;
        }
      });
      assert.deepStrictEqual(ours, ['invalid syntax at 1:6', "expected '(' at 1:10", 'invalid syntax at 1:10']);
      const probe = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' });
      if (probe.stdout.trim() !== 'True') return;
      const theirs = programs.map((src) => {
        const r = spawnSync('python3', ['-c', `try:\n    compile(${JSON.stringify(src)}, 's', 'exec')\nexcept SyntaxError as e:\n    print(f'{e.msg} at {e.lineno}:{e.offset}')`], { encoding: 'utf8' });
        return r.stdout.trim();
      });
      assert.deepStrictEqual(ours, theirs);
    });

    it('still reports a SyntaxError that follows an async function', () => {
      assert.throws(() => compileSource('async def f():\n    pass\nreturn 1\n'), (e: unknown) => {
        assert.ok(e instanceof CompileError);
        assert.ok(!e.notSimulated);
        assert.strictEqual(e.message, "'return' outside function");
        return true;
      });
    });
  });

  describe('stack-depth verifier', () => {
    it('finds paths that disagree, and exception-table depths the code does not have', () => {
      const co = compileSource('if a:\n    f()\nelse:\n    g()\ntry:\n    h()\nexcept E:\n    pass\n');
      assert.deepStrictEqual(verifyTree(co), []);
      const pop = Array.from({ length: co.code.length / 2 }, (_, i) => i).find((i) => co.code[2 * i] === Op.POP_TOP)!;
      const broken = new CodeObject(co.ob_type, co.name, co.qualname, co.filename, co.firstlineno, 0, 0, 0, 0, [], [],
        co.names, co.consts, Int32Array.from(co.code), co.lines, co.cols, co.exceptionTable.map((e) => ({ ...e })), co.range);
      broken.code[2 * pop] = Op.NOP;
      assert.ok(verifyTree(broken).some((e) => /stack depth/.test(e)), 'a dropped POP_TOP');
      broken.code[2 * pop] = Op.POP_TOP;
      broken.exceptionTable[0].depth = 3;
      assert.ok(verifyTree(broken).some((e) => /below the handler/.test(e)), 'a handler deeper than the stack');
    });
  });

  describe('disassembler', () => {
    it('lists instructions with their meaning', () => {
      const text = disassemble(compileSource('x = f(1)\n'));
      assert.match(text, /LOAD_NAME\s+0 \(f\)/);
      assert.match(text, /LOAD_CONST\s+0 \(1\)/);
      assert.match(text, /CALL\s+1/);
    });
  });
});
