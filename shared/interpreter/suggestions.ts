// "Did you mean" (Python/suggestions.c): the candidate nearest a mistyped name, by CPython's weighted Levenshtein
// distance over UTF-8 bytes.

const utf8 = new TextEncoder();
const MOVE_COST = 2;
const CASE_COST = 1;
const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** levenshtein_distance over UTF-8 bytes, with CPython's costs and early exits. */
function levenshtein(as: string, bs: string, maxCost: number): number {
  let a = utf8.encode(as);
  let b = utf8.encode(bs);
  if (as === bs) return 0;
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  a = a.subarray(s);
  b = b.subarray(s);
  let ea = a.length;
  let eb = b.length;
  while (ea && eb && a[ea - 1] === b[eb - 1]) { ea--; eb--; }
  a = a.subarray(0, ea);
  b = b.subarray(0, eb);
  if (!a.length || !b.length) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  for (let i = 0, tmp = MOVE_COST; i < a.length; i++, tmp += MOVE_COST) buffer[i] = tmp;
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi];
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(code, a[i]);
      distance = buffer[i];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** _Py_CalculateSuggestions: the nearest candidate within CPython's distance limit, or null. */
export function calculateSuggestion(candidates: string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  const nameSize = utf8.encode(name).length;
  for (const item of candidates) {
    if (item === name) continue;
    let maxDistance = Math.floor(((nameSize + utf8.encode(item).length + 3) * MOVE_COST) / 6);
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const d = levenshtein(name, item, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}
