// The math module (Modules/mathmodule.c): floating-point functions with CPython's error messages, and the
// exact integer functions (factorial, gcd, isqrt, comb, perm).
import { binaryOp, excType, indexValue, isInstance, iterate, typeName, unaryOp } from '../abstract';
import { PyFloat, PyInt, PyModule, PyObject, PyStr } from '../objects';
import { decref, newBool, newFloat, newInt, newTuple, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { builtinFunction, exactArgs, rangeArgs } from '../types/util';
import { crAcos, crAsin, crAtan, crAtan2, crExp, crExp2, crLog, crLog10, crLog2, crNorm, crPow, crTrig } from './libm';
import { reprFloat } from '../../text/repr';
import { sequenceTuple } from '../types/tuple';

// Which C library the answers follow. exp, log, log2, pow, exp2 and the norms are correctly rounded in both
// (glibc and musl share those routines; CPython computes hypot/dist itself); glibc's sin, cos, tan, atan,
// atan2, asin and acos are correctly rounded too, while musl's (the 3.12+ oracles are pyodide builds) are
// fdlibm's, as V8's Math functions are. glibc's log10 is fdlibm's; musl's is nearly correctly rounded.
const glibc = (): boolean => rt.v < 312;
const sinOf = (x: number): number => (glibc() ? crTrig('sin', x) : Math.sin(x));
const cosOf = (x: number): number => (glibc() ? crTrig('cos', x) : Math.cos(x));
const finiteLog = (x: number): number => (x === 1 ? 0 : crLog(x));

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

/** 3.14's messages for the domain errors of math_1 functions (Modules/mathmodule.c: %s is the argument's repr). */
const DOMAIN_MESSAGES_314: Record<string, string> = {
  sqrt: 'expected a nonnegative input, got %s',
  log1p: 'expected argument value > -1, got %s',
  acos: 'expected a number in range from -1 up to 1, got %s',
  asin: 'expected a number in range from -1 up to 1, got %s',
  acosh: 'expected argument value not less than 1, got %s',
  atanh: 'expected a number between -1 and 1, got %s',
  gamma: 'expected a noninteger or positive integer, got %s',
  lgamma: 'expected a noninteger or positive integer, got %s',
  sin: 'expected a finite input, got %s',
  cos: 'expected a finite input, got %s',
  tan: 'expected a finite input, got %s',
  log: 'expected a positive input',
  log2: 'expected a positive input',
  log10: 'expected a positive input',
};

/** The ValueError of a domain error: 3.14 names the expected range for some functions. */
export function domainErrorFor(name: string, x: number): never {
  const m = rt.v >= 314 ? DOMAIN_MESSAGES_314[name] : undefined;
  if (m) {
    return raise(excType('ValueError'), m.replace('%s', reprFloat(x)));
  }
  return domainError();
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
      if (domain && !domain(x)) domainErrorFor(name, x);
      const r = f(x);
      if (Number.isNaN(r) && !Number.isNaN(x)) domainErrorFor(name, x);
      return newFloat(checkResult(x, r));
    });
  unary('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x));
  unary('exp', crExp);
  const g = glibc();
  const trig = (which: 'sin' | 'cos' | 'tan') => (x: number): number => (Number.isFinite(x) ? crTrig(which, x) : NaN);
  unary('sin', g ? trig('sin') : Math.sin, (x) => Number.isFinite(x) || Number.isNaN(x));
  unary('cos', g ? trig('cos') : Math.cos, (x) => Number.isFinite(x) || Number.isNaN(x));
  unary('tan', g ? trig('tan') : Math.tan, (x) => Number.isFinite(x) || Number.isNaN(x));
  unary('asin', g ? crAsin : Math.asin, (x) => (x >= -1 && x <= 1) || Number.isNaN(x));
  unary('acos', g ? crAcos : Math.acos, (x) => (x >= -1 && x <= 1) || Number.isNaN(x));
  unary('atan', g ? crAtan : Math.atan);
  unary('sinh', g ? sinhFdlibm : sinhMusl);
  unary('cosh', g ? coshFdlibm : coshMusl);
  unary('tanh', g ? Math.tanh : tanhMusl);
  unary('fabs', Math.abs);
  unary('log1p', Math.log1p, (x) => x > -1 || Number.isNaN(x));
  unary('expm1', Math.expm1);
  unary('degrees', (x) => (x * 180) / Math.PI);
  unary('radians', (x) => (x * Math.PI) / 180);
  // loghelper: an int too large for a double is taken as its frexp mantissa and exponent.
  const logHelper = (name: string, o: PyObject, f: (x: number) => number): number => {
    if (o instanceof PyInt) {
      const n = typeof o.value === 'bigint' ? o.value : BigInt(o.value);
      if (n <= 0n) domainErrorFor(name, Number(n));
      const d = Number(n);
      if (Number.isFinite(d)) return f(d);
      const bl = n.toString(2).length;
      let top = n >> BigInt(bl - 64);
      if (n & ((1n << BigInt(bl - 64)) - 1n)) top |= 1n;
      const x = Number(top) / 2 ** 64;
      return f(x) + f(2.0) * bl;
    }
    const x = toDouble(o);
    if (Number.isNaN(x)) return x;
    if (x <= 0) domainErrorFor(name, x);
    if (x === Infinity) return x;
    return f(x);
  };
  const logFn = (name: string, f: (x: number) => number): void =>
    fn(name, (args, kw) => {
      exactArgs(name, args, 1, kw);
      return newFloat(logHelper(name, args[0], f));
    });
  logFn('log2', crLog2);
  logFn('log10', g ? Math.log10 : crLog10);
  fn('log', (args, kw) => {
    rangeArgs('log', args, 1, 2, kw);
    const num = logHelper('log', args[0], finiteLog);
    if (args.length === 1) return newFloat(num);
    const den = logHelper('log', args[1], finiteLog);
    if (den === 0) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : 'float division by zero');
    return newFloat(num / den);
  });
  fn('pow', (args, kw) => {
    exactArgs('pow', args, 2, kw);
    return newFloat(mathPow(toDouble(args[0]), toDouble(args[1])));
  });
  fn('atan2', (args, kw) => {
    exactArgs('atan2', args, 2, kw);
    const y = toDouble(args[0]);
    const x = toDouble(args[1]);
    return newFloat(g ? crAtan2(y, x) : Math.atan2(y, x));
  });
  fn('hypot', (args) => newFloat(vectorNorm(args.map((a) => Math.abs(toDouble(a))))));
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
  installMoreMath(fn, unary, domainError, checkResult);
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

// ---------------------------------------------------------------- more of mathmodule.c

type Fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject) => void;
type Unary = (name: string, f: (x: number) => number, domain?: (x: number) => boolean) => void;

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0,
  357423.0, 32670.0, 1925.0, 66.0, 1.0];
const GAMMA_INTEGRAL = [1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
  479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0,
  6402373705728000.0, 121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0,
  1124000727777607680000.0];

function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5.0) {
    for (let i = 13; --i >= 0;) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

// The hyperbolic functions as the C libraries compose them from exp, expm1, log and log1p (glibc keeps
// fdlibm's formulas, musl has its own): with correctly rounded exp and log underneath, as both libraries
// have, the results follow theirs far more often than V8's Math.cosh & co. do.

/** The high 32 bits of |x|'s representation (fdlibm's `ix`). */
function highWord(x: number): number {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  return buf.getUint32(0) & 0x7fffffff;
}

const LN2_D = 6.93147180559945286227e-01;

function sinhFdlibm(x: number): number {
  if (!Number.isFinite(x)) return x;
  const ix = highWord(x);
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    if (ix < 0x3e300000) return x;
    const t = Math.expm1(ax);
    if (ix < 0x3ff00000) return h * (2.0 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < 0x40862e42) return h * crExp(ax);
  if (ix <= 0x408633ce) {
    const w = crExp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * 1e307;
}

/** musl's __expo2: exp(x) * sign for large x without a premature overflow. */
function expo2(x: number, sign: number): number {
  const kln2 = 1416.0996898839683; // 0x1.62066151add8bp+10
  const scale = 2 ** (1023 + 2043 / 2 - 1023 - 0.5); // 2**(k/2 - 1) with k = 2043, as a double
  return crExp(x - kln2) * (sign * scale) * scale;
}

function sinhMusl(x: number): number {
  if (Number.isNaN(x)) return x;
  const h = x < 0 || Object.is(x, -0) ? -0.5 : 0.5;
  const ax = Math.abs(x);
  const w = highWord(x);
  if (w < 0x40862e42) {
    const t = Math.expm1(ax);
    if (w < 0x3ff00000) {
      if (w < 0x3ff00000 - (26 << 20)) return x;
      return h * (2 * t - (t * t) / (t + 1));
    }
    return h * (t + t / (t + 1));
  }
  return expo2(ax, 2 * h);
}

function coshFdlibm(x: number): number {
  if (!Number.isFinite(x)) return x * x;
  const ix = highWord(x);
  const ax = Math.abs(x);
  if (ix < 0x3fd62e43) {
    const t = Math.expm1(ax);
    const w = 1 + t;
    if (ix < 0x3c800000) return w;
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    const t = crExp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * crExp(ax);
  if (ix <= 0x408633ce) {
    const w = crExp(0.5 * ax);
    const t = 0.5 * w;
    return t * w;
  }
  return Infinity;
}

function coshMusl(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  const w = highWord(x);
  if (w < 0x3fe62e42) {
    if (w < 0x3ff00000 - (26 << 20)) return 1;
    const t = Math.expm1(ax);
    return 1 + (t * t) / (2 * (1 + t));
  }
  if (w < 0x40862e42) {
    const t = crExp(ax);
    return 0.5 * (t + 1 / t);
  }
  return expo2(ax, 1.0);
}

function tanhMusl(x: number): number {
  if (Number.isNaN(x)) return x;
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  const w = highWord(x);
  let t: number;
  if (w > 0x3fe193ea) {
    if (w > 0x40340000) t = 1;
    else {
      t = Math.expm1(2 * ax);
      t = 1 - 2 / (t + 2);
    }
  } else if (w > 0x3fd058ae) {
    t = Math.expm1(2 * ax);
    t = t / (t + 2);
  } else if (w >= 0x00100000) {
    t = Math.expm1(-2 * ax);
    t = -t / (t + 2);
  } else t = ax;
  return neg ? -t : t;
}

function asinhFdlibm(x: number): number {
  if (!Number.isFinite(x)) return x;
  const ix = highWord(x);
  if (ix < 0x3e300000) return x;
  const xa = Math.abs(x);
  let w: number;
  if (ix > 0x41b00000) w = crLog(xa) + LN2_D;
  else if (ix > 0x40000000) w = crLog(2.0 * xa + 1 / (Math.sqrt(xa * xa + 1) + xa));
  else {
    const t = xa * xa;
    w = Math.log1p(xa + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

function asinhMusl(x: number): number {
  if (!Number.isFinite(x)) return x;
  const e = (highWord(x) >>> 20) & 0x7ff;
  const xa = Math.abs(x);
  let r: number;
  if (e >= 0x3ff + 26) r = crLog(xa) + LN2_D;
  else if (e >= 0x3ff + 1) r = crLog(2 * xa + 1 / (Math.sqrt(xa * xa + 1) + xa));
  else if (e >= 0x3ff - 26) r = Math.log1p(xa + (xa * xa) / (Math.sqrt(xa * xa + 1) + 1));
  else return x;
  return x < 0 || Object.is(x, -0) ? -r : r;
}

function acoshFdlibm(x: number): number {
  if (Number.isNaN(x) || x < 1) return NaN;
  if (x === Infinity) return x;
  const ix = highWord(x);
  if (ix >= 0x41b00000) return crLog(x) + LN2_D;
  if (x === 1) return 0;
  if (ix > 0x40000000) {
    const t = x * x;
    return crLog(2.0 * x - 1 / (x + Math.sqrt(t - 1)));
  }
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
}

function acoshMusl(x: number): number {
  if (Number.isNaN(x) || x < 1) return NaN;
  if (x === Infinity) return x;
  const e = (highWord(x) >>> 20) & 0x7ff;
  if (e < 0x3ff + 1) return Math.log1p(x - 1 + Math.sqrt((x - 1) * (x - 1) + 2 * (x - 1)));
  if (e < 0x3ff + 26) return crLog(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
  return crLog(x) + LN2_D;
}

/** pow(x, y) of the C library for x > 0 (gamma's internal use). */
function powOf(x: number, y: number): number {
  return crPow(x, y);
}

const isOddInteger = (y: number): boolean => Number.isInteger(y) && Math.abs(y % 2) === 1;

/** math.pow (math_pow): C99's special values, then the C library's pow with CPython's error mapping. */
function mathPow(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) return y === 0 ? 1 : x;
    if (Number.isNaN(y)) return x === 1 ? 1 : y;
    if (!Number.isFinite(x)) {
      const odd = Number.isFinite(y) && isOddInteger(y);
      if (y > 0) return odd ? x : Math.abs(x);
      if (y === 0) return 1;
      return odd ? (x < 0 ? -0 : 0) : 0;
    }
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    if (y > 0 && ax > 1) return y;
    if (y < 0 && ax < 1) return -y;
    return 0;
  }
  if (y === 0) return 1;
  if (x === 0) {
    if (y < 0) domainError();
    return isOddInteger(y) ? x : 0;
  }
  let negate = false;
  let ax = x;
  if (x < 0) {
    if (!Number.isInteger(y)) domainError();
    ax = -x;
    negate = isOddInteger(y);
  }
  const r = crPow(ax, y);
  if (!Number.isFinite(r)) raise(excType('OverflowError'), 'math range error');
  return negate ? -r : r;
}

/** vector_norm: inf if any coordinate is, nan if any is, else the correctly rounded Euclidean norm. */
function vectorNorm(coords: number[]): number {
  let max = 0;
  let nan = false;
  for (const c of coords) {
    if (Number.isNaN(c)) nan = true;
    else if (c > max) max = c;
  }
  if (max === Infinity) return max;
  if (nan) return NaN;
  if (max === 0 || coords.length <= 1) return max;
  return crNorm(coords);
}

function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0: r = sinOf(Math.PI * y); break;
    case 1: r = cosOf(Math.PI * (y - 0.5)); break;
    case 2: r = sinOf(Math.PI * (1.0 - y)); break;
    case 3: r = -cosOf(Math.PI * (y - 1.5)); break;
    default: r = sinOf(Math.PI * (y - 2.0)); break;
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

/** m_tgamma: [value, errno] where errno is 'EDOM', 'ERANGE' or null. */
function tgamma(x: number): [number, string | null] {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0) return [x, null];
    return [NaN, 'EDOM'];
  }
  if (x === 0) return [Object.is(x, -0) ? -Infinity : Infinity, 'EDOM'];
  if (x === Math.floor(x)) {
    if (x < 0) return [NaN, 'EDOM'];
    if (x <= 23) return [GAMMA_INTEGRAL[x - 1], null];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    return [r, Number.isFinite(r) ? null : 'ERANGE'];
  }
  if (absx > 200.0) {
    if (x < 0) return [0.0 / sinpi(x), null];
    return [Infinity, 'ERANGE'];
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absx > LANCZOS_G_MINUS_HALF) z = (y - absx) - LANCZOS_G_MINUS_HALF;
  else z = (y - LANCZOS_G_MINUS_HALF) - absx;
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = (-Math.PI / sinpi(absx) / absx) * crExp(y) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) r /= powOf(y, absx - 0.5);
    else {
      const sp = powOf(y, absx / 2.0 - 0.25);
      r /= sp;
      r /= sp;
    }
  } else {
    r = lanczosSum(absx) / crExp(y);
    r += z * r;
    if (absx < 140.0) r *= powOf(y, absx - 0.5);
    else {
      const sp = powOf(y, absx / 2.0 - 0.25);
      r *= sp;
      r *= sp;
    }
  }
  return [r, Number.isFinite(r) ? null : 'ERANGE'];
}

function lgamma(x: number): [number, string | null] {
  if (!Number.isFinite(x)) return [Number.isNaN(x) ? x : Infinity, null];
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0) return [Infinity, 'EDOM'];
    return [0.0, null];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return [-finiteLog(absx), null];
  let r = finiteLog(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (finiteLog(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = 1.144729885849400174143427351353058711647 - finiteLog(Math.abs(sinpi(absx))) - finiteLog(absx) - r;
  return [r, Number.isFinite(r) ? null : 'ERANGE'];
}

/** A finite double as an exact fraction mantissa * 2**exp. */
function exactParts(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const e = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (e === 0) exp = -1074;
  else {
    m |= 1n << 52n;
    exp = e - 1075;
  }
  return [sign * m, exp];
}

/** The double nearest to n * 2**exp (round half to even). */
function roundToDouble(n: bigint, exp: number): number {
  if (n === 0n) return 0;
  const neg = n < 0n;
  let a = neg ? -n : n;
  const bits = a.toString(2).length;
  // Keep 53 significant bits (fewer for subnormals), rounding half to even.
  let shift = bits - 53;
  if (exp + shift < -1074) shift = -1074 - exp;
  if (shift > 0) {
    const rem = a & ((1n << BigInt(shift)) - 1n);
    a >>= BigInt(shift);
    const half = 1n << BigInt(shift - 1);
    if (rem > half || (rem === half && (a & 1n) === 1n)) a += 1n;
    exp += shift;
  }
  const v = Number(a) * Math.pow(2, exp);
  return neg ? -v : v;
}

export function installMoreMath(fn: Fn, unary: Unary, domainError: () => never, checkResult: (x: number, r: number) => number): void {
  const two = (name: string, f: (x: number, y: number) => number): void =>
    fn(name, (args, kw) => {
      exactArgs(name, args, 2, kw);
      return newFloat(f(toDouble(args[0]), toDouble(args[1])));
    });
  two('fmod', (x, y) => {
    if (Number.isFinite(x) && !Number.isFinite(y) && !Number.isNaN(y)) return x;
    if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
    if (!Number.isFinite(x) || y === 0) domainError();
    return x % y;
  });
  two('remainder', (x, y) => {
    if (Number.isFinite(x) && Number.isFinite(y)) {
      if (y === 0) domainError();
      const absx = Math.abs(x);
      const absy = Math.abs(y);
      const m = absx % absy;
      const c = absy - m;
      let r: number;
      if (m < c) r = m;
      else if (m > c) r = -c;
      else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
      return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
    }
    if (Number.isNaN(x)) return x;
    if (Number.isNaN(y)) return y;
    if (!Number.isFinite(x)) domainError();
    return x;
  });
  fn('modf', (args, kw) => {
    exactArgs('modf', args, 1, kw);
    const x = toDouble(args[0]);
    if (!Number.isFinite(x)) {
      if (Number.isNaN(x)) return newTuple([newFloat(x), newFloat(x)]);
      return newTuple([newFloat(x < 0 ? -0 : 0), newFloat(x)]);
    }
    const ip = Math.trunc(x);
    let frac = x - ip;
    if (frac === 0) frac = x < 0 || Object.is(x, -0) ? -0 : 0;
    return newTuple([newFloat(frac), newFloat(ip === 0 && (x < 0 || Object.is(x, -0)) ? -0 : ip)]);
  });
  fn('frexp', (args, kw) => {
    exactArgs('frexp', args, 1, kw);
    const x = toDouble(args[0]);
    if (x === 0 || !Number.isFinite(x)) return newTuple([newFloat(x), newInt(0)]);
    const [m, e] = exactParts(x);
    const bits = (m < 0n ? -m : m).toString(2).length;
    const exp = e + bits;
    return newTuple([newFloat(x / Math.pow(2, exp) === 0 ? roundToDouble(m, -bits) : roundToDouble(m, -bits)), newInt(exp)]);
  });
  fn('ldexp', (args, kw) => {
    exactArgs('ldexp', args, 2, kw);
    const x = toDouble(args[0]);
    if (!(args[1] instanceof PyInt)) raise(excType('TypeError'), 'Expected an int as second argument to ldexp.');
    const i = Number((args[1] as PyInt).value);
    if (x === 0 || !Number.isFinite(x)) return newFloat(x);
    const [m, e] = exactParts(x);
    const r = roundToDouble(m, e + Math.max(-100000, Math.min(100000, i)));
    if (!Number.isFinite(r)) raise(excType('OverflowError'), 'math range error');
    return newFloat(r);
  });
  fn('dist', (args, kw) => {
    exactArgs('dist', args, 2, kw);
    const seq = (o: PyObject, which: string): number[] => {
      let t;
      try {
        t = sequenceTuple(o);
      } catch (e) {
        if (e instanceof Object && 'exc' in e) {
          decref((e as { exc: PyObject }).exc);
          raise(excType('TypeError'), `dist(): argument ${which} must be tuple, not ${typeName(o)}`);
        }
        throw e;
      }
      const out = t.items.map(toDouble);
      decref(t);
      return out;
    };
    const p = seq(args[0], '1');
    const q = seq(args[1], '2');
    if (p.length !== q.length) raise(excType('ValueError'), 'both points must have the same number of dimensions');
    return newFloat(vectorNorm(p.map((v, i) => Math.abs(v - q[i]))));
  });
  fn('ulp', (args, kw) => {
    exactArgs('ulp', args, 1, kw);
    let x = toDouble(args[0]);
    if (Number.isNaN(x)) return newFloat(x);
    x = Math.abs(x);
    if (!Number.isFinite(x)) return newFloat(x);
    const x2 = nextafter(x, Infinity);
    if (!Number.isFinite(x2)) return newFloat(x - nextafter(x, -Infinity));
    return newFloat(x2 - x);
  });
  fn('nextafter', (args, kw) => {
    const nkw = kw ? kw.length : 0;
    const pos = args.slice(0, args.length - nkw);
    if (pos.length !== 2) raise(excType('TypeError'), `nextafter expected 2 arguments, got ${pos.length}`);
    let x = toDouble(pos[0]);
    const y = toDouble(pos[1]);
    let steps = 1;
    if (nkw) {
      if (rt.v < 312 || kw![0].value !== 'steps') raise(excType('TypeError'), `nextafter() got an unexpected keyword argument '${kw![0].value}'`);
      const sv = args[args.length - 1];
      if (sv !== rt.None) {
        steps = Number(indexValue(sv));
        if (steps < 0) raise(excType('ValueError'), 'steps must be a non-negative integer');
      }
    }
    for (let i = 0; i < steps && x !== y && !Number.isNaN(x); i++) x = nextafter(x, y);
    if (steps > 0 && x === y) x = y;
    return newFloat(x);
  });
  unary('cbrt', Math.cbrt);
  unary('exp2', crExp2);
  unary('asinh', glibc() ? asinhFdlibm : asinhMusl);
  unary('acosh', glibc() ? acoshFdlibm : acoshMusl, (x) => x >= 1 || Number.isNaN(x));
  unary('atanh', Math.atanh, (x) => (x > -1 && x < 1) || Number.isNaN(x));
  const errnoResult = (name: string, f: (x: number) => [number, string | null]): void =>
    fn(name, (args, kw) => {
      exactArgs(name, args, 1, kw);
      const [r, errno] = f(toDouble(args[0]));
      if (errno === 'EDOM') {
        domainErrorFor(name, toDouble(args[0]));
      }
      if (errno === 'ERANGE') raise(excType('OverflowError'), 'math range error');
      return newFloat(r);
    });
  errnoResult('gamma', tgamma);
  errnoResult('lgamma', lgamma);
  unary('erf', erf);
  unary('erfc', erfc);
  if (rt.v >= 312) {
    fn('sumprod', (args, kw) => {
      exactArgs('sumprod', args, 2, kw);
      const p: PyObject[] = [];
      const q: PyObject[] = [];
      try {
        iterate(args[0], (x) => p.push(x));
        iterate(args[1], (x) => q.push(x));
        if (p.length !== q.length) raise(excType('ValueError'), 'Inputs are not the same length');
        const allInt = [...p, ...q].every((o) => o instanceof PyInt && (o.ob_type === rt.t.int || o.ob_type === rt.t.bool));
        const allNum = [...p, ...q].every((o) => o instanceof PyInt || o instanceof PyFloat);
        if (allInt) {
          let acc = 0n;
          for (let i = 0; i < p.length; i++) acc += BigInt((p[i] as PyInt).value) * BigInt((q[i] as PyInt).value);
          return newInt(acc);
        }
        if (allNum) {
          // Exact sum of exact products, rounded once.
          let acc = 0n;
          let accExp = 0;
          let special = 0;
          let anyNonFinite = false;
          for (let i = 0; i < p.length; i++) {
            const a = toDouble(p[i]);
            const b = toDouble(q[i]);
            if (!Number.isFinite(a) || !Number.isFinite(b)) { anyNonFinite = true; special += a * b; continue; }
            const [ma, ea] = p[i] instanceof PyInt ? [BigInt((p[i] as PyInt).value), 0] : exactParts(a);
            const [mb, eb] = q[i] instanceof PyInt ? [BigInt((q[i] as PyInt).value), 0] : exactParts(b);
            const m = ma * mb;
            const e = ea + eb;
            if (acc === 0n) { acc = m; accExp = e; continue; }
            if (e < accExp) { acc <<= BigInt(accExp - e); accExp = e; }
            acc += m << BigInt(e - accExp);
          }
          if (anyNonFinite) return newFloat(special + roundToDouble(acc, accExp));
          return newFloat(roundToDouble(acc, accExp));
        }
        let total: PyObject = newInt(0);
        for (let i = 0; i < p.length; i++) {
          const prod = binaryOp(p[i], q[i], 5);
          const next = binaryOp(total, prod, 0);
          decref(prod);
          decref(total);
          total = next;
        }
        return total;
      } finally {
        p.forEach(decref);
        q.forEach(decref);
      }
    });
  }
  if (rt.v >= 313) {
    fn('fma', (args, kw) => {
      exactArgs('fma', args, 3, kw);
      const [x, y, z] = args.map(toDouble);
      if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
        const r = x * y + z;
        if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y) && !Number.isNaN(z)) raise(excType('ValueError'), 'invalid operation in fma');
        return newFloat(r);
      }
      const [mx, ex] = exactParts(x);
      const [my, ey] = exactParts(y);
      const [mz, ez] = exactParts(z);
      let m = mx * my;
      let e = ex + ey;
      let mz2 = mz;
      if (ez < e) { m <<= BigInt(e - ez); e = ez; } else mz2 = mz << BigInt(ez - e);
      const r = roundToDouble(m + mz2, e);
      if (!Number.isFinite(r)) raise(excType('OverflowError'), 'overflow in fma');
      return newFloat(r === 0 && m + mz2 === 0n ? x * y + z : r);
    });
  }
  void checkResult;
}

function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  let bits = buf.getBigUint64(0);
  if ((y > x) === (x > 0)) bits += 1n;
  else bits -= 1n;
  buf.setBigUint64(0, bits);
  return buf.getFloat64(0);
}

const ERX = 8.45062911510467529297e-01;
const EFX8 = 1.02703333676410069053e+00;
const PP = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05];
const QQ = [3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06];
const PA = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03];
const QA = [1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
const RA = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00];
const SA = [1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02];
const RB = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03, -4.83519191608651397019e+02];
const SB = [3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02, -2.24409524465858183362e+01];

function poly(c: number[], z: number): number {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * z + c[i];
  return r;
}

/**
 * c[0] + c[1] z + c[2] z^2 + ... evaluated in pairs as glibc's s_erf.c does: (c0 + z c1) + z^2 (c2 + z c3)
 * + z^4 (c4 + z c5) + z^6 (...) + z^8 c8 — a different rounding from Horner's rule.
 */
function pairs(c: number[], z: number): number {
  const z2 = z * z;
  const z4 = z2 * z2;
  const powers = [1, z2, z4, z4 * z2, z4 * z4];
  let acc = 0;
  for (let i = 0, p = 0; i < c.length; i += 2, p++) {
    const t = i + 1 < c.length ? c[i] + z * c[i + 1] : c[i];
    acc = p === 0 ? t : acc + powers[p] * t;
  }
  return acc;
}

/** The polynomial 1 + z*(q[0] + z*q[1] + ...) or c[0] + z*c[1] + ..., the C library's way. */
const erfPoly = (c: number[], z: number, leadingOne = false): number => {
  if (!glibc()) return leadingOne ? 1 + z * poly(c, z) : poly(c, z);
  return pairs(leadingOne ? [1, ...c] : c, z);
};

/** r/s of erf's first interval (|x| < 0.84375): erf(x) = x + x * (r/s). */
function erfSmallRatio(x: number): number {
  const z = x * x;
  const r = erfPoly(PP, z);
  const s = erfPoly(QQ, z, true);
  return r / s;
}

/** erf(x) for |x| < 0.84375 (fdlibm s_erf.c). */
function erfSmall(x: number): number {
  if (Math.abs(x) < 2 ** -28) return 0.125 * (8.0 * x + EFX8 * x);
  return x + x * erfSmallRatio(x);
}

/** P/Q for 0.84375 <= |x| < 1.25. */
function erfMiddle(ax: number): number {
  const s = ax - 1;
  return erfPoly(PA, s) / erfPoly(QA, s, true);
}

/** erfc(|x|) for 1.25 <= |x| < 28: the exp(-x*x) tail, computed as fdlibm does. */
function erfcTail(ax: number): number {
  const s = 1 / (ax * ax);
  let R: number;
  let S: number;
  if (ax < 1 / 0.35) {
    R = erfPoly(RA, s);
    S = erfPoly(SA, s, true);
  } else {
    R = erfPoly(RB, s);
    S = erfPoly(SB, s, true);
  }
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, ax);
  buf.setUint32(4, 0);
  const z = buf.getFloat64(0);
  return (crExp(-z * z - 0.5625) * crExp((z - ax) * (z + ax) + R / S)) / ax;
}

/** erf: fdlibm's s_erf.c (glibc's); musl (the 3.12+ oracles) writes the middle interval as 1 - erfc. */
function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!Number.isFinite(x)) return x > 0 ? 1 : -1;
  const ax = Math.abs(x);
  const sign = x < 0 ? -1 : 1;
  if (ax < 0.84375) return erfSmall(x);
  if (ax < 1.25) return sign * (glibc() ? ERX + erfMiddle(ax) : 1 - (1 - ERX - erfMiddle(ax)));
  if (ax >= 6) return sign * (1 - 1e-300);
  return sign * (1 - erfcTail(ax));
}

function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!Number.isFinite(x)) return x > 0 ? 0 : 2;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -56) return 1 - x;
    const xy = x * erfSmallRatio(x);
    if (x < 0.25) return 1 - (x + xy);
    return 0.5 - (x - 0.5 + xy);
  }
  if (ax < 1.25) {
    const pq = erfMiddle(ax);
    if (x >= 0) return 1 - ERX - pq;
    return glibc() ? 1 + (ERX + pq) : 2 - (1 - ERX - pq);
  }
  if (ax < 28) {
    if (x < -6) return 2 - 1e-300;
    const r = erfcTail(ax);
    return x > 0 ? r : 2 - r;
  }
  return x > 0 ? 0 : 2 - 1e-300;
}
