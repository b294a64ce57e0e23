// String literals, implicit concatenation and f-strings → Constant or JoinedStr, as CPython 3.11's
// Parser/string_parser.c builds them (literal pieces merged, empty pieces dropped, `=` debug text kept).
import type { Node as TSNode } from 'web-tree-sitter';
import type * as A from './ast';
import { ConvertError, expressionOrTuple, identifier, kids, loc } from './convert';
import { codePoints, decodeBytes, decodeStrEscapes, LiteralError, parsePrefix, type StringPrefix } from './literals';

type Part = number[] | A.FormattedValue;

const CONVERSIONS: Record<string, number> = { r: 114, s: 115, a: 97 };

export function convertString(n: TSNode): A.Expr {
  const pieces = n.type === 'concatenated_string' ? kids(n).filter((c) => c.type === 'string') : [n];
  const prefixes = pieces.map((p) => prefixOf(p));
  const L = loc(n);
  try {
    const bytes = prefixes.map((p) => p.bytes);
    if (bytes.some((b) => b !== bytes[0])) throw new ConvertError('cannot mix bytes and nonbytes literals', n);
    if (bytes[0]) {
      const chunks = pieces.map((p, i) => decodeBytes(body(p, prefixes[i]), prefixes[i].raw));
      const all = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
      let at = 0;
      for (const c of chunks) { all.set(c, at); at += c.length; }
      return { _type: 'Constant', value: { t: 'bytes', v: all }, kind: null, ...L };
    }
    // Parser/string_parser.c, make_str_node_and_del: kind is 'u' when the first token starts with a lowercase u.
    const kind = pieces[0].text.startsWith('u') ? 'u' : null;
    const parts: Part[] = [];
    pieces.forEach((p, i) => parts.push(...pieceParts(p, prefixes[i])));
    const values = merge(parts, kind, L);
    if (!prefixes.some((p) => p.f)) {
      return values.length ? values[0] : { _type: 'Constant', value: strValue([]), kind, ...L };
    }
    return { _type: 'JoinedStr', values, ...L };
  } catch (e) {
    if (e instanceof LiteralError) throw new ConvertError(e.message, n);
    throw e;
  }
}

function prefixOf(piece: TSNode): StringPrefix {
  const start = piece.child(0);
  if (!start || start.type !== 'string_start') throw new ConvertError('invalid string literal', piece);
  return parsePrefix(start.text);
}

/** The text between the quotes (tree-sitter may fold the last characters of a raw string into string_end). */
function body(piece: TSNode, prefix: StringPrefix): string {
  return piece.text.slice(piece.child(0)!.endIndex - piece.startIndex, piece.text.length - prefix.quote.length);
}

/** Decodes a literal stretch of a string body; in f-strings `{{` and `}}` stand for one brace. */
function literal(raw: string, prefix: StringPrefix): number[] {
  const decode = (s: string): number[] => (prefix.raw ? codePoints(s) : decodeStrEscapes(s));
  if (!prefix.f) return decode(raw);
  return raw.split(/(\{\{|\}\})/).flatMap((s, i) => (i % 2 ? [s.charCodeAt(0)] : decode(s)));
}

export function strValue(cps: number[]): A.ConstantValue {
  let v = '';
  let surrogates = false;
  for (const cp of cps) {
    v += String.fromCodePoint(cp);
    if (cp >= 0xd800 && cp <= 0xdfff) surrogates = true;
  }
  return surrogates ? { t: 'str', v, codePoints: cps } : { t: 'str', v };
}

/** Splits one string token into literal text and replacement fields. */
function pieceParts(piece: TSNode, prefix: StringPrefix): Part[] {
  if (!prefix.f) return [literal(body(piece, prefix), prefix)];
  const text = piece.text;
  const base = piece.startIndex;
  const parts: Part[] = [];
  let cursor = piece.child(0)!.endIndex;
  for (let i = 1; i < piece.childCount; i++) {
    const c = piece.child(i)!;
    if (c.type === 'interpolation') {
      parts.push(literal(text.slice(cursor - base, c.startIndex - base), prefix));
      parts.push(...replacementField(c, prefix));
      cursor = c.endIndex;
    }
  }
  parts.push(literal(text.slice(cursor - base, text.length - prefix.quote.length), prefix));
  return parts;
}

/** `{expr=!r:spec}`: the optional debug text, then the FormattedValue. */
function replacementField(n: TSNode, prefix: StringPrefix): Part[] {
  const expr = n.childForFieldName('expression');
  if (!expr) throw new ConvertError("f-string: empty expression not allowed", n);
  // `{x:=10}` is x with the format spec `=10`: a walrus needs parentheses inside an f-string.
  if (expr.type === 'named_expression') return walrusLookalike(n, expr, prefix);
  const conv = n.childForFieldName('type_conversion');
  const spec = n.childForFieldName('format_specifier');
  const out: Part[] = [];
  let conversion = conv ? CONVERSIONS[conv.text.slice(1)] ?? -1 : -1;
  if (conv && conversion === -1) {
    throw new ConvertError("f-string: invalid conversion character: expected 's', 'r', or 'a'", conv);
  }
  // The debug text runs from after `{` through `=` and the blanks after it (string_parser.c, fstring_find_expr).
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i)!;
    if (!c.isNamed && c.type === '=') {
      const next = n.child(i + 1)!;
      const text = n.text.slice(1, next.startIndex - n.startIndex);
      out.push(codePoints(text));
      if (!conv && !spec) conversion = CONVERSIONS.r;
    }
  }
  out.push({
    _type: 'FormattedValue', value: expressionOrTuple(expr), conversion,
    format_spec: spec ? formatSpec(spec, prefix) : null, ...loc(n),
  });
  return out;
}

function walrusLookalike(n: TSNode, expr: TSNode, prefix: StringPrefix): Part[] {
  const name = expr.childForFieldName('name')!;
  const specStart = name.endIndex - n.startIndex;
  const specText = n.text.slice(specStart + 1, n.text.length - 1);
  const value: A.Expr = { _type: 'Name', id: identifier(name), ctx: 'Load', ...loc(name) };
  const spec = merge([literal(specText, prefix)], null, loc(expr));
  return [{
    _type: 'FormattedValue', value, conversion: -1, format_spec: { _type: 'JoinedStr', values: spec, ...loc(expr) },
    ...loc(n),
  }];
}

function formatSpec(n: TSNode, prefix: StringPrefix): A.JoinedStr {
  const text = n.text;
  const base = n.startIndex;
  const parts: Part[] = [];
  let cursor = base + 1; // after ':'
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i)!;
    if (c.type === 'format_expression') {
      parts.push(literal(text.slice(cursor - base, c.startIndex - base), prefix));
      parts.push(...replacementField(c, prefix));
      cursor = c.endIndex;
    }
  }
  parts.push(literal(text.slice(cursor - base), prefix));
  return { _type: 'JoinedStr', values: merge(parts, null, loc(n)), ...loc(n) };
}

/** Adjacent literal text becomes one Constant; empty text is dropped. */
function merge(parts: Part[], kind: 'u' | null, L: A.Located): (A.Constant | A.FormattedValue)[] {
  const out: (A.Constant | A.FormattedValue)[] = [];
  let pending: number[] = [];
  const flush = (): void => {
    if (pending.length) out.push({ _type: 'Constant', value: strValue(pending), kind, ...L });
    pending = [];
  };
  for (const p of parts) {
    if (Array.isArray(p)) for (const c of p) pending.push(c);
    else { flush(); out.push(p); }
  }
  flush();
  return out;
}
