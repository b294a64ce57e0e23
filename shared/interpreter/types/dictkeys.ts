// The keys table of a dict as far as sizes show it (Objects/dictobject.c): its size (a power of two, at least
// PyDict_MINSIZE), dk_usable and dk_nentries, its kind (all-str keys take 2-word entries, others 3), and the
// shared keys of split dicts (instance dicts, PEP 412). dict.__sizeof__ is computed from this.
import { bufferHook, type PyDict, type PyType, type SharedKeys } from '../objects';
import { rt } from '../runtime';
import { dictKeysSize, usableFraction } from '../sizes';

/** The keys table changed: the dict's buffer is reallocated (footprint.ts). */
function keysChanged(d: PyDict): void {
  if (bufferHook.resized !== null && d.address !== 0) bufferHook.resized(d);
}

/** PyDict_LOG_MINSIZE */
const LOG_MINSIZE = 3;
/** SHARED_KEYS_MAX_SIZE and NEXT_LOG2_SHARED_KEYS_MAX_SIZE: a class's shared keys hold 30 names, in 64 slots. */
const SHARED_KEYS_MAX_SIZE = 30;
const LOG2_SHARED_KEYS_SIZE = 6;

/** calculate_log2_keysize, to the bit: _Py_bit_length(((minsize | PyDict_MINSIZE) - 1) | (PyDict_MINSIZE - 1)),
 *  which for a minsize without the 8 bit (32, say) gives twice the table a plain round-up would. 3.14 rounds up
 *  plainly: _Py_bit_length(max(minsize, PyDict_MINSIZE) - 1). */
function log2Keysize(minsize: number): number {
  let m = rt.v >= 314 ? Math.max(minsize, 8) - 1 : ((minsize | 8) - 1) | 7;
  let bits = 0;
  while (m > 0) { bits++; m = Math.floor(m / 2); }
  return bits;
}

/** estimate_log2_keysize: a table that holds n entries without resizing. */
export function estimateLog2Keysize(n: number): number {
  return log2Keysize(((n * 3 + 1) / 2) | 0);
}

/** dictresize: a new combined table of 2**log2 slots holding the current entries. */
export function resize(d: PyDict, log2: number, unicode: boolean): void {
  const used = d.map.size;
  d.sharedKeys = null;
  d.tableSize = 2 ** log2;
  d.unicodeKeys = unicode && d.unicodeKeys;
  d.usedEntries = used;
  d.usable = usableFraction(d.tableSize) - used;
  keysChanged(d);
}

/** insertion_resize: GROWTH_RATE is used*3 (3.11+). */
function insertionResize(d: PyDict, unicode: boolean): void {
  resize(d, log2Keysize(d.map.size * 3), unicode);
}

/** Before a lookup for insertion (insertdict): a non-str key turns a str-only (or split) table general. */
export function beforeInsert(d: PyDict, keyIsStr: boolean): void {
  if (keyIsStr) return;
  if (d.sharedKeys) {
    d.unicodeKeys = true;
    insertionResize(d, false);
  } else if (d.tableSize && d.unicodeKeys) {
    insertionResize(d, false);
  }
}

/** A key not in the dict is being added (insertdict, insert_to_emptydict, the split-table path). */
export function addEntry(d: PyDict, keyIsStr: boolean, name: string | null): void {
  const shared = d.sharedKeys;
  if (shared && keyIsStr && name !== null) {
    if (shared.names.includes(name)) return;
    if (shared.usable > 0) {
      shared.names.push(name);
      shared.usable--;
      return;
    }
    d.unicodeKeys = true;
    insertionResize(d, true); // the shared table is full: this dict gets a combined one
  }
  if (d.tableSize === 0) {
    // insert_to_emptydict: a table of PyDict_MINSIZE, str-only if the key is a str
    d.tableSize = 2 ** LOG_MINSIZE;
    d.unicodeKeys = keyIsStr;
    d.usedEntries = 0;
    d.usable = usableFraction(d.tableSize);
    keysChanged(d);
  } else if (d.usable <= 0) {
    insertionResize(d, true);
  }
  if (!keyIsStr) d.unicodeKeys = false;
  d.usable--;
  d.usedEntries++;
}

/** PyDict_Clear: back to the shared empty keys (Py_EMPTY_KEYS). */
export function clearKeys(d: PyDict): void {
  if (d.sharedKeys && rt.v >= 313) return; // 3.13+ clears a split dict's values and keeps it split
  d.sharedKeys = null;
  d.tableSize = 0;
  d.usedEntries = 0;
  d.usable = 0;
  d.unicodeKeys = true;
  keysChanged(d);
}

/** dict_new_presized (BUILD_MAP, _PyDict_FromItems): up to 5 entries start from the empty keys. */
export function presize(d: PyDict, n: number, unicode: boolean): void {
  if (n <= usableFraction(2 ** LOG_MINSIZE)) return;
  d.tableSize = 2 ** estimateLog2Keysize(n);
  d.unicodeKeys = unicode;
  d.usedEntries = 0;
  d.usable = usableFraction(d.tableSize);
  keysChanged(d);
}

/** clone_combined_dict_keys: the same table, size and all. */
export function cloneKeys(d: PyDict, src: PyDict): void {
  d.sharedKeys = src.sharedKeys;
  d.tableSize = src.tableSize;
  d.unicodeKeys = src.unicodeKeys;
  d.usedEntries = src.usedEntries;
  d.usable = src.usable;
  keysChanged(d);
}

/**
 * dict_merge of a dict into d, before its entries are inserted: into an empty dict a clean, just-allocated table
 * is cloned (returns true: nothing more to do for sizes); otherwise one resize up front if they will not fit.
 */
export function beforeMerge(d: PyDict, other: PyDict): boolean {
  if (other === d || other.map.size === 0) return false;
  if (d.map.size === 0 && !other.sharedKeys && other.map.size === other.usedEntries &&
    (other.tableSize === 2 ** LOG_MINSIZE || usableFraction(other.tableSize / 2) < other.map.size)) {
    return true;
  }
  // An empty dict has Py_EMPTY_KEYS, whose dk_log2_size is 0: USABLE_FRACTION(1) is 0, so merging anything into
  // it resizes to estimate_log2_keysize first (for one str key, 16 slots before 3.14).
  if (usableFraction(d.tableSize || 1) < other.map.size) {
    const unicode = other.sharedKeys ? true : other.unicodeKeys;
    d.unicodeKeys = d.tableSize ? d.unicodeKeys : true;
    resize(d, estimateLog2Keysize(d.map.size + other.map.size), unicode);
  }
  return false;
}

/** PyDict_Copy's keys: a split dict's copy shares its keys; a combined one with few deleted entries is cloned;
 *  otherwise the copy is built as dict_merge builds it. */
export function copyKeys(copy: PyDict, src: PyDict): void {
  if (src.map.size === 0) return clearKeys(copy);
  if (src.sharedKeys || src.map.size >= ((src.usedEntries * 2) / 3 | 0)) return cloneKeys(copy, src);
}

/** _PyDict_NewKeysForClass: a class whose instances have managed dicts gets shared keys of 64 slots. */
export function newSharedKeys(): SharedKeys {
  return { names: [], usable: SHARED_KEYS_MAX_SIZE };
}

/** init_inline_values: each new instance lowers the shared keys' dk_usable by one (down to 1). */
export function instanceCreated(type: PyType): void {
  const keys = type.cachedKeys;
  if (keys && keys.usable > 1) keys.usable--;
}

/** Storing a new attribute name in an instance's values: false when the shared keys are full. */
export function sharedKeysAdd(keys: SharedKeys, name: string): boolean {
  if (keys.names.includes(name)) return true;
  if (keys.usable <= 0) return false;
  keys.names.push(name);
  keys.usable--;
  return true;
}

/** The size of a class's shared keys, which type.__sizeof__ counts (and split dicts do not). */
export function sharedKeysSize(): number {
  return dictKeysSize(LOG2_SHARED_KEYS_SIZE, true);
}

/** _PyDict_SizeOf (Objects/dictobject.c): the dict, a split dict's values array (shared_keys_usable_size:
 *  dk_nentries + dk_usable of the shared keys, read now), and a combined table it owns alone. */
export function dictSizeof(d: PyDict): number {
  let size = d.ob_type.basicsize;
  if (d.sharedKeys) return size + (d.sharedKeys.names.length + d.sharedKeys.usable) * rt.version.ptr;
  if (d.tableSize) size += dictKeysSize(Math.log2(d.tableSize), d.unicodeKeys);
  return size;
}
