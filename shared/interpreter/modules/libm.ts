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
import { bigToDouble } from '../types/float';

const W = 128;
const ONE = 1n << BigInt(W);

const scratch = new DataView(new ArrayBuffer(8));

/** An exact decomposition of a positive finite double: integer mantissa and binary exponent. */
function decompose(x: number): [bigint, number] {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  const top = hi & 0xfffff;
  if (exp === 0) return [(BigInt(top) << 32n) | BigInt(lo), -1074];
  return [(BigInt(top | 0x100000) << 32n) | BigInt(lo), exp - 1075];
}

/** The number of bits of a non-negative BigInt. */
function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const d = Number(n);
  if (d < 2 ** 1000) {
    // log2 of the (rounded) double, corrected for the rounding at a power of two
    let b = Math.floor(Math.log2(d)) + 1;
    if (b < 1) b = 1;
    while (b > 1 && n >> BigInt(b - 1) === 0n) b--;
    while (n >> BigInt(b) !== 0n) b++;
    return b;
  }
  return n.toString(16).length * 4 - Math.clz32(parseInt(n.toString(16)[0], 16)) + 28;
}

/** q * 2**exp2 rounded to the nearest double (ties to even), q > 0; `sticky`: q was truncated. */
function roundScaled(q: bigint, sticky: boolean, exp2: number): number {
  const bl = bitLength(q);
  const top = bl + exp2; // the value lies in [2**(top-1), 2**top)
  if (top < -1020 || top > 1024) return bigToDouble(q, sticky, exp2);
  let m = q;
  let e = exp2;
  if (bl > 64) {
    const drop = BigInt(bl - 64);
    const low = m & ((1n << drop) - 1n);
    m >>= drop;
    e += bl - 64;
    if (low !== 0n) sticky = true;
  }
  if (sticky) m |= 1n; // below the rounding position of a 64-bit value: only breaks ties
  const d = Number(m); // correctly rounded to 53 bits
  return e >= -1022 ? d * 2 ** e : d * 2 ** (e + 100) * 2 ** -100;
}

/** |x| (finite, nonzero) as a fixed-point number at scale 2**w, truncated when it has bits below 2**-w. */
function toFixed(x: number, w: number): bigint {
  const [m, e] = decompose(Math.abs(x));
  const s = e + w;
  return s >= 0 ? m << BigInt(s) : m >> BigInt(-s);
}

/** A fixed-point value (any sign) at scale 2**w, rounded to the nearest double (it is never exact). */
function fromFixed(v: bigint, w: number): number {
  if (v === 0n) return 0;
  const r = roundScaled(v < 0n ? -v : v, true, -w);
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
  return roundScaled(sum, true, Number(k) - W);
}

/** exp(x), correctly rounded (inf/0 beyond the range; the caller raises OverflowError). */
export function crExp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return 0;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  if (Math.abs(x) < 2 ** -60) return 1;
  const fast = fastExp(x);
  if (fast !== null) return fast;
  const t = toFixed(x, W);
  return expOfFixed(x < 0 ? -t : t);
}

/** log(x) for x > 0 finite, correctly rounded. */
export function crLog(x: number): number {
  if (x === 1) return 0;
  const fast = fastLog(x);
  if (fast !== null) return fast;
  return fromFixed(logFixed(x), W);
}

/** log2(x) for x > 0 finite, correctly rounded (exact for powers of two). */
export function crLog2(x: number): number {
  const c = fastConsts();
  const fast = fastLogOver(x, c.ln2h, c.ln2l);
  if (fast !== null) return fast;
  const l = logFixed(x);
  return fromFixed((l << BigInt(W)) / LN2(), W);
}

let ln10Cache: bigint | null = null;
/** log10(x) for x > 0 finite, correctly rounded. */
export function crLog10(x: number): number {
  const c = fastConsts();
  const fast = fastLogOver(x, c.ln10h, c.ln10l);
  if (fast !== null) return fast;
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
  if (y > 0) return roundScaled(num, false, exp2);
  // 2**(-exp2) / num with enough bits and a sticky remainder
  const bits = bitLength(num) + 70;
  const q = (1n << BigInt(bits)) / num;
  const rem = (1n << BigInt(bits)) - q * num;
  return roundScaled(q, rem !== 0n, -bits - exp2);
}

/** floor(sqrt(n)) for n >= 0. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Newton's iteration from above, starting near the double's square root
  const bl = bitLength(n);
  let x: bigint;
  if (bl < 1000) x = BigInt(Math.ceil(Math.sqrt(Number(n)) * (1 + 2 ** -40))) + 1n;
  else {
    const sh = (bl - 900) >> 1;
    x = (BigInt(Math.ceil(Math.sqrt(Number(n >> BigInt(2 * sh))) * (1 + 2 ** -40))) + 1n) << BigInt(sh);
  }
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
  const fast = fastPow(x, y);
  if (fast !== null) return fast;
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


// ---------------------------------------------------------------- the fast path (double-double)
//
// Most arguments are settled in double-double arithmetic (~100 bits): when the result is not within 2**-85
// (relative) of a rounding boundary, rounding the double-double gives the correctly rounded answer, and the
// BigInt computation above is only needed for the rare hard cases (and for subnormal or overflowing results).

// The two halves of the last double-double result (a typed array: no boxing of the doubles).
const R = new Float64Array(2);
const SPLIT = 134217729; // 2**27 + 1

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  R[1] = a - (s - bb) + (b - bb);
  R[0] = s;
}

function quickSum(a: number, b: number): void {
  const s = a + b;
  R[1] = b - (s - a);
  R[0] = s;
}

function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  R[1] = ah * bh - p + ah * bl + al * bh + al * bl;
  R[0] = p;
}

function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = R[0];
  const e = R[1] + (ah * bl + al * bh);
  quickSum(p, e);
}

function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s1 = R[0];
  let e1 = R[1];
  twoSum(al, bl);
  const s2 = R[0];
  const e2 = R[1];
  e1 += s2;
  quickSum(s1, e1);
  const s3 = R[0];
  const e3 = R[1] + e2;
  quickSum(s3, e3);
}

function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(bh, bl, q1, 0);
  ddAdd(ah, al, -R[0], -R[1]);
  const q2 = R[0] / bh;
  // r = a - b*(q1+q2) for the third quotient digit
  ddMul(bh, bl, q1, 0);
  const p1h = R[0];
  const p1l = R[1];
  ddMul(bh, bl, q2, 0);
  ddAdd(p1h, p1l, R[0], R[1]);
  ddAdd(ah, al, -R[0], -R[1]);
  const q3 = R[0] / bh;
  quickSum(q1, q2);
  ddAdd(R[0], R[1], q3, 0);
}

/** A fixed-point BigInt (scale 2**w) as a double-double [hi, lo]. */
function ddOf(v: bigint, w: number): [number, number] {
  const hv = Number(v);
  const lo = Number(v - BigInt(hv));
  return [hv / 2 ** w, lo / 2 ** w];
}

interface FastConsts {
  l1: number; l2: number; l3: number; ln2h: number; ln2l: number; ln10h: number; ln10l: number;
  fact: [number, number][]; odd: [number, number][]; logt: [number, number][];
  /** pi/2 = p1 + p2 + p3h + p3l, p1 and p2 of 33 bits (k * p1, k * p2 exact for |k| < 2**20). */
  p1: number; p2: number; p3h: number; p3l: number;
}
let fc: FastConsts | null = null;
function fastConsts(): FastConsts {
  if (fc) return fc;
  const w = 160;
  const { ln2, table } = logConstants(w);
  const one = 1n << BigInt(w);
  // ln 2 = l1 + l2 + l3 with l1 having 42 significant bits (k * l1 exact for |k| < 2**11)
  const l1i = ln2 >> BigInt(w - 42);
  const l1 = Number(l1i) / 2 ** 42;
  const [l2, l3] = ddOf(ln2 - (l1i << BigInt(w - 42)), w);
  const [ln2h, ln2l] = ddOf(ln2, w);
  const ln10 = logFixed(10, w);
  const [ln10h, ln10l] = ddOf(ln10, w);
  const fact: [number, number][] = [];
  let f = 1n;
  for (let i = 0; i <= 27; i++) {
    if (i > 0) f *= BigInt(i);
    fact.push(ddOf(one / f, w));
  }
  const odd: [number, number][] = [];
  for (let k = 0; k <= 12; k++) odd.push(ddOf(one / BigInt(2 * k + 1), w));
  const logt: [number, number][] = [];
  for (let j = 48; j <= 96; j++) {
    // log(j/64) = log((j/2)/32), from the 32nds table when j is even, else computed
    logt[j] = ddOf(j % 2 === 0 && j / 2 >= 24 && j / 2 <= 48 ? table[j / 2] : 2n * atanhRatio(BigInt(j - 64), BigInt(j + 64), w), w);
  }
  const halfPi = PI(w) >> 1n;
  const p1i = halfPi >> BigInt(w - 32); // pi/2 < 2: 33 bits
  const rest1 = halfPi - (p1i << BigInt(w - 32));
  const p2i = rest1 >> BigInt(w - 65);
  const rest2 = rest1 - (p2i << BigInt(w - 65));
  const [p3h, p3l] = ddOf(rest2, w);
  fc = { l1, l2, l3, ln2h, ln2l, ln10h, ln10l, fact, odd, logt, p1: Number(p1i) / 2 ** 32, p2: Number(p2i) / 2 ** 65, p3h, p3l };
  return fc;
}

const exponentOf = (x: number): number => {
  scratch.setFloat64(0, x);
  return ((scratch.getUint32(0) >>> 20) & 0x7ff) - 1023;
};

/**
 * The double nearest to (h + l) * 2**k when the double-double h + l (relative error below 2**-95) is
 * safely away from a rounding boundary; null otherwise (then the slow path decides).
 */
function settle(h: number, l: number, k: number): number | null {
  const eh = exponentOf(h);
  if (eh === -1023 || eh + k < -1021 || eh + k > 1022) return null;
  const ulp = 2 ** (eh - 52);
  if (Math.abs(h) === 2 ** eh && l !== 0) return null;
  const margin = ulp / 2 - Math.abs(l);
  if (margin < Math.abs(h) * 2 ** -85) return null;
  const r = h + l;
  return k === 0 ? r : r * 2 ** k;
}

/** exp(xh + xl) as a double-double times 2**k: sets R[0], R[1] and returns k. |x| <= ~746. */
function expDD(xh: number, xl: number): number {
  const c = fastConsts();
  const k = Math.round(xh / LN2_D);
  // r = x - k ln 2 (three-part ln 2: k * l1 is exact)
  twoSum(xh, -k * c.l1);
  let rh = R[0];
  let rl = R[1] + xl;
  twoProd(k, c.l2);
  const ph = R[0];
  const pl = R[1] + k * c.l3;
  ddAdd(rh, rl, -ph, -pl);
  rh = R[0] / 16;
  rl = R[1] / 16;
  // Taylor series of exp(r/16) by Horner's rule, then squared four times
  let sh = c.fact[14][0];
  let sl = c.fact[14][1];
  for (let i = 13; i >= 0; i--) {
    ddMul(sh, sl, rh, rl);
    ddAdd(R[0], R[1], c.fact[i][0], c.fact[i][1]);
    sh = R[0];
    sl = R[1];
  }
  for (let i = 0; i < 4; i++) {
    ddMul(sh, sl, sh, sl);
    sh = R[0];
    sl = R[1];
  }
  R[0] = sh;
  R[1] = sl;
  return k;
}

const LN2_D = 0.6931471805599453;

/** 2 atanh(z) for a small double-double z (|z| < 1/64): sets R[0], R[1]. */
function twiceAtanhDD(zh: number, zl: number): void {
  const c = fastConsts();
  ddMul(zh, zl, zh, zl);
  const qh = R[0];
  const ql = R[1];
  let sh = c.odd[10][0];
  let sl = c.odd[10][1];
  for (let k = 9; k >= 0; k--) {
    ddMul(sh, sl, qh, ql);
    ddAdd(R[0], R[1], c.odd[k][0], c.odd[k][1]);
    sh = R[0];
    sl = R[1];
  }
  ddMul(sh, sl, zh, zl);
  R[0] *= 2;
  R[1] *= 2;
}

/** log(x) as a double-double (R[0], R[1]) for a positive normal finite x. */
function logDD(x: number): void {
  const c = fastConsts();
  if (x > 0.96875 && x < 1.03125) {
    // z = (x - 1) / (x + 1), x - 1 exact
    const d = x - 1;
    twoSum(x, 1);
    ddDiv(d, 0, R[0], R[1]);
    twiceAtanhDD(R[0], R[1]);
    return;
  }
  let e = exponentOf(x);
  let m = x / 2 ** e; // [1, 2)
  if (m >= 1.5) {
    m /= 2;
    e += 1;
  }
  const j = Math.floor(m * 64); // 48..95
  const cj = j / 64;
  // g = m / cj, z = (g - 1) / (g + 1) = (m - cj) / (m + cj); m - cj is exact
  const num = m - cj;
  twoSum(m, cj);
  ddDiv(num, 0, R[0], R[1]);
  twiceAtanhDD(R[0], R[1]);
  const zh = R[0];
  const zl = R[1];
  ddAdd(zh, zl, c.logt[j][0], c.logt[j][1]);
  const th = R[0];
  const tl = R[1];
  twoProd(e, c.ln2h);
  const eh = R[0];
  const el = R[1] + e * c.ln2l;
  ddAdd(eh, el, th, tl);
}

function fastExp(x: number): number | null {
  const k = expDD(x, 0);
  return settle(R[0], R[1], k);
}

function fastLog(x: number): number | null {
  if (!(x >= 2 ** -1000)) return null;
  logDD(x);
  return settle(R[0], R[1], 0);
}

function fastLogOver(x: number, dh: number, dl: number): number | null {
  if (!(x >= 2 ** -1000)) return null;
  logDD(x);
  ddDiv(R[0], R[1], dh, dl);
  return settle(R[0], R[1], 0);
}

function fastPow(x: number, y: number): number | null {
  if (!(x >= 2 ** -1000)) return null;
  logDD(x);
  const lh = R[0];
  const ll = R[1];
  twoProd(y, lh);
  const th = R[0];
  const tl = R[1] + y * ll;
  quickSum(th, tl);
  if (!(Math.abs(R[0]) < 708)) return null;
  const k = expDD(R[0], R[1]);
  return settle(R[0], R[1], k);
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
  if (ax < 2 ** 19 && ax > 2 ** -20) {
    const fast = fastTrig(which, ax);
    if (fast !== null) return which !== 'cos' && x < 0 ? -fast : fast;
  }
  const [k, r] = reduceHalfPi(ax);
  const [s, c] = sinCosFixed(r);
  let v: bigint;
  if (which === 'sin') v = [s, c, -s, -c][k];
  else if (which === 'cos') v = [c, -s, -c, s][k];
  else v = k % 2 === 0 ? (s << BigInt(W)) / c : -((c << BigInt(W)) / s);
  const out = fromFixed(v, W);
  return which !== 'cos' && x < 0 ? -out : out;
}

/** sin, cos or tan of 2**-20 < ax < 2**19 in double-double, or null when it cannot be settled so. */
function fastTrig(which: Trig, ax: number): number | null {
  const c = fastConsts();
  const k = Math.round(ax * (2 / Math.PI));
  // r = ax - k pi/2, in double-double
  twoSum(ax, -k * c.p1);
  let rh = R[0];
  let rl = R[1];
  ddAdd(rh, rl, -k * c.p2, 0);
  rh = R[0];
  rl = R[1];
  twoProd(k, c.p3h);
  const ph = R[0];
  const pl = R[1] + k * c.p3l;
  ddAdd(rh, rl, -ph, -pl);
  rh = R[0];
  rl = R[1];
  if (!(Math.abs(rh) > 2 ** -20)) return null; // close to a multiple of pi/2: the slow path
  ddMul(rh, rl, rh, rl);
  const qh = R[0];
  const ql = R[1];
  // sin r = r (1 - r^2/3! + r^4/5! - ...), cos r = 1 - r^2/2! + r^4/4! - ...
  let sh = c.fact[27][0];
  let sl = c.fact[27][1];
  for (let i = 25; i >= 1; i -= 2) {
    ddMul(sh, sl, qh, ql);
    ddAdd(c.fact[i][0], c.fact[i][1], -R[0], -R[1]);
    sh = R[0];
    sl = R[1];
  }
  ddMul(sh, sl, rh, rl);
  const sinH = R[0];
  const sinL = R[1];
  let ch = c.fact[26][0];
  let cl = c.fact[26][1];
  for (let i = 24; i >= 0; i -= 2) {
    ddMul(ch, cl, qh, ql);
    ddAdd(c.fact[i][0], c.fact[i][1], -R[0], -R[1]);
    ch = R[0];
    cl = R[1];
  }
  const q = ((k % 4) + 4) % 4;
  let h: number;
  let l: number;
  if (which === 'tan') {
    if (q % 2 === 0) ddDiv(sinH, sinL, ch, cl);
    else ddDiv(-ch, -cl, sinH, sinL);
    h = R[0];
    l = R[1];
  } else {
    const useSin = (which === 'sin') === (q % 2 === 0);
    h = useSin ? sinH : ch;
    l = useSin ? sinL : cl;
    const negate = which === 'sin' ? q >= 2 : q === 1 || q === 2;
    if (negate) {
      h = -h;
      l = -l;
    }
  }
  return settle(h, l, 0);
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
  return roundScaled(r, r * r !== scaled, emin - extra);
}
