// The random module: CPython's Mersenne Twister (Modules/_randommodule.c) seeded exactly as CPython seeds it
// from an int, and the methods of Lib/random.py built on it the same way, so a seeded program draws the same
// numbers here as in CPython. Unseeded, the simulation uses a fixed seed (a run must be reproducible).
import { callMethod, excType, getItem, indexValue, length, typeName } from '../abstract';
import { PyFloat, PyInt, PyList, PyModule, PyObject, PyStr } from '../objects';
import { decref, incref, newFloat, newInt, newList, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { bindArgs, builtinFunction } from '../types/util';

class MersenneTwister {
  private mt = new Uint32Array(624);
  private index = 625;

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = 624;
  }

  /** init_by_array */
  seedArray(key: number[]): void {
    this.initGenrand(19650218);
    const mt = this.mt;
    let i = 1;
    let j = 0;
    const n = 624;
    for (let k = Math.max(n, key.length); k; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= n) { mt[0] = mt[n - 1]; i = 1; }
      if (j >= key.length) j = 0;
    }
    for (let k = n - 1; k; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= n) { mt[0] = mt[n - 1]; i = 1; }
    }
    mt[0] = 0x80000000;
    this.index = 624;
  }

  genrand(): number {
    const mt = this.mt;
    if (this.index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
    y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
    y ^= y >>> 18;
    return y >>> 0;
  }

  random(): number {
    const a = this.genrand() >>> 5;
    const b = this.genrand() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  }

  getrandbits(k: number): bigint {
    if (k <= 32) return BigInt(this.genrand() >>> (32 - k));
    let r = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32) {
      let word = this.genrand();
      if (left < 32) word >>>= 32 - left;
      r |= BigInt(word) << shift;
      shift += 32n;
    }
    return r;
  }

  /** random_seed for an int: its absolute value's 32-bit words, least significant first. */
  seedInt(n: bigint): void {
    let v = n < 0n ? -n : n;
    const key: number[] = [];
    do {
      key.push(Number(v & 0xffffffffn));
      v >>= 32n;
    } while (v > 0n);
    this.seedArray(key);
  }
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

export function installRandom(m: PyModule): void {
  const d = m.dict;
  const gen = new MersenneTwister();
  gen.seedInt(0x5eedn);
  let gaussNext: number | null = null;
  const fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject): void => {
    const o = builtinFunction(name, f, m);
    dict.setItemStr(d, name, o);
    decref(o);
  };
  const randbelow = (n: bigint): bigint => {
    if (n <= 0n) raise(excType('ValueError'), 'empty range for randrange()');
    const k = bitLength(n);
    let r = gen.getrandbits(k);
    while (r >= n) r = gen.getrandbits(k);
    return r;
  };
  const big = (o: PyObject): bigint => {
    const v = indexValue(o);
    return typeof v === 'bigint' ? v : BigInt(v);
  };
  fn('seed', (args, kw) => {
    const [a] = bindArgs('seed', args, kw, ['a', 'version'], 0);
    gaussNext = null;
    if (!a || a === rt.None) gen.seedInt(0x5eedn);
    else if (a instanceof PyInt) gen.seedInt(BigInt(a.value));
    else if (a instanceof PyFloat) {
      const { hash } = require('../abstract') as typeof import('../abstract');
      gen.seedInt(BigInt(hash(a)));
    } else raise(excType('NotImplementedError'), `not simulated: random.seed() with a ${typeName(a)} (seed with an int)`);
    return incref(rt.None);
  });
  fn('random', () => newFloat(gen.random()));
  fn('getrandbits', (args) => {
    const k = Number(indexValue(args[0]));
    if (k < 0) raise(excType('ValueError'), 'number of bits must be non-negative');
    return newInt(k === 0 ? 0 : gen.getrandbits(k));
  });
  const randrange = (start: bigint, stop: bigint | null, step: bigint): bigint => {
    if (stop === null) {
      if (start > 0n) return randbelow(start);
      raise(excType('ValueError'), 'empty range for randrange()');
    }
    const width = stop! - start;
    if (step === 1n) {
      if (width > 0n) return start + randbelow(width);
      raise(excType('ValueError'), `empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    let n: bigint;
    if (step > 0n) n = (width + step - 1n) / step;
    else if (step < 0n) n = (width + step + 1n) / step;
    else return raise(excType('ValueError'), 'zero step for randrange()');
    if (n <= 0n) raise(excType('ValueError'), 'empty range for randrange()');
    return start + step * randbelow(n);
  };
  fn('randrange', (args, kw) => {
    const [a, b, c] = bindArgs('randrange', args, kw, ['start', 'stop', 'step'], 1);
    return newInt(randrange(big(a!), b && b !== rt.None ? big(b) : null, c ? big(c) : 1n));
  });
  fn('randint', (args, kw) => {
    const [a, b] = bindArgs('randint', args, kw, ['a', 'b'], 2);
    return newInt(randrange(big(a!), big(b!) + 1n, 1n));
  });
  fn('choice', (args, kw) => {
    const [seq] = bindArgs('choice', args, kw, ['seq'], 1);
    const n = length(seq!);
    if (!n) raise(excType('IndexError'), 'Cannot choose from an empty sequence');
    const i = newInt(randbelow(BigInt(n)));
    try {
      return getItem(seq!, i);
    } finally {
      decref(i);
    }
  });
  fn('shuffle', (args, kw) => {
    const [x] = bindArgs('shuffle', args, kw, ['x'], 1);
    if (!(x instanceof PyList)) raise(excType('NotImplementedError'), 'not simulated: shuffle() of a non-list');
    const items = (x as PyList).items;
    for (let i = items.length - 1; i >= 1; i--) {
      const j = Number(randbelow(BigInt(i + 1)));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return incref(rt.None);
  });
  fn('uniform', (args, kw) => {
    const [a, b] = bindArgs('uniform', args, kw, ['a', 'b'], 2);
    const { toDouble } = require('./math') as typeof import('./math');
    const x = toDouble(a!);
    const y = toDouble(b!);
    return newFloat(x + (y - x) * gen.random());
  });
  fn('sample', (args, kw) => {
    const [population, kObj] = bindArgs('sample', args, kw, ['population', 'k', 'counts'], 2);
    const n = length(population!);
    const k = Number(indexValue(kObj!));
    if (k < 0 || k > n) raise(excType('ValueError'), 'Sample larger than population or is negative');
    const item = (i: number): PyObject => {
      const idx = newInt(i);
      try {
        return getItem(population!, idx);
      } finally {
        decref(idx);
      }
    };
    const result: PyObject[] = [];
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      // Lib/random.py: a pool, picking and replacing from the end.
      const pool: number[] = [...Array(n).keys()];
      for (let i = 0; i < k; i++) {
        const j = Number(randbelow(BigInt(n - i)));
        result.push(item(pool[j]));
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = Number(randbelow(BigInt(n)));
        while (selected.has(j)) j = Number(randbelow(BigInt(n)));
        selected.add(j);
        result.push(item(j));
      }
    }
    return newList(result);
  });
  fn('gauss', (args, kw) => {
    const [mu, sigma] = bindArgs('gauss', args, kw, ['mu', 'sigma'], 0);
    const { toDouble } = require('./math') as typeof import('./math');
    let z = gaussNext;
    gaussNext = null;
    if (z === null) {
      const x2pi = gen.random() * 2 * Math.PI;
      const g2rad = Math.sqrt(-2 * Math.log(1 - gen.random()));
      z = Math.cos(x2pi) * g2rad;
      gaussNext = Math.sin(x2pi) * g2rad;
    }
    return newFloat((mu ? toDouble(mu) : 0) + z * (sigma ? toDouble(sigma) : 1));
  });
  void callMethod;
  void PyStr;
}
