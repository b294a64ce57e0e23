// Exact 64-bit hashes (Python/pyhash.c, tuplehash, frozenset_hash): sets place their items by the low bits of
// the hash, and a JS number cannot hold a 64-bit hash, so the value types compute them as bigints here and
// tp_hash returns the number nearest to them.
import { callDescriptor, excType, hash, isSubtype, lookupType, typeName } from '../abstract';
import { PyBuiltin, PyFloat, PyInt, PyObject, PyRange, PySet, PyStr, PyTuple } from '../objects';
import { decref, raise, rt } from '../runtime';
import { floatHash64, pointerHash64 } from './float';
import { frozensetHash64 } from './set';
import { rangeHash64 } from './range';

const MODULUS = (1n << 61n) - 1n;
const M64 = 1n << 64n;
const MASK64 = M64 - 1n;

/** Interprets an unsigned 64-bit value as Py_hash_t. */
export function signed64(x: bigint): bigint {
  x &= MASK64;
  return x >= 1n << 63n ? x - M64 : x;
}

/** Hash of an int (pyhash.c: modulo 2**61 - 1, with -1 mapped to -2). */
export function intHash64(v: number | bigint): bigint {
  if (typeof v === 'number' && Math.abs(v) < 2 ** 53) {
    const n = BigInt(v);
    return n === -1n ? -2n : n;
  }
  const b = BigInt(v);
  let h = (b < 0n ? -b : b) % MODULUS;
  if (b < 0n) h = -h;
  return h === -1n ? -2n : h;
}

/** A str hash that fits a JS number exactly (CPython's is randomized per process; any stable value will do). */
export function strHash(s: PyStr): number {
  if (s.hash !== -1) return s.hash;
  let h = 0xcbf29ce484222325n;
  const v = s.value;
  for (let i = 0; i < v.length; i++) {
    h ^= BigInt(v.charCodeAt(i));
    h = (h * 0x100000001b3n) & MASK64;
  }
  let n = Number(h & ((1n << 52n) - 1n));
  if (h & (1n << 63n)) n = -n;
  if (n === -1) n = -2;
  if (v.length === 0) n = 0;
  s.hash = n;
  return n;
}

/** hash(None): address-based up to 3.11 (the reference 3.11 build's static None sits at ...bbe0; only the low bits matter for set order), constant from 3.12. */
export function noneHash64(): bigint {
  if (rt.v >= 312) return 0xfca86420n;
  return 0x7f35f345bben;
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** tuplehash (Objects/tupleobject.c, xxHash-based since 3.8) over the items' hashes. */
export function tupleHashOf(lanes: bigint[]): bigint {
  let acc = XXPRIME_5;
  for (const h of lanes) {
    const lane = h & MASK64;
    acc = (acc + lane * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(lanes.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  if (acc === MASK64) return 1546275796n;
  return signed64(acc);
}

/** The exact hash of any object: the value types computed here, others through PyObject_Hash. */
export function hash64(o: PyObject): bigint {
  const t = o.ob_type;
  if (t.heapType) {
    const dunder = lookupType(t, '__hash__');
    if (dunder === rt.None) raise(excType('TypeError'), `unhashable type: '${typeName(o)}'`);
    if (dunder && !(dunder instanceof PyBuiltin)) {
      const r = callDescriptor(dunder, o, []);
      if (!(r instanceof PyInt)) {
        decref(r);
        raise(excType('TypeError'), '__hash__ method should return an integer');
      }
      const v = r.value;
      decref(r);
      return intHash64(v);
    }
  }
  if (o instanceof PyInt) return intHash64(o.value);
  if (o instanceof PyStr) return BigInt(strHash(o));
  if (o instanceof PyFloat) return floatHash64(o.value, o);
  if (o === rt.None) return noneHash64();
  if (o instanceof PyTuple) return tupleHashOf(o.items.map(hash64));
  if (o instanceof PySet && isSubtype(t, rt.t.frozenset)) return frozensetHash64(o);
  if (o instanceof PyRange) return rangeHash64(o);
  return BigInt(hash(o));
}

/** The hash a builtin type's own tp_hash gives (heap-type overrides aside), exactly. */
export function builtinHash64(o: PyObject): bigint {
  if (o instanceof PyInt) return intHash64(o.value);
  if (o instanceof PyStr) return BigInt(strHash(o));
  if (o instanceof PyFloat) return floatHash64(o.value, o);
  if (o === rt.None) return noneHash64();
  if (o instanceof PyTuple) return tupleHashOf(o.items.map(hash64));
  if (o instanceof PySet && isSubtype(o.ob_type, rt.t.frozenset)) return frozensetHash64(o);
  if (o instanceof PyRange) return rangeHash64(o);
  return BigInt(hash(o));
}

/** Py_hash_t as the number tp_hash returns. */
export function hashNumber(h: bigint): number {
  return Number(h);
}

export { pointerHash64, typeName };
