// The math module (Modules/mathmodule.c): floating-point functions with CPython's error messages, and the
// exact integer functions (factorial, gcd, isqrt, comb, perm).
import { excType, indexValue, isInstance, iterate, typeName, unaryOp } from '../abstract';
import { PyFloat, PyInt, PyModule, PyObject, PyStr } from '../objects';
import { decref, newBool, newFloat, newInt, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { builtinFunction, exactArgs, rangeArgs } from '../types/util';

/** PyFloat_AsDouble: a float, an int, or anything with __float__/__index__. */
export function toDouble(o: PyObject): number {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) {
    const v = o.value;
    if (typeof v === 'bigint') {
      const d = Number(v);
      if (!Number.isFinite(d)) raise(excType('OverflowError'), 'int too large to convert to float');
      return d;
    }
    return v;
  }
  if (o.ob_type.heapType) {
    const f = unaryOp(o, 'float');
    const v = (f as PyFloat).value;
    decref(f);
    return v;
  }
  return raise(excType('TypeError'), `must be real number, not ${typeName(o)}`);
}

function domainError(): never {
  return raise(excType('ValueError'), 'math domain error');
}

function checkResult(x: number, r: number): number {
  if (Number.isNaN(r) && !Number.isNaN(x)) domainError();
  if (!Number.isFinite(r) && Number.isFinite(x)) raise(excType('OverflowError'), 'math range error');
  return r;
}

function bigOf(o: PyObject): bigint {
  const v = indexValue(o);
  return typeof v === 'bigint' ? v : BigInt(v);
}

function isqrt(n: bigint): bigint {
  if (n < 0n) raise(excType('ValueError'), 'isqrt() argument must be nonnegative');
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

export function installMath(m: PyModule): void {
  const d = m.dict;
  const fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject): void => {
    const o = builtinFunction(name, f, m);
    dict.setItemStr(d, name, o);
    decref(o);
  };
  const unary = (name: string, f: (x: number) => number, domain?: (x: number) => boolean): void =>
    fn(name, (args, kw) => {
      exactArgs(name, args, 1, kw);
      const x = toDouble(args[0]);
      if (domain && !domain(x)) domainError();
      return newFloat(checkResult(x, f(x)));
    });
  unary('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x));
  unary('exp', Math.exp);
  unary('sin', Math.sin, (x) => Number.isFinite(x) || Number.isNaN(x));
  unary('cos', Math.cos, (x) => Number.isFinite(x) || Number.isNaN(x));
  unary('tan', Math.tan, (x) => Number.isFinite(x) || Number.isNaN(x));
  unary('asin', Math.asin, (x) => (x >= -1 && x <= 1) || Number.isNaN(x));
  unary('acos', Math.acos, (x) => (x >= -1 && x <= 1) || Number.isNaN(x));
  unary('atan', Math.atan);
  unary('sinh', Math.sinh);
  unary('cosh', Math.cosh);
  unary('tanh', Math.tanh);
  unary('fabs', Math.abs);
  unary('log2', Math.log2, (x) => x > 0 || Number.isNaN(x));
  unary('log10', Math.log10, (x) => x > 0 || Number.isNaN(x));
  unary('log1p', Math.log1p, (x) => x > -1 || Number.isNaN(x));
  unary('expm1', Math.expm1);
  unary('degrees', (x) => (x * 180) / Math.PI);
  unary('radians', (x) => (x * Math.PI) / 180);
  fn('log', (args, kw) => {
    rangeArgs('log', args, 1, 2, kw);
    const logOf = (o: PyObject): number => {
      if (o instanceof PyInt && typeof o.value === 'bigint') {
        if (o.value <= 0n) domainError();
        const s = o.value.toString(2);
        return Math.log(Number('0b' + s.slice(0, 53))) + (s.length - Math.min(53, s.length)) * Math.LN2;
      }
      const x = toDouble(o);
      if (x <= 0) domainError();
      return Math.log(x);
    };
    const num = logOf(args[0]);
    if (args.length === 1) return newFloat(num);
    const den = logOf(args[1]);
    if (den === 0) raise(excType('ZeroDivisionError'), 'float division by zero');
    return newFloat(num / den);
  });
  fn('pow', (args, kw) => {
    exactArgs('pow', args, 2, kw);
    const x = toDouble(args[0]);
    const y = toDouble(args[1]);
    if (x === 0 && y < 0) domainError();
    if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) domainError();
    return newFloat(checkResult(x, x ** y));
  });
  fn('atan2', (args, kw) => { exactArgs('atan2', args, 2, kw); return newFloat(Math.atan2(toDouble(args[0]), toDouble(args[1]))); });
  fn('hypot', (args) => newFloat(Math.hypot(...args.map(toDouble))));
  fn('copysign', (args, kw) => {
    exactArgs('copysign', args, 2, kw);
    const x = Math.abs(toDouble(args[0]));
    const y = toDouble(args[1]);
    return newFloat(y < 0 || Object.is(y, -0) ? -x : x);
  });
  const toInt = (name: string, f: (x: number) => number): void =>
    fn(name, (args, kw) => {
      exactArgs(name, args, 1, kw);
      const o = args[0];
      if (o instanceof PyInt) return newInt(o.value);
      const x = toDouble(o);
      if (Number.isNaN(x)) raise(excType('ValueError'), 'cannot convert float NaN to integer');
      if (!Number.isFinite(x)) raise(excType('OverflowError'), 'cannot convert float infinity to integer');
      const r = f(x);
      return newInt(Number.isSafeInteger(r) ? r : BigInt(r));
    });
  toInt('floor', Math.floor);
  toInt('ceil', Math.ceil);
  toInt('trunc', Math.trunc);
  fn('isnan', (args, kw) => { exactArgs('isnan', args, 1, kw); return newBool(Number.isNaN(toDouble(args[0]))); });
  fn('isinf', (args, kw) => { exactArgs('isinf', args, 1, kw); const x = toDouble(args[0]); return newBool(x === Infinity || x === -Infinity); });
  fn('isfinite', (args, kw) => { exactArgs('isfinite', args, 1, kw); return newBool(Number.isFinite(toDouble(args[0]))); });
  fn('isclose', (args, kw) => {
    const nkw = kw ? kw.length : 0;
    const a = toDouble(args[0]);
    const b = toDouble(args[1]);
    let rel = 1e-9;
    let abs = 0;
    for (let i = 0; i < nkw; i++) {
      const v = toDouble(args[args.length - nkw + i]);
      if (kw![i].value === 'rel_tol') rel = v;
      else if (kw![i].value === 'abs_tol') abs = v;
    }
    if (rel < 0 || abs < 0) raise(excType('ValueError'), 'tolerances must be non-negative');
    if (a === b) return newBool(true);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return newBool(false);
    const diff = Math.abs(b - a);
    return newBool(diff <= Math.abs(rel * b) || diff <= Math.abs(rel * a) || diff <= abs);
  });
  fn('factorial', (args, kw) => {
    exactArgs('factorial', args, 1, kw);
    if (args[0] instanceof PyFloat) raise(excType('TypeError'), "'float' object cannot be interpreted as an integer");
    const n = bigOf(args[0]);
    if (n < 0n) raise(excType('ValueError'), 'factorial() not defined for negative values');
    let r = 1n;
    for (let i = 2n; i <= n; i++) r *= i;
    return newInt(r);
  });
  fn('gcd', (args) => {
    let g = 0n;
    for (const a of args) {
      let x = bigOf(a);
      if (x < 0n) x = -x;
      let y = g;
      while (y) [x, y] = [y, x % y];
      g = x;
    }
    return newInt(g);
  });
  fn('lcm', (args) => {
    let l = 1n;
    for (const a of args) {
      let x = bigOf(a);
      if (x < 0n) x = -x;
      if (x === 0n) return newInt(0);
      let p = l;
      let q = x;
      while (q) [p, q] = [q, p % q];
      l = (l / p) * x;
    }
    return newInt(l);
  });
  fn('isqrt', (args, kw) => { exactArgs('isqrt', args, 1, kw); return newInt(isqrt(bigOf(args[0]))); });
  fn('comb', (args, kw) => {
    exactArgs('comb', args, 2, kw);
    const n = bigOf(args[0]);
    const k = bigOf(args[1]);
    if (n < 0n) raise(excType('ValueError'), 'n must be a non-negative integer');
    if (k < 0n) raise(excType('ValueError'), 'k must be a non-negative integer');
    if (k > n) return newInt(0);
    let r = 1n;
    const kk = k < n - k ? k : n - k;
    for (let i = 0n; i < kk; i++) r = (r * (n - i)) / (i + 1n);
    return newInt(r);
  });
  fn('perm', (args, kw) => {
    rangeArgs('perm', args, 1, 2, kw);
    const n = bigOf(args[0]);
    const k = args.length > 1 && args[1] !== rt.None ? bigOf(args[1]) : n;
    if (n < 0n) raise(excType('ValueError'), 'n must be a non-negative integer');
    if (k < 0n) raise(excType('ValueError'), 'k must be a non-negative integer');
    if (k > n) return newInt(0);
    let r = 1n;
    for (let i = 0n; i < k; i++) r *= n - i;
    return newInt(r);
  });
  fn('fsum', (args, kw) => {
    exactArgs('fsum', args, 1, kw);
    // Shewchuk's exact summation (msum in mathmodule.c).
    const partials: number[] = [];
    iterate(args[0], (item) => {
      let x = toDouble(item);
      decref(item);
      let i = 0;
      for (let y of partials) {
        if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
        const hi = x + y;
        const lo = y - (hi - x);
        if (lo) partials[i++] = lo;
        x = hi;
      }
      partials.length = i;
      partials.push(x);
    });
    return newFloat(partials.reduce((a, b) => a + b, 0));
  });
  fn('prod', (args, kw) => {
    rangeArgs('prod', args, 1, 1);
    const { binaryOp } = require('../abstract') as typeof import('../abstract');
    let acc: PyObject = newInt(1);
    if (kw && kw.length) {
      decref(acc);
      acc = args[args.length - 1];
      acc.ob_refcnt++;
    }
    iterate(args[0], (item) => {
      const next = binaryOp(acc, item, 5);
      decref(acc);
      decref(item);
      acc = next;
    });
    return acc;
  });
  const constant = (name: string, v: number): void => {
    const o = newFloat(v);
    dict.setItemStr(d, name, o);
    decref(o);
  };
  constant('pi', Math.PI);
  constant('e', Math.E);
  constant('tau', 2 * Math.PI);
  constant('inf', Infinity);
  constant('nan', NaN);
  void isInstance;
}
