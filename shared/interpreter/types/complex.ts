// complex (Objects/complexobject.c): arithmetic as _Py_c_sum/_Py_c_quot/_Py_c_pow, repr, hash, comparisons.
import { callDescriptor, excType, lookupType, richCompare, typeName } from '../abstract';
import { PyComplex, PyFloat, PyInt, PyObject, PyStr, type PyType } from '../objects';
import { alloc, decref, incref, newBool, newFloat, newStr, newTuple, raise, rt } from '../runtime';
import { reprFloat } from '../../text/repr';
import type { TypeTable } from '../typetable';
import { addSlotWrappers, clinic, def, getter, notImplemented, posArgs, ternaryPow } from './common';
import { floatHash64, libmPow, numberFloat, parseFloatText, stripUnderscores } from './float';
import { formatComplex } from './format';
import { intToFloat, isPySpace, transformDecimalAndSpace } from './int';

type C = { re: number; im: number };

export function newComplex(re: number, im: number, type?: PyType): PyComplex {
  const ty = type ?? rt.t.complex;
  return alloc(new PyComplex(ty, re, im), ty === rt.t.complex ? 4 * rt.version.ptr : Math.max(4 * rt.version.ptr, ty.basicsize));
}

/** to_complex: an int, float or complex operand, or null (NotImplemented). */
function toC(o: PyObject): C | null {
  if (o instanceof PyComplex) return { re: o.real, im: o.imag };
  if (o instanceof PyInt) return { re: intToFloat(o.value), im: 0 };
  if (o instanceof PyFloat) return { re: o.value, im: 0 };
  return null;
}

function prod(a: C, b: C): C {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

/** _Py_c_quot (Smith's algorithm); null on division by zero. */
export function quot(a: C, b: C): C | null {
  const abr = Math.abs(b.re);
  const abi = Math.abs(b.im);
  if (abr >= abi) {
    if (abr === 0) return null;
    const ratio = b.im / b.re;
    const denom = b.re + b.im * ratio;
    return { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom };
  }
  if (abi >= abr) {
    const ratio = b.re / b.im;
    const denom = b.re * ratio + b.im;
    return { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom };
  }
  return { re: NaN, im: NaN };
}

function cPow(a: C, b: C): { r: C; edom: boolean } {
  if (b.re === 0 && b.im === 0) return { r: { re: 1, im: 0 }, edom: false };
  if (a.re === 0 && a.im === 0) return { r: { re: 0, im: 0 }, edom: b.im !== 0 || b.re < 0 };
  const vabs = Math.hypot(a.re, a.im);
  let len = libmPow(vabs, b.re);
  const at = Math.atan2(a.im, a.re);
  let phase = at * b.re;
  if (b.im !== 0) {
    len /= Math.exp(at * b.im);
    phase += b.im * Math.log(vabs);
  }
  return { r: { re: len * Math.cos(phase), im: len * Math.sin(phase) }, edom: false };
}

function cPowu(x: C, n: number): C {
  let r: C = { re: 1, im: 0 };
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = prod(r, p);
    mask <<= 1;
    p = prod(p, p);
  }
  return r;
}

/** complex_pow on values. */
export function complexPowValues(ar: number, ai: number, br: number, bi: number): PyObject {
  const a = { re: ar, im: ai };
  const b = { re: br, im: bi };
  let p: C;
  let edom = false;
  if (b.im === 0 && b.re === Math.floor(b.re) && Math.abs(b.re) <= 100) {
    const n = b.re;
    if (n > 0) p = cPowu(a, n);
    else {
      const q = quot({ re: 1, im: 0 }, cPowu(a, -n));
      if (q === null) {
        edom = true;
        p = { re: 0, im: 0 };
      } else p = q;
    }
  } else {
    ({ r: p, edom } = cPow(a, b));
  }
  // complex_pow (Objects/complexobject.c): 3.14 says "zero to a negative or complex power".
  if (edom) {
    raise(excType('ZeroDivisionError'), `${rt.v >= 314 ? 'zero' : '0.0'} to a negative or complex power`);
  }
  if ((p.re === Infinity || p.re === -Infinity || p.im === Infinity || p.im === -Infinity)) {
    raise(excType('OverflowError'), 'complex exponentiation');
  }
  return newComplex(p.re, p.im);
}

function bin(f: (a: C, b: C) => PyObject): (a: PyObject, b: PyObject) => PyObject {
  return (x, y) => {
    const a = toC(x);
    const b = toC(y);
    if (!a || !b) return notImplemented();
    return f(a, b);
  };
}

export function complexRepr(re: number, im: number): string {
  if (re === 0 && !Object.is(re, -0)) return reprFloat(im, false) + 'j';
  let ims = reprFloat(im, false);
  if (ims[0] !== '-') ims = '+' + ims;
  return `(${reprFloat(re, false)}${ims}j)`;
}

function complexHash(o: PyComplex): number {
  const M = 1n << 64n;
  const hr = (floatHash64(o.real, o) + M) % M;
  const hi = (floatHash64(o.imag, o) + M) % M;
  let c = (hr + 1000003n * hi) % M;
  if (c === M - 1n) c = M - 2n;
  if (c >= 1n << 63n) c -= M;
  return Number(c);
}

// ---------------------------------------------------------------- complex(...)

/** complex_subtype_from_string's grammar. */
export function parseComplexText(text: string): C | null {
  let s = stripUnderscores(transformDecimalAndSpace(text));
  if (s === null) return null;
  let i = 0;
  let end = s.length;
  const skip = (): void => {
    while (i < end && isPySpace(s!.charCodeAt(i))) i++;
  };
  skip();
  while (end > i && isPySpace(s.charCodeAt(end - 1))) end--;
  if (s[i] === '(' && s[end - 1] === ')') {
    i++;
    end--;
    skip();
    while (end > i && isPySpace(s.charCodeAt(end - 1))) end--;
  }
  s = s.slice(i, end);
  const num = '(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|inf|infinity|nan)';
  const re = new RegExp(`^([+-]?${num})?(?:([+-]${num}?)?([jJ]))?$`, 'i');
  const m = re.exec(s);
  if (!m || s === '') return null;
  const part = (t: string): number => {
    if (t === '+' || t === '') return 1;
    if (t === '-') return -1;
    return parseFloatText(t)!;
  };
  if (m[3]) {
    if (m[2] !== undefined) {
      if (m[1] === undefined) return null;
      return { re: part(m[1]), im: part(m[2]) };
    }
    // Only an imaginary part: "2j", "-j".
    return { re: 0, im: m[1] === undefined ? 1 : part(m[1]) };
  }
  if (m[1] === undefined) return null;
  return { re: part(m[1]), im: 0 };
}

function complexNew(type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const [r, i] = clinic('complex', args, kwnames, ['real', 'imag'], { posonly: 0, minpos: 0, maxpos: 2 });
  if (r && r.ob_type === rt.t.complex && i === null && type === rt.t.complex) return incref(r);
  if (r instanceof PyStr) {
    if (i !== null) raise(excType('TypeError'), "complex() can't take second arg if first is a string");
    const c = parseComplexText(r.value);
    if (!c) raise(excType('ValueError'), 'complex() arg is a malformed string');
    return newComplex(c.re, c.im, type);
  }
  if (i instanceof PyStr) raise(excType('TypeError'), "complex() second arg can't be a string");
  const asC = (o: PyObject, which: string): C => {
    const dunder = lookupType(o.ob_type, '__complex__');
    if (dunder && !(o instanceof PyComplex)) {
      const res = callDescriptor(dunder, o, []);
      if (!(res instanceof PyComplex)) {
        const n = typeName(res);
        decref(res);
        raise(excType('TypeError'), `__complex__ returned non-complex (type ${n})`);
      }
      const c = { re: res.real, im: res.imag };
      decref(res);
      return c;
    }
    const c = toC(o);
    if (c) return c;
    try {
      const f = numberFloat(o);
      const v = f.value;
      decref(f);
      return { re: v, im: 0 };
    } catch (e) {
      if (e && typeof e === 'object' && 'exc' in e) {
        decref((e as { exc: PyObject }).exc);
        raise(excType('TypeError'), `complex() ${which} must be a number, not '${typeName(o)}'`);
      }
      throw e;
    }
  };
  const a = r ? asC(r, 'first argument') : { re: 0, im: 0 };
  const b = i ? asC(i, 'second argument') : null;
  // (a.re + a.im j) + (b.re + b.im j) * 1j
  let re = a.re;
  let im = a.im;
  if (b) {
    re -= b.im;
    im += b.re;
  }
  return newComplex(re, im, type);
}

export function install(t: TypeTable): void {
  const type = t.complex;
  const s = type.slots;
  s.tp_new = complexNew;
  s.tp_repr = (o) => newStr(complexRepr((o as PyComplex).real, (o as PyComplex).imag));
  s.tp_hash = (o) => complexHash(o as PyComplex);
  s.tp_richcompare = (v, w, op) => {
    if (op !== 2 && op !== 3) return notImplemented();
    if (!(v instanceof PyComplex)) return notImplemented();
    let equal: boolean;
    if (w instanceof PyInt) {
      if (v.imag === 0) {
        const j = newFloat(v.real);
        try {
          return richCompare(j, w, op);
        } finally {
          decref(j);
        }
      }
      equal = false;
    } else if (w instanceof PyFloat) equal = v.real === w.value && v.imag === 0;
    else if (w instanceof PyComplex) equal = v.real === w.real && v.imag === w.imag;
    else return notImplemented();
    return newBool(equal === (op === 2));
  };
  s.nb_bool = (o) => (o as PyComplex).real !== 0 || (o as PyComplex).imag !== 0;
  s.nb = {
    add: bin((a, b) => newComplex(a.re + b.re, a.im + b.im)),
    sub: bin((a, b) => newComplex(a.re - b.re, a.im - b.im)),
    mul: bin((a, b) => {
      const p = prod(a, b);
      return newComplex(p.re, p.im);
    }),
    truediv: bin((a, b) => {
      const q = quot(a, b);
      if (!q) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : 'complex division by zero');
      return newComplex(q.re, q.im);
    }),
    pow: bin((a, b) => complexPowValues(a.re, a.im, b.re, b.im)),
  };
  ternaryPow.set(type, (a, b) => {
    if (!toC(a) || !toC(b)) return notImplemented();
    return raise(excType('ValueError'), 'complex modulo');
  });
  s.nb_unary = {
    neg: (a) => newComplex(-(a as PyComplex).real, -(a as PyComplex).imag),
    pos: (a) => (a.ob_type === rt.t.complex ? incref(a) : newComplex((a as PyComplex).real, (a as PyComplex).imag)),
    abs: (a) => {
      const c = a as PyComplex;
      let r: number;
      if (!Number.isFinite(c.real) || !Number.isFinite(c.imag)) {
        if (Math.abs(c.real) === Infinity || Math.abs(c.imag) === Infinity) r = Infinity;
        else r = NaN;
      } else {
        r = Math.hypot(c.real, c.imag);
        if (!Number.isFinite(r)) raise(excType('OverflowError'), 'absolute value too large');
      }
      return newFloat(r);
    },
  };
  def<PyComplex>(type, 'conjugate', (self, args, kw) => {
    posArgs('conjugate', args, kw, 0, 0);
    return newComplex(self.real, -self.imag);
  });
  def<PyComplex>(type, '__getnewargs__', (self, args, kw) => {
    posArgs('__getnewargs__', args, kw, 0, 0);
    return newTuple([newFloat(self.real), newFloat(self.imag)]);
  });
  def<PyComplex>(type, '__complex__', (self, args, kw) => {
    posArgs('__complex__', args, kw, 0, 0);
    return self.ob_type === rt.t.complex ? incref(self) : newComplex(self.real, self.imag);
  });
  def<PyComplex>(type, '__format__', (self, args, kw) => {
    posArgs('__format__', args, kw, 1, 1);
    const spec = args[0];
    if (!(spec instanceof PyStr)) raise(excType('TypeError'), `__format__() argument must be str, not ${typeName(spec)}`);
    return formatComplex(self, spec.value);
  });
  getter<PyComplex>(type, 'real', (o) => newFloat(o.real));
  getter<PyComplex>(type, 'imag', (o) => newFloat(o.imag));
  addSlotWrappers(type);
}
