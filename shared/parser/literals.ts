// Number and string literal decoding as CPython's tokenizer and Parser/string_parser.c do it.
import type { ConstantValue } from './ast';
import { unicodeNameLookup } from '../text/unicodeNames';

export class LiteralError extends Error {}

/** An integer, float or imaginary literal (underscores allowed). */
export function parseNumber(text: string): ConstantValue {
  const t = text.replace(/_/g, '');
  const last = t[t.length - 1];
  if (last === 'j' || last === 'J') return { t: 'complex', imag: Number(t.slice(0, -1)) };
  const prefix = t.slice(0, 2).toLowerCase();
  if (prefix === '0x' || prefix === '0o' || prefix === '0b') return { t: 'int', v: BigInt(t.toLowerCase()) };
  if (/^[0-9]+$/.test(t)) {
    if (t.length > 1 && t[0] === '0' && /[1-9]/.test(t)) {
      throw new LiteralError('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
    }
    return { t: 'int', v: BigInt(t) };
  }
  return { t: 'float', v: Number(t) };
}

export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  f: boolean;
  u: boolean;
  quote: string;
}

export function parsePrefix(start: string): StringPrefix {
  const m = /^([A-Za-z]*)('''|"""|'|")$/.exec(start);
  if (!m) throw new LiteralError(`bad string start ${start}`);
  const p = m[1].toLowerCase();
  return { raw: p.includes('r'), bytes: p.includes('b'), f: p.includes('f'), u: p.includes('u'), quote: m[2] };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** The code points of a JS string (a JS string's surrogate pairs are one code point each). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/**
 * Decodes the backslash escapes of a non-raw str literal body, to code points: `'\\ud800\\udc00'` is two
 * code points in Python, which a JS string could not keep apart from one astral character.
 */
export function decodeStrEscapes(s: string): number[] {
  if (!s.includes('\\')) return codePoints(s);
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      const cp = s.codePointAt(i)!;
      out.push(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = s[i + 1];
    if (e in SIMPLE_ESCAPES) {
      const v = SIMPLE_ESCAPES[e];
      if (v) out.push(v.charCodeAt(0));
      i += 2;
      continue;
    }
    if (e >= '0' && e <= '7') {
      let j = i + 1;
      while (j < s.length && j < i + 4 && s[j] >= '0' && s[j] <= '7') j++;
      out.push(parseInt(s.slice(i + 1, j), 8));
      i = j;
      continue;
    }
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width) {
      const digits = s.slice(i + 2, i + 2 + width);
      if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits)) {
        throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 1 + digits.length}: truncated \\${e}${'X'.repeat(width)} escape`);
      }
      const cp = parseInt(digits, 16);
      if (cp > 0x10ffff) {
        throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 9}: illegal Unicode character`);
      }
      out.push(cp);
      i += 2 + width;
      continue;
    }
    if (e === 'N') {
      const close = s.indexOf('}', i);
      const cp = s[i + 2] === '{' && close > 0 ? unicodeNameLookup(s.slice(i + 3, close)) : undefined;
      if (cp === undefined) {
        throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${close > 0 ? close : i + 1}: unknown Unicode character name`);
      }
      out.push(cp);
      i = close + 1;
      continue;
    }
    out.push(0x5c, e.charCodeAt(0)); // an unknown escape stays as written (a DeprecationWarning in CPython)
    i += 2;
  }
  return out;
}

/** Decodes a bytes literal body (raw or not) to its bytes. */
export function decodeBytes(s: string, raw: boolean): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80) throw new LiteralError('bytes can only contain ASCII literal characters');
    if (raw || s[i] !== '\\' || i + 1 >= s.length) { out.push(code); continue; }
    const e = s[i + 1];
    if (e in SIMPLE_ESCAPES) {
      const v = SIMPLE_ESCAPES[e];
      if (v) out.push(v.charCodeAt(0));
      i++;
      continue;
    }
    if (e >= '0' && e <= '7') {
      let j = i + 1;
      while (j < s.length && j < i + 4 && s[j] >= '0' && s[j] <= '7') j++;
      out.push(parseInt(s.slice(i + 1, j), 8) & 0xff);
      i = j - 1;
      continue;
    }
    if (e === 'x') {
      const digits = s.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(digits)) {
        throw new LiteralError(`(value error) invalid \\x escape at position ${i}`);
      }
      out.push(parseInt(digits, 16));
      i += 3;
      continue;
    }
    out.push(0x5c, e.charCodeAt(0));
    i++;
  }
  return Uint8Array.from(out);
}
