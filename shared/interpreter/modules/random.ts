// The _random module (Modules/_randommodule.c): CPython's Mersenne Twister as the Random type, seeded exactly
// as CPython seeds it, so a seeded program draws the same numbers; random.py (pylib) builds every method of
// Lib/random.py on it the same way. Unseeded, the simulation uses a fixed seed (a run must be reproducible).
// Also _sha512/_sha2's sha512, which Random.seed uses for str and bytes seeds.
import { excType, hash, indexValue, typeName } from '../abstract';
import { PyInt, PyModule, PyObject, PyTuple, PyType } from '../objects';
import { alloc, decref, incref, newFloat, newInt, newStr, newTuple, raise, rt } from '../runtime';
import { def } from '../types/common';
import { finishType, moduleFunction, moduleValue, newStaticType, typeError } from './support';
import { hash64 } from '../types/hashing';
import { bytesLike, newBytes } from '../types/bytes';

class MersenneTwister {
  mt = new Uint32Array(624);
  index = 625;

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

/** A Random object: the generator's state lives in the object (random_state in _randommodule.c). */
class PyRandom extends PyObject {
  gen = new MersenneTwister();
  constructor(type: PyType) {
    super(type);
  }
}

/** random_seed: None seeds with the simulation's fixed seed; an int by its absolute value; anything else by its
 *  hash taken as an unsigned word. */
function seedFrom(gen: MersenneTwister, arg: PyObject | null): void {
  if (!arg || arg === rt.None) {
    gen.seedInt(0x5eedn);
    return;
  }
  if (arg instanceof PyInt) {
    gen.seedInt(BigInt(arg.value));
    return;
  }
  void hash;
  let h = hash64(arg);
  if (h < 0n) h += 1n << BigInt(8 * rt.version.ptr);
  gen.seedInt(h);
}

export function installRandom(m: PyModule): void {
  const R = newStaticType('Random', { module: '_random', size: 2512, gc: false, baseType: true });
  R.slots.tp_new = (type, args, kw) => {
    if (type === R && kw && kw.length) typeError('Random() takes no keyword arguments');
    const nkw = kw ? kw.length : 0;
    if (args.length - nkw > 1) typeError('Random() requires 0 or 1 argument');
    const r = alloc(new PyRandom(type), 2512);
    seedFrom(r.gen, args.length - nkw ? args[0] : null);
    return r;
  };
  def<PyRandom>(R, 'random', (self, args, kw) => {
    if ((kw && kw.length) || args.length) typeError(`Random.random() takes no arguments (${args.length} given)`);
    return newFloat(self.gen.random());
  });
  def<PyRandom>(R, 'seed', (self, args, kw) => {
    if (kw && kw.length) typeError('seed() takes no keyword arguments');
    if (args.length > 1) typeError(`seed expected at most 1 argument, got ${args.length}`);
    seedFrom(self.gen, args.length ? args[0] : null);
    return incref(rt.None);
  });
  def<PyRandom>(R, 'getrandbits', (self, args, kw) => {
    if (kw && kw.length) typeError('getrandbits() takes no keyword arguments');
    if (args.length !== 1) typeError(`Random.getrandbits() takes exactly one argument (${args.length} given)`);
    const k = Number(indexValue(args[0]));
    if (k < 0) raise(excType('ValueError'), 'number of bits must be non-negative');
    return newInt(k === 0 ? 0 : self.gen.getrandbits(k));
  });
  def<PyRandom>(R, 'getstate', (self) => {
    const items: PyObject[] = [];
    for (const w of self.gen.mt) items.push(newInt(w));
    items.push(newInt(self.gen.index));
    return newTuple(items);
  });
  def<PyRandom>(R, 'setstate', (self, args) => {
    const state = args[0];
    if (!(state instanceof PyTuple)) typeError('state vector must be a tuple');
    const items = (state as PyTuple).items;
    if (items.length !== 625) raise(excType('ValueError'), 'state vector is the wrong size');
    for (let i = 0; i < 624; i++) self.gen.mt[i] = Number(BigInt(indexValue(items[i])) & 0xffffffffn);
    const index = Number(indexValue(items[624]));
    if (index < 0 || index > 624) raise(excType('ValueError'), 'invalid state');
    self.gen.index = index;
    return incref(rt.None);
  });
  finishType(R);
  moduleValue(m, 'Random', R);
  void typeName;
}

// ---------------------------------------------------------------- sha512 (FIPS 180-4)

const K512 = [
  '428a2f98d728ae22', '7137449123ef65cd', 'b5c0fbcfec4d3b2f', 'e9b5dba58189dbbc', '3956c25bf348b538', '59f111f1b605d019',
  '923f82a4af194f9b', 'ab1c5ed5da6d8118', 'd807aa98a3030242', '12835b0145706fbe', '243185be4ee4b28c', '550c7dc3d5ffb4e2',
  '72be5d74f27b896f', '80deb1fe3b1696b1', '9bdc06a725c71235', 'c19bf174cf692694', 'e49b69c19ef14ad2', 'efbe4786384f25e3',
  '0fc19dc68b8cd5b5', '240ca1cc77ac9c65', '2de92c6f592b0275', '4a7484aa6ea6e483', '5cb0a9dcbd41fbd4', '76f988da831153b5',
  '983e5152ee66dfab', 'a831c66d2db43210', 'b00327c898fb213f', 'bf597fc7beef0ee4', 'c6e00bf33da88fc2', 'd5a79147930aa725',
  '06ca6351e003826f', '142929670a0e6e70', '27b70a8546d22ffc', '2e1b21385c26c926', '4d2c6dfc5ac42aed', '53380d139d95b3df',
  '650a73548baf63de', '766a0abb3c77b2a8', '81c2c92e47edaee6', '92722c851482353b', 'a2bfe8a14cf10364', 'a81a664bbc423001',
  'c24b8b70d0f89791', 'c76c51a30654be30', 'd192e819d6ef5218', 'd69906245565a910', 'f40e35855771202a', '106aa07032bbd1b8',
  '19a4c116b8d2d0c8', '1e376c085141ab53', '2748774cdf8eeb99', '34b0bcb5e19b48a8', '391c0cb3c5c95a63', '4ed8aa4ae3418acb',
  '5b9cca4f7763e373', '682e6ff3d6b2b8a3', '748f82ee5defb2fc', '78a5636f43172f60', '84c87814a1f0ab72', '8cc702081a6439ec',
  '90befffa23631e28', 'a4506cebde82bde9', 'bef9a3f7b2c67915', 'c67178f2e372532b', 'ca273eceea26619c', 'd186b8c721c0c207',
  'eada7dd6cde0eb1e', 'f57d4f7fee6ed178', '06f067aa72176fba', '0a637dc5a2c898a6', '113f9804bef90dae', '1b710b35131c471b',
  '28db77f523047d84', '32caab7b40c72493', '3c9ebe0a15c9bebc', '431d67c49c100d4c', '4cc5d4becb3e42b6', '597f299cfc657e2a',
  '5fcb6fab3ad6faec', '6c44198c4a475817',
].map((h) => BigInt('0x' + h));
const H512 = ['6a09e667f3bcc908', 'bb67ae8584caa73b', '3c6ef372fe94f82b', 'a54ff53a5f1d36f1', '510e527fade682d1',
  '9b05688c2b3e6c1f', '1f83d9abfb41bd6b', '5be0cd19137e2179'].map((h) => BigInt('0x' + h));
const M64 = (1n << 64n) - 1n;
const rotr = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & M64;

export function sha512(data: Uint8Array): Uint8Array {
  const len = data.length;
  const padded = new Uint8Array(Math.ceil((len + 17) / 128) * 128);
  padded.set(data);
  padded[len] = 0x80;
  const bitLen = BigInt(len) * 8n;
  for (let i = 0; i < 16; i++) padded[padded.length - 1 - i] = Number((bitLen >> BigInt(8 * i)) & 0xffn);
  const h = [...H512];
  const w = new Array<bigint>(80);
  for (let off = 0; off < padded.length; off += 128) {
    for (let t = 0; t < 16; t++) {
      let v = 0n;
      for (let b = 0; b < 8; b++) v = (v << 8n) | BigInt(padded[off + t * 8 + b]);
      w[t] = v;
    }
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1n) ^ rotr(w[t - 15], 8n) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19n) ^ rotr(w[t - 2], 61n) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & M64;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t++) {
      const S1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const ch = (e & f) ^ (~e & M64 & g);
      const t1 = (hh + S1 + ch + K512[t] + w[t]) & M64;
      const S0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) & M64;
      hh = g; g = f; f = e; e = (d + t1) & M64; d = c; c = b; b = a; a = (t1 + t2) & M64;
    }
    h[0] = (h[0] + a) & M64; h[1] = (h[1] + b) & M64; h[2] = (h[2] + c) & M64; h[3] = (h[3] + d) & M64;
    h[4] = (h[4] + e) & M64; h[5] = (h[5] + f) & M64; h[6] = (h[6] + g) & M64; h[7] = (h[7] + hh) & M64;
  }
  const out = new Uint8Array(64);
  h.forEach((v, i) => {
    for (let b = 0; b < 8; b++) out[i * 8 + b] = Number((v >> BigInt(8 * (7 - b))) & 0xffn);
  });
  return out;
}

/** _sha512 (3.11) / _sha2 (3.12+): the sha512 hash object, as much of it as Random.seed uses. */
export function installSha2(m: PyModule): void {
  class PySha extends PyObject {
    data: number[] = [];
  }
  const T = newStaticType('SHA512Type', { module: m.name, size: 224, gc: false });
  const update = (h: PySha, o: PyObject): void => {
    const b = bytesLike(o);
    if (!b) typeError(o.ob_type === rt.t.str ? 'Strings must be encoded before hashing' : `object supporting the buffer API required`);
    h.data.push(...b!);
  };
  def<PySha>(T, 'update', (self, args) => { update(self, args[0]); return incref(rt.None); });
  def<PySha>(T, 'digest', (self) => newBytes(sha512(Uint8Array.from(self.data))));
  def<PySha>(T, 'hexdigest', (self) => newStr([...sha512(Uint8Array.from(self.data))].map((x) => x.toString(16).padStart(2, '0')).join('')));
  finishType(T);
  moduleFunction(m, 'sha512', (args) => {
    const h = alloc(new PySha(T), 224);
    if (args.length) update(h, args[0]);
    return h;
  });
  void decref;
}
