// Source bytes to text as CPython reads them (PEP 263 coding cookie, UTF-8 BOM, universal newlines).
export class SourceDecodeError extends Error {}

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** CPython's normalisation of encoding names (Parser/tokenizer.c, get_normal_name). */
function normalName(name: string): string {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'utf-8' || n.startsWith('utf-8-')) return 'utf-8';
  if (/^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(n)) return 'latin1';
  return n;
}

export function decodeSource(bytes: Uint8Array): string {
  let start = 0;
  let bom = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) { start = 3; bom = true; }
  let encoding = 'utf-8';
  // The cookie may sit on line 1, or on line 2 when line 1 is a comment or blank.
  const head = new TextDecoder('latin1').decode(bytes.subarray(start, Math.min(bytes.length, start + 400)));
  const lines = head.split(/\r\n|\r|\n/).slice(0, 2);
  for (let i = 0; i < lines.length; i++) {
    const m = COOKIE.exec(lines[i]);
    if (m) { encoding = normalName(m[1]); break; }
    if (!/^[ \t\f]*(#.*)?$/.test(lines[i])) break;
  }
  if (bom && encoding !== 'utf-8') throw new SourceDecodeError(`encoding problem: ${encoding} with BOM`);
  if (bytes.indexOf(0, start) !== -1) throw new SourceDecodeError('source code cannot contain null bytes');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new SourceDecodeError(`unknown encoding: ${encoding}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(start));
  } catch {
    throw new SourceDecodeError(`(unicode error) '${encoding}' codec can't decode the source: not valid ${encoding}`);
  }
  return text.replace(/\r\n?/g, '\n');
}
