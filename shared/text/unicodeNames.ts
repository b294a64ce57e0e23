// \N{NAME} escapes: the code point of a Unicode character name, as unicodedata.lookup finds it
// (Modules/unicodedata.c). Hangul syllable names are computed; the rest come from the generated table.
import { ALGORITHMIC_RANGES, NAMES } from './unicodeTables';

const HANGUL_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const HANGUL_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const HANGUL_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

let table: Map<string, number> | undefined;

/** Decodes the front-coded table once, on the first \N{...} a program uses. */
function names(): Map<string, number> {
  if (table) return table;
  table = new Map();
  let cp = -1;
  let prev = '';
  for (const line of NAMES.split('\n')) {
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    cp += parseInt(line.slice(0, a), 16);
    prev = prev.slice(0, parseInt(line.slice(a + 1, b), 16)) + line.slice(b + 1);
    table.set(prev, cp);
  }
  return table;
}

function hangul(rest: string): number | undefined {
  for (let l = 0; l < HANGUL_L.length; l++) {
    if (!rest.startsWith(HANGUL_L[l])) continue;
    for (let v = 0; v < HANGUL_V.length; v++) {
      const lv = HANGUL_L[l] + HANGUL_V[v];
      if (!rest.startsWith(lv)) continue;
      const t = HANGUL_T.indexOf(rest.slice(lv.length));
      if (t >= 0) return 0xac00 + (l * 21 + v) * 28 + t;
    }
  }
  return undefined;
}

export function unicodeNameLookup(rawName: string): number | undefined {
  const name = rawName.toUpperCase();
  if (name.startsWith('HANGUL SYLLABLE ')) return hangul(name.slice('HANGUL SYLLABLE '.length));
  const dash = name.lastIndexOf('-');
  const spans = dash > 0 ? ALGORITHMIC_RANGES[name.slice(0, dash)] : undefined;
  if (spans && /^[0-9A-F]{4,6}$/.test(name.slice(dash + 1))) {
    const cp = parseInt(name.slice(dash + 1), 16);
    return spans.some(([lo, hi]) => cp >= lo && cp <= hi) ? cp : undefined;
  }
  return names().get(name);
}
