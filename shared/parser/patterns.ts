// `case` patterns → CPython's pattern nodes (MatchValue, MatchAs, MatchSequence, ...). tree-sitter keeps a
// negative number's minus sign as a separate token beside the number, so the walk carries it along.
import type { Node as TSNode } from 'web-tree-sitter';
import type * as A from './ast';
import { ConvertError, expression, identifier, kids, loc, span } from './convert';

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', '|', ':', '=', '**', '*', 'as', 'case', 'if']);

/** The pattern of a case clause: `case a, b:` is an open sequence. */
export function convertCasePatterns(clause: TSNode): A.Pattern {
  const guard = clause.childForFieldName('guard');
  const patterns: TSNode[] = [];
  let comma = false;
  for (let i = 0; i < clause.childCount; i++) {
    const c = clause.child(i)!;
    if (guard && c.id === guard.id) break;
    if (c.type === 'case_pattern') patterns.push(c);
    else if (c.type === ',') comma = true;
  }
  const items = patterns.map((p) => convertPattern(p));
  if (items.length === 1 && !comma) return items[0];
  return { _type: 'MatchSequence', patterns: items, ...span(patterns[0], patterns[patterns.length - 1]) };
}

/** The patterns inside a container node, in order, with `-` signs applied to the number after them. */
function items(n: TSNode): { node: TSNode; pattern: A.Pattern }[] {
  const out: { node: TSNode; pattern: A.Pattern }[] = [];
  let minus: TSNode | undefined;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i)!;
    if (c.type === 'comment' || c.type === 'line_continuation') continue;
    if (!c.isNamed) {
      if (c.type === '-') minus = c;
      continue;
    }
    out.push({ node: c, pattern: convertPattern(c, minus) });
    minus = undefined;
  }
  return out;
}

function hasComma(n: TSNode): boolean {
  for (let i = 0; i < n.childCount; i++) if (n.child(i)!.type === ',') return true;
  return false;
}

/** A literal pattern's expression: a number (maybe negated), string, or dotted name. */
function valueExpr(n: TSNode, minus?: TSNode): A.Expr {
  if (n.type === 'dotted_name') return dottedExpr(n);
  if (n.type === 'complex_pattern') return complexExpr(n);
  const e = expression(n);
  if (!minus) return e;
  return { _type: 'UnaryOp', op: 'USub', operand: e, ...span(minus, n) };
}

function dottedExpr(n: TSNode): A.Expr {
  const names = kids(n);
  let e: A.Expr = { _type: 'Name', id: identifier(names[0]), ctx: 'Load', ...loc(names[0]) };
  for (let i = 1; i < names.length; i++) {
    e = { _type: 'Attribute', value: e, attr: identifier(names[i]), ctx: 'Load', ...span(names[0], names[i]) };
  }
  return e;
}

/** `-1+2j`, `3-4j`: a real part (maybe negated), `+` or `-`, an imaginary part. */
function complexExpr(n: TSNode): A.Expr {
  const nums = kids(n);
  const real = valueExpr(nums[0], n.child(0)!.type === '-' ? n.child(0)! : undefined);
  let op: A.OperatorKind = 'Add';
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i)!;
    if (c.startIndex > nums[0].startIndex && (c.type === '+' || c.type === '-')) { op = c.type === '+' ? 'Add' : 'Sub'; break; }
  }
  return { _type: 'BinOp', left: real, op, right: expression(nums[1]), ...loc(n) };
}

export function convertPattern(n: TSNode, minus?: TSNode): A.Pattern {
  const L = minus ? span(minus, n) : loc(n);
  switch (n.type) {
    case 'case_pattern': {
      const inner = items(n);
      if (inner.length === 0) {
        if (n.text === '_') return { _type: 'MatchAs', pattern: null, name: null, ...L };
        throw new ConvertError('invalid pattern', n);
      }
      if (inner.length !== 1) throw new ConvertError('invalid pattern', n);
      return { ...inner[0].pattern, ...L };
    }
    case 'as_pattern': {
      const parts = kids(n);
      const name = parts[parts.length - 1];
      const nameText = identifier(name.type === 'as_pattern_target' ? kids(name)[0] : name);
      if (nameText === '_') throw new ConvertError("cannot use '_' as a target", name);
      return { _type: 'MatchAs', pattern: convertPattern(parts[0]), name: nameText, ...L };
    }
    case 'union_pattern': {
      const patterns: A.Pattern[] = [];
      for (const it of items(n)) {
        if (it.node.type === 'union_pattern' && it.pattern._type === 'MatchOr') patterns.push(...it.pattern.patterns);
        else patterns.push(it.pattern);
      }
      return { _type: 'MatchOr', patterns, ...L };
    }
    case 'dotted_name': {
      const names = kids(n);
      if (names.length === 1) return { _type: 'MatchAs', pattern: null, name: identifier(names[0]), ...L };
      return { _type: 'MatchValue', value: dottedExpr(n), ...L };
    }
    case 'identifier':
      return { _type: 'MatchAs', pattern: null, name: identifier(n), ...L };
    case 'integer':
    case 'float':
    case 'string':
    case 'concatenated_string':
      return { _type: 'MatchValue', value: valueExpr(n, minus), ...L };
    case 'complex_pattern':
      return { _type: 'MatchValue', value: complexExpr(n), ...L };
    case 'true': return { _type: 'MatchSingleton', value: { t: 'bool', v: true }, ...L };
    case 'false': return { _type: 'MatchSingleton', value: { t: 'bool', v: false }, ...L };
    case 'none': return { _type: 'MatchSingleton', value: { t: 'None' }, ...L };
    case 'list_pattern':
      return { _type: 'MatchSequence', patterns: items(n).map((i) => i.pattern), ...L };
    case 'tuple_pattern': {
      const inner = items(n);
      // `(p)` only groups; `(p,)` and `()` are sequences.
      if (inner.length === 1 && !hasComma(n)) return inner[0].pattern;
      return { _type: 'MatchSequence', patterns: inner.map((i) => i.pattern), ...L };
    }
    case 'splat_pattern': {
      const name = kids(n)[0];
      return { _type: 'MatchStar', name: name && name.text !== '_' ? identifier(name) : null, ...L };
    }
    case 'dict_pattern': return mappingPattern(n, L);
    case 'class_pattern': return classPattern(n, L);
    default:
      if (PUNCTUATION.has(n.type)) throw new ConvertError('invalid pattern', n);
      throw new ConvertError(`invalid pattern (${n.type})`, n);
  }
}

function mappingPattern(n: TSNode, L: A.Located): A.Pattern {
  const keys: A.Expr[] = [];
  const patterns: A.Pattern[] = [];
  let rest: string | null = null;
  let minus: TSNode | undefined;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i)!;
    const f = n.fieldNameForChild(i);
    if (c.type === 'comment' || c.type === 'line_continuation') continue;
    if (f === 'key') {
      if (c.type === '-') { minus = c; continue; }
      if (c.type === 'true' || c.type === 'false' || c.type === 'none') keys.push(expression(c));
      else keys.push(valueExpr(c, minus));
      minus = undefined;
    } else if (f === 'value') {
      patterns.push(convertPattern(c));
    } else if (c.type === 'splat_pattern') {
      const name = kids(c)[0];
      rest = name ? identifier(name) : null;
    }
  }
  return { _type: 'MatchMapping', keys, patterns, rest, ...L };
}

function classPattern(n: TSNode, L: A.Located): A.Pattern {
  const parts = kids(n);
  const cls = dottedExpr(parts[0]);
  const patterns: A.Pattern[] = [];
  const kwd_attrs: string[] = [];
  const kwd_patterns: A.Pattern[] = [];
  for (const p of parts.slice(1)) {
    const inner = kids(p)[0];
    if (inner && inner.type === 'keyword_pattern') {
      const [name] = kids(inner);
      kwd_attrs.push(identifier(name));
      const value = items(inner).slice(1);
      kwd_patterns.push(value[0].pattern);
    } else {
      if (kwd_attrs.length) throw new ConvertError('positional patterns follow keyword patterns', p);
      patterns.push(convertPattern(p));
    }
  }
  return { _type: 'MatchClass', cls, patterns, kwd_attrs, kwd_patterns, ...L };
}
