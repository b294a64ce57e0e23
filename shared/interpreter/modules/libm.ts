// Correctly rounded elementary functions, for the math module (and float ** if the VM wants it).
//
// CPython's math functions call the C library. V8's Math.exp/log/pow/sin... are fdlibm ports that are off by
// an ulp for ~10% of arguments, so `print(math.exp(x))` would differ from CPython in the last digit. The C
// libraries the oracles use are (nearly always) correctly rounded where it matters most: glibc and musl share
// the ARM optimized-routines exp/exp2/log/log2/pow (error < 0.52 ulp), and glibc's IBM accurate library
// gives correctly rounded sin/cos/tan/atan/atan2/asin/acos. So these functions compute the exact value with
// ~200 bits of fixed-point precision (BigInt) and round it once.
//
// Fixed-point numbers are BigInts scaled by 2**W. Every function here takes and returns doubles; special
// values (nan, inf, domain and range checks) are the caller's business unless stated.
import { bigToDouble, decompose } from '../types/float';

const W = 200;
const ONE = 1n << BigInt(W);

const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);

/** |x| (finite, nonzero) as a fixed-point number at scale 2**w, truncated when it has bits below 2**-w. */
function toFixed(x: number, w: number): bigint {
  const [m, e] = decompose(Math.abs(x));
  const s = e + w;
  return s >= 0 ? m << BigInt(s) : m >> BigInt(-s);
}

/** A fixed-point value (any sign) at scale 2**w, rounded to the nearest double (it is never exact). */
function fromFixed(v: bigint, w: number): number {
  if (v === 0n) return 0;
  const r = bigToDouble(v < 0n ? -v : v, true, -w);
  return v < 0n ? -r : r;
}

/** atanh(1/n) at scale 2**w, for the constants (n >= 2). */
function acothFixed(n: bigint, w: number): bigint {
  const one = 1n << BigInt(w);
  const nn = n * n;
  let t = one / n;
  let sum = t;
  for (let k = 3n; t !== 0n; k += 2n) {
    t /= nn;
    sum += t / k;
  }
  return sum;
}

/** atan(1/n) at scale 2**w (Machin's formula for pi). */
function acotFixed(n: bigint, w: number): bigint {
  const one = 1n << BigInt(w);
  const nn = n * n;
  let t = one / n;
  let sum = t;
  let sign = -1n;
  for (let k = 3n; t !== 0n; k += 2n) {
    t /= nn;
    sum += (sign * t) / k;
    sign = -sign;
  }
  return sum;
}

/** ln 2 and log(j/32) for j in 24..48, at a precision of at least the one asked for (computed once). */
let logConsts: { w: number; ln2: bigint; table: bigint[] } | null = null;
function logConstants(w: number): { ln2: bigint; table: bigint[] } {
  if (!logConsts || logConsts.w < w) {
    const cw = Math.max(w, 320) + 16;
    const table: bigint[] = [];
    for (let j = 24; j <= 48; j++) {
      // log(j/32) = 2 atanh((j-32)/(j+32))
      table[j] = j === 32 ? 0n : 2n * atanhRatio(BigInt(j - 32), BigInt(j + 32), cw);
    }
    logConsts = { w: cw, ln2: 2n * acothFixed(3n, cw), table };
  }
  const shift = BigInt(logConsts.w - w);
  if (shift === 0n) return logConsts;
  return { ln2: logConsts.ln2 >> shift, table: logConsts.table.map((v) => v >> shift) };
}

let wConsts: { ln2: bigint; table: bigint[] } | null = null;
/** ln 2 at scale 2**W. */
function LN2(): bigint {
  wConsts ??= logConstants(W);
  return wConsts.ln2;
}

let piCache: { w: number; v: bigint } | null = null;
/** pi at scale 2**w (computed once at the largest precision asked for). */
function PI(w: number): bigint {
  if (!piCache || piCache.w < w) {
    const pw = Math.max(w, 1400) + 16;
    piCache = { w: pw, v: (16n * acotFixed(5n, pw + 8) - 4n * acotFixed(239n, pw + 8)) >> 8n };
  }
  return piCache.v >> BigInt(piCache.w - w);
}

/** atanh(num/den) at scale 2**w, |num/den| small. */
function atanhRatio(num: bigint, den: bigint, w: number): bigint {
  const one = 1n << BigInt(w);
  const z = (num * one) / den;
  return atanhFixed(z, w);
}

/** atanh(z) at scale 2**w for a small fixed-point z. */
function atanhFixed(z: bigint, w: number): bigint {
  // Products truncate toward zero (a floor shift would leave a negative term stuck at -1).
  const one = 1n << BigInt(w);
  const zz = (z * z) / one;
  let t = z;
  let sum = z;
  for (let k = 3n; t !== 0n; k += 2n) {
    t = (t * zz) / one;
    sum += t / k;
  }
  return sum;
}

/** log(x) at scale 2**w for a positive finite double x. */
function logFixed(x: number, w: number = W): bigint {
  const consts = w === W ? (wConsts ??= logConstants(W)) : logConstants(w);
  const one = 1n << BigInt(w);
  const [m0, e0] = decompose(x);
  const b = bitLength(m0);
  // x = f * 2**E with f = m0 / 2**b in [0.5, 1), then f taken into [0.75, 1.5)
  let E = e0 + b;
  let f = m0 << BigInt(w - b); // f * 2**w, exact
  if (f * 4n < 3n * one) {
    f <<= 1n;
    E -= 1;
  }
  // f = (j/32) * g with g in [1, 1 + 1/j)
  const j = Number((f * 32n) >> BigInt(w));
  const g = (f * 32n) / BigInt(j);
  const z = ((g - one) << BigInt(w)) / (g + one);
  return BigInt(E) * consts.ln2 + consts.table[j] + 2n * atanhFixed(z, w);
}

/** exp(t) for a fixed-point t (scale 2**W, |t| < ~746): the double nearest to it. */
function expOfFixed(t: bigint): number {
  const ln2 = LN2();
  // k = round(t / ln 2), r = t - k ln 2 with |r| <= ln2 / 2
  let k = t / ln2;
  let r = t - k * ln2;
  if (r * 2n > ln2) {
    k += 1n;
    r -= ln2;
  } else if (r * 2n < -ln2) {
    k -= 1n;
    r += ln2;
  }
  const s = 12;
  const rs = r >> BigInt(s);
  const sh = BigInt(W);
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * rs) / ONE;
    term /= n;
    sum += term;
  }
  for (let i = 0; i < s; i++) sum = (sum * sum) >> sh;
  return bigToDouble(sum, true, Number(k) - W);
}

/** exp(x), correctly rounded (inf/0 beyond the range; the caller raises OverflowError). */
export function crExp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return 0;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  if (Math.abs(x) < 2 ** -60) return 1;
  const t = toFixed(x, W);
  return expOfFixed(x < 0 ? -t : t);
}

/** log(x) for x > 0 finite, correctly rounded. */
export function crLog(x: number): number {
  if (x === 1) return 0;
  return fromFixed(logFixed(x), W);
}

/** log2(x) for x > 0 finite, correctly rounded (exact for powers of two). */
export function crLog2(x: number): number {
  const l = logFixed(x);
  return fromFixed((l << BigInt(W)) / LN2(), W);
}

let ln10Cache: bigint | null = null;
/** log10(x) for x > 0 finite, correctly rounded. */
export function crLog10(x: number): number {
  ln10Cache ??= logFixed(10);
  const l = logFixed(x);
  const q = (l << BigInt(W)) / ln10Cache;
  // log10 of an exact power of ten is an integer: the approximation lands within a few units of it.
  const near = (q + (ONE >> 1n)) >> BigInt(W);
  const diff = q - (near << BigInt(W));
  if ((diff < 0n ? -diff : diff) < 1n << 40n) {
    const p = Number(near);
    if (Math.abs(p) <= 22 && 10 ** p === x) return p;
  }
  return fromFixed(q, W);
}

/**
 * x**y exactly, when y is an integer or a half-integer of modest size and the result can be had from
 * integers (a square root for the halves): the correctly rounded double, or null when not applicable.
 */
function exactPow(x: number, y: number): number | null {
  const twice = y * 2;
  if (!Number.isInteger(twice) || Math.abs(twice) > 2048) return null;
  let [m, e] = decompose(x);
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  const half = !Number.isInteger(y);
  const n = Math.abs(half ? twice : y);
  if (bitLength(m) * n > 40000) return null;
  // x**n = m**n * 2**(e n), exact
  let num = m ** BigInt(n);
  let exp2 = e * n;
  if (half) {
    // x**(n/2) = sqrt(num * 2**exp2): exact only if that is a perfect square
    if (exp2 % 2 !== 0) {
      num <<= 1n;
      exp2 -= 1;
    }
    const r = isqrt(num);
    if (r * r !== num) return null;
    num = r;
    exp2 /= 2;
  }
  if (y > 0) return bigToDouble(num, false, exp2);
  // 2**(-exp2) / num with enough bits and a sticky remainder
  const bits = bitLength(num) + 70;
  const q = (1n << BigInt(bits)) / num;
  const rem = (1n << BigInt(bits)) - q * num;
  return bigToDouble(q, rem !== 0n, -bits - exp2);
}

/** floor(sqrt(n)) for n >= 0. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * pow(x, y) for x > 0 finite, y finite: correctly rounded; inf when it overflows (the caller raises) and
 * 0 or a subnormal when it underflows.
 */
export function crPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  const exact = exactPow(x, y);
  if (exact !== null) return exact;
  // x**y = exp(y log x); y log x needs W bits after the point even when |y| is large.
  const [my, ey] = decompose(Math.abs(y));
  const extra = Math.max(0, bitLength(my) + ey) + 8;
  const w = W + extra;
  const l = logFixed(x, w);
  let t = l * my;
  t = ey >= 0 ? t << BigInt(ey) : t >> BigInt(-ey);
  t >>= BigInt(extra);
  if (y < 0) t = -t;
  if (t > 710n * ONE) return Infinity;
  if (t < -746n * ONE) return 0;
  return expOfFixed(t);
}

/** 2**x, correctly rounded (inf/0 beyond the range). */
export function crExp2(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return 0;
  if (Number.isInteger(x)) return x > 1023 ? Infinity : x < -1074 ? 0 : 2 ** x;
  if (x > 1024) return Infinity;
  if (x < -1080) return 0;
  const t = (toFixed(x, W) * LN2()) >> BigInt(W);
  return expOfFixed(x < 0 ? -t : t);
}

// ---------------------------------------------------------------- trigonometry

/** sin and cos of a fixed-point r with |r| <= pi/4 (scale 2**W). */
function sinCosFixed(r: bigint): [bigint, bigint] {
  const sh = BigInt(W);
  const rr = (r * r) >> sh;
  let t = r;
  let s = r;
  for (let n = 2n; t !== 0n; n += 2n) {
    t = -((t * rr) / ONE) / (n * (n + 1n));
    s += t;
  }
  t = ONE;
  let c = ONE;
  for (let n = 1n; t !== 0n; n += 2n) {
    t = -((t * rr) / ONE) / (n * (n + 1n));
    c += t;
  }
  return [s, c];
}

/** |x| = k * pi/2 + r with |r| <= pi/4: (k mod 4, r at scale 2**W). */
function reduceHalfPi(ax: number): [number, bigint] {
  const [m, e] = decompose(ax);
  const v = W + Math.max(0, e + 53) + 16;
  const xv = e + v >= 0 ? m << BigInt(e + v) : m >> BigInt(-(e + v));
  const halfPi = PI(v) >> 1n;
  let k = xv / halfPi;
  let r = xv - k * halfPi;
  if (r * 2n > halfPi) {
    k += 1n;
    r -= halfPi;
  }
  return [Number(k % 4n), r >> BigInt(v - W)];
}

type Trig = 'sin' | 'cos' | 'tan';

/** sin, cos or tan of a finite x, correctly rounded. */
export function crTrig(which: Trig, x: number): number {
  if (x === 0) return which === 'cos' ? 1 : x;
  const ax = Math.abs(x);
  if (ax < 2 ** -100) return which === 'cos' ? 1 : x;
  const [k, r] = reduceHalfPi(ax);
  const [s, c] = sinCosFixed(r);
  let v: bigint;
  if (which === 'sin') v = [s, c, -s, -c][k];
  else if (which === 'cos') v = [c, -s, -c, s][k];
  else v = k % 2 === 0 ? (s << BigInt(W)) / c : -((c << BigInt(W)) / s);
  const out = fromFixed(v, W);
  return which !== 'cos' && x < 0 ? -out : out;
}

/** atan of a non-negative fixed-point t (scale 2**W), at scale 2**W. */
function atanFixed(t: bigint): bigint {
  const halfPi = PI(W) >> 1n;
  if (t > ONE) return halfPi - atanFixed((ONE << BigInt(W)) / t);
  // atan(t) = 2 atan(t / (1 + sqrt(1 + t*t))), three times
  let u = t;
  for (let i = 0; i < 3; i++) {
    const root = isqrt((ONE << BigInt(W)) + u * u);
    u = (u << BigInt(W)) / (ONE + root);
  }
  const sh = BigInt(W);
  const uu = (u * u) >> sh;
  let p = u;
  let sum = u;
  let sign = -1n;
  for (let k = 3n; p !== 0n; k += 2n) {
    p = (p * uu) >> sh;
    sum += (sign * p) / k;
    sign = -sign;
  }
  return sum << 3n;
}

/** atan(x), correctly rounded. */
export function crAtan(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  const ax = Math.abs(x);
  let v: bigint;
  if (ax === Infinity || ax > 2 ** 120) v = PI(W) >> 1n;
  else if (ax < 2 ** -100) return x;
  else v = atanFixed(toFixed(ax, W));
  const out = fromFixed(v, W);
  return x < 0 ? -out : out;
}

/** |y| / |x| at scale 2**W, for finite nonzero x and y. */
function ratioFixed(y: number, x: number): bigint {
  const [my, ey] = decompose(Math.abs(y));
  const [mx, ex] = decompose(Math.abs(x));
  const s = ey - ex + W;
  return s >= 0 ? (my << BigInt(s)) / mx : my / (mx << BigInt(-s));
}

/** atan2(y, x) with C99's special cases, correctly rounded. */
export function crAtan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const pi = (): number => fromFixed(PI(W), W);
  const neg = y < 0 || Object.is(y, -0);
  const sign = (v: number): number => (neg ? -v : v);
  if (y === 0) {
    const xneg = x < 0 || Object.is(x, -0);
    return sign(xneg ? pi() : 0);
  }
  if (x === 0) return sign(fromFixed(PI(W) >> 1n, W));
  if (!Number.isFinite(y)) {
    if (x === Infinity) return sign(fromFixed(PI(W) >> 2n, W));
    if (x === -Infinity) return sign(fromFixed((3n * PI(W)) >> 2n, W));
    return sign(fromFixed(PI(W) >> 1n, W));
  }
  if (x === Infinity) return sign(0);
  if (x === -Infinity) return sign(pi());
  // Ratios outside 2**-120 .. 2**120: the answer is y/x, pi/2 or pi, correctly rounded.
  const [, ey] = decompose(Math.abs(y));
  const [, ex] = decompose(Math.abs(x));
  if (ey - ex > 130) return sign(fromFixed(PI(W) >> 1n, W));
  if (ey - ex < -130) {
    if (x > 0) return y / x;
    return sign(pi());
  }
  const a = atanFixed(ratioFixed(y, x));
  return sign(fromFixed(x > 0 ? a : PI(W) - a, W));
}

/** asin(x) for |x| <= 1, correctly rounded. */
export function crAsin(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  const ax = Math.abs(x);
  if (ax < 2 ** -100) return x;
  const X = toFixed(ax, W);
  const s = isqrt((ONE << BigInt(W)) - X * X);
  const v = s === 0n ? PI(W) >> 1n : atanFixed((X << BigInt(W)) / s);
  const out = fromFixed(v, W);
  return x < 0 ? -out : out;
}

/** acos(x) for |x| <= 1, correctly rounded. */
export function crAcos(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === 1) return 0;
  if (x === 0) return fromFixed(PI(W) >> 1n, W);
  const ax = Math.abs(x);
  if (ax < 2 ** -100) return fromFixed(PI(W) >> 1n, W);
  const X = toFixed(ax, W);
  const s = isqrt((ONE << BigInt(W)) - X * X);
  const a = atanFixed((s << BigInt(W)) / X);
  return fromFixed(x > 0 ? a : PI(W) - a, W);
}

// ---------------------------------------------------------------- norms

/** sqrt(sum of squares) of finite doubles, correctly rounded (CPython's vector_norm gets the same). */
export function crNorm(values: number[]): number {
  const parts: [bigint, number][] = [];
  for (const v of values) if (v !== 0) parts.push(decompose(Math.abs(v)));
  if (!parts.length) return 0;
  const emin = Math.min(...parts.map((p) => p[1]));
  let sum = 0n;
  for (const [m, e] of parts) {
    const a = m << BigInt(e - emin);
    sum += a * a;
  }
  // sqrt(sum) * 2**emin, with 64+ significant bits and a sticky bit
  const extra = Math.max(0, 70 - Math.floor(bitLength(sum) / 2));
  const scaled = sum << BigInt(2 * extra);
  const r = isqrt(scaled);
  return bigToDouble(r, r * r !== scaled, emin - extra);
}
