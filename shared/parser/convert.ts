// tree-sitter-python's concrete syntax tree → CPython's AST (the node shapes of Parser/Python.asdl, built the way
// Parser/action_helpers.c builds them).
import type { Node as TSNode } from 'web-tree-sitter';
import type * as A from './ast';
import { LiteralError, parseNumber } from './literals';
import { convertString } from './strings';
import { convertCasePatterns } from './patterns';
import type { ParseResult, PySyntaxError } from './parse';

/** A syntax error found while converting; carries the node it is about. */
export class ConvertError extends Error {
  constructor(message: string, readonly node: TSNode) {
    super(message);
  }
}

export type Loc = A.Located;

export function loc(n: TSNode): Loc {
  return {
    lineno: n.startPosition.row + 1,
    col_offset: n.startPosition.column,
    end_lineno: n.endPosition.row + 1,
    end_col_offset: n.endPosition.column,
  };
}

export function span(first: TSNode, last: TSNode): Loc {
  return {
    lineno: first.startPosition.row + 1,
    col_offset: first.startPosition.column,
    end_lineno: last.endPosition.row + 1,
    end_col_offset: last.endPosition.column,
  };
}

const EXTRAS = new Set(['comment', 'line_continuation']);

/** The named children that are syntax, not comments. */
export function kids(n: TSNode): TSNode[] {
  return n.namedChildren.filter((c): c is TSNode => c !== null && !EXTRAS.has(c.type));
}

export function field(n: TSNode, name: string): TSNode {
  const c = n.childForFieldName(name);
  if (!c) throw new ConvertError(`invalid syntax: ${n.type} without ${name}`, n);
  return c;
}

function fields(n: TSNode, name: string): TSNode[] {
  return n.childrenForFieldName(name).filter((c): c is TSNode => c !== null && !EXTRAS.has(c.type));
}

function hasToken(n: TSNode, token: string): boolean {
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (c && !c.isNamed && c.type === token) return true;
  }
  return false;
}

/** Python identifiers are NFKC-normalised (PEP 3131). */
export function identifier(n: TSNode): string {
  const t = n.text;
  return /^[\x00-\x7f]*$/.test(t) ? t : t.normalize('NFKC');
}

// ---------------------------------------------------------------- module and statements

export function convertModule(root: TSNode): ParseResult {
  const errors: PySyntaxError[] = [];
  const firstError = root.hasError ? findFirstError(root) : undefined;
  if (firstError) errors.push(firstError);
  const body: A.Stmt[] = [];
  for (const child of kids(root)) {
    // Keep the valid prefix: statements that end before the first error.
    if (firstError && child.endPosition.row + 1 >= firstError.lineno) break;
    try {
      body.push(...statement(child));
    } catch (e) {
      if (!(e instanceof ConvertError) && !(e instanceof LiteralError)) throw e;
      const at = e instanceof ConvertError ? e.node : child;
      if (!firstError) errors.push({ message: e.message, ...loc(at) });
      break;
    }
  }
  return { module: { _type: 'Module', body, type_ignores: [] }, errors };
}

function findFirstError(root: TSNode): PySyntaxError | undefined {
  let found: TSNode | undefined;
  const visit = (n: TSNode): void => {
    if (found) return;
    if (n.isMissing) { found = n; return; }
    if (n.type === 'ERROR') { found = n; return; }
    if (!n.hasError) return;
    for (const c of n.children) if (c) visit(c);
  };
  visit(root);
  if (!found) return undefined;
  if (found.isMissing) {
    return { message: `invalid syntax: expected '${found.type}'`, ...loc(found) };
  }
  const bad = found.firstChild ?? found;
  const text = bad.text.split('\n')[0].slice(0, 20);
  return { message: text ? `invalid syntax near '${text}'` : 'invalid syntax', ...loc(bad) };
}

export function block(n: TSNode): A.Stmt[] {
  const out: A.Stmt[] = [];
  for (const c of kids(n)) out.push(...statement(c));
  return out;
}

function statement(n: TSNode): A.Stmt[] {
  const L = loc(n);
  switch (n.type) {
    case 'expression_statement': return [expressionStatement(n)];
    case 'pass_statement': return [{ _type: 'Pass', ...L }];
    case 'break_statement': return [{ _type: 'Break', ...L }];
    case 'continue_statement': return [{ _type: 'Continue', ...L }];
    case 'return_statement': {
      const k = kids(n);
      return [{ _type: 'Return', value: k.length ? expressionOrTuple(k[0]) : null, ...L }];
    }
    case 'delete_statement': {
      const k = kids(n)[0];
      const targets = k.type === 'expression_list' ? kids(k) : [k];
      return [{ _type: 'Delete', targets: targets.map((t) => target(t, 'Del')), ...L }];
    }
    case 'raise_statement': {
      const cause = n.childForFieldName('cause');
      const exc = kids(n).find((c) => !cause || c.id !== cause.id);
      return [{ _type: 'Raise', exc: exc ? expressionOrTuple(exc) : null, cause: cause ? expression(cause) : null, ...L }];
    }
    case 'global_statement':
    case 'nonlocal_statement':
      return [{ _type: n.type === 'global_statement' ? 'Global' : 'Nonlocal', names: kids(n).map(identifier), ...L }];
    case 'assert_statement': {
      const k = kids(n);
      return [{ _type: 'Assert', test: expression(k[0]), msg: k[1] ? expression(k[1]) : null, ...L }];
    }
    case 'import_statement':
      return [{ _type: 'Import', names: fields(n, 'name').map(alias), ...L }];
    case 'future_import_statement':
      return [{ _type: 'ImportFrom', module: '__future__', names: fields(n, 'name').map(alias), level: 0, ...L }];
    case 'import_from_statement': return [importFrom(n)];
    case 'if_statement': return [ifStatement(n)];
    case 'for_statement': {
      const alt = n.childForFieldName('alternative');
      return [{
        _type: hasToken(n, 'async') ? 'AsyncFor' : 'For',
        target: target(field(n, 'left'), 'Store'),
        iter: expressionOrTuple(field(n, 'right')),
        body: block(field(n, 'body')),
        orelse: alt ? block(field(alt, 'body')) : [],
        type_comment: null,
        ...L,
      }];
    }
    case 'while_statement': {
      const alt = n.childForFieldName('alternative');
      return [{
        _type: 'While', test: expression(field(n, 'condition')), body: block(field(n, 'body')),
        orelse: alt ? block(field(alt, 'body')) : [], ...L,
      }];
    }
    case 'try_statement': return [tryStatement(n)];
    case 'with_statement': return [withStatement(n)];
    case 'function_definition': return [functionDef(n, [], L)];
    case 'class_definition': return [classDef(n, [], L)];
    case 'decorated_definition': {
      const decorators = kids(n).filter((c) => c.type === 'decorator').map((d) => expression(kids(d)[0]));
      const def = field(n, 'definition');
      // Since 3.8 a decorated definition starts at its `def`/`class` line, not at the first decorator.
      const L2 = { ...loc(def), end_lineno: L.end_lineno, end_col_offset: L.end_col_offset };
      return [def.type === 'class_definition' ? classDef(def, decorators, L2) : functionDef(def, decorators, L2)];
    }
    case 'match_statement': return [matchStatement(n)];
    case 'type_alias_statement': return [typeAlias(n)];
    case 'print_statement': return [printChevron(n)];
    case 'exec_statement':
      throw new ConvertError("Missing parentheses in call to 'exec'. Did you mean exec(...)?", n);
    default:
      throw new ConvertError(`invalid syntax (${n.type})`, n);
  }
}

/**
 * tree-sitter knows Python 2's `print >>f, x`; in Python 3 that line is an expression: the tuple
 * `(print >> f, x)`. Plain `print x` stays a syntax error, with CPython's message.
 */
function printChevron(n: TSNode): A.Stmt {
  const chevron = kids(n).find((c) => c.type === 'chevron');
  if (!chevron) throw new ConvertError("Missing parentheses in call to 'print'. Did you mean print(...)?", n);
  const printName = n.child(0)!;
  const shifted: A.Expr = {
    _type: 'BinOp', left: { _type: 'Name', id: 'print', ctx: 'Load', ...loc(printName) }, op: 'RShift',
    right: expression(kids(chevron)[0]), ...span(printName, chevron),
  };
  const rest = fields(n, 'argument').map(expression);
  const value: A.Expr = rest.length || hasToken(n, ',')
    ? { _type: 'Tuple', elts: [shifted, ...rest], ctx: 'Load', ...loc(n) }
    : shifted;
  return { _type: 'Expr', value, ...loc(n) };
}

function expressionStatement(n: TSNode): A.Stmt {
  const L = loc(n);
  const k = kids(n);
  if (k.length === 1) {
    const c = k[0];
    if (c.type === 'assignment') return assignment(c, L);
    if (c.type === 'augmented_assignment') {
      const left = field(c, 'left');
      const t = target(left, 'Store');
      if (t._type !== 'Name' && t._type !== 'Attribute' && t._type !== 'Subscript') {
        const what = t._type === 'Starred' ? 'starred' : t._type.toLowerCase();
        throw new ConvertError(`'${what}' is an illegal expression for augmented assignment`, left);
      }
      return { _type: 'AugAssign', target: t, op: binOperator(field(c, 'operator')), value: assignValue(field(c, 'right')), ...L };
    }
    if (!hasToken(n, ',')) return { _type: 'Expr', value: expression(c), ...L };
  }
  return { _type: 'Expr', value: { _type: 'Tuple', elts: k.map(expression), ctx: 'Load', ...L }, ...L };
}

function assignment(n: TSNode, L: Loc): A.Stmt {
  const left = field(n, 'left');
  const type = n.childForFieldName('type');
  const right = n.childForFieldName('right');
  if (type) {
    const t = target(left, 'Store');
    if (t._type === 'Tuple' || t._type === 'List' || t._type === 'Starred') {
      throw new ConvertError(`only single target (not ${t._type === 'List' ? 'list' : 'tuple'}) can be annotated`, left);
    }
    return {
      _type: 'AnnAssign', target: t, annotation: typeExpr(type), value: right ? assignValue(right) : null,
      simple: left.type === 'identifier' ? 1 : 0, ...L, // a parenthesised name is not simple
    };
  }
  const targets: A.Expr[] = [target(left, 'Store')];
  let value = right!;
  while (value.type === 'assignment' && !value.childForFieldName('type')) {
    targets.push(target(field(value, 'left'), 'Store'));
    value = field(value, 'right');
  }
  if (value.type === 'augmented_assignment' || value.type === 'assignment') {
    throw new ConvertError('invalid syntax', value);
  }
  return { _type: 'Assign', targets, value: assignValue(value), type_comment: null, ...L };
}

/** The right side of an assignment: an expression, a bare tuple or a yield. */
function assignValue(n: TSNode): A.Expr {
  return expressionOrTuple(n);
}

function alias(n: TSNode): A.Alias {
  if (n.type === 'aliased_import') {
    return { _type: 'alias', name: dottedName(field(n, 'name')), asname: identifier(field(n, 'alias')), ...loc(n) };
  }
  return { _type: 'alias', name: dottedName(n), asname: null, ...loc(n) };
}

function dottedName(n: TSNode): string {
  return kids(n).map(identifier).join('.');
}

function importFrom(n: TSNode): A.Stmt {
  const mod = field(n, 'module_name');
  let module: string | null;
  let level = 0;
  if (mod.type === 'relative_import') {
    const prefix = kids(mod).find((c) => c.type === 'import_prefix');
    level = prefix ? prefix.text.replace(/\s/g, '').length : 0;
    const dn = kids(mod).find((c) => c.type === 'dotted_name');
    module = dn ? dottedName(dn) : null;
  } else {
    module = dottedName(mod);
  }
  const wildcard = kids(n).find((c) => c.type === 'wildcard_import');
  const names = wildcard
    ? [{ _type: 'alias' as const, name: '*', asname: null, ...loc(wildcard) }]
    : fields(n, 'name').map(alias);
  return { _type: 'ImportFrom', module, names, level, ...loc(n) };
}

function ifStatement(n: TSNode): A.If {
  const alternatives = fields(n, 'alternative');
  let orelse: A.Stmt[] = [];
  // Build the elif chain from the end: each elif is an If nested in the orelse of the one before.
  for (let i = alternatives.length - 1; i >= 0; i--) {
    const alt = alternatives[i];
    if (alt.type === 'else_clause') {
      orelse = block(field(alt, 'body'));
    } else {
      const L = alternatives.length - 1 > i || orelse.length
        ? span(alt, alternatives[alternatives.length - 1])
        : loc(alt);
      orelse = [{
        _type: 'If', test: expression(field(alt, 'condition')), body: block(field(alt, 'consequence')), orelse, ...L,
      }];
    }
  }
  return {
    _type: 'If', test: expression(field(n, 'condition')), body: block(field(n, 'consequence')), orelse, ...loc(n),
  };
}

function tryStatement(n: TSNode): A.Try {
  const body = block(field(n, 'body'));
  const handlers: A.ExceptHandler[] = [];
  let orelse: A.Stmt[] = [];
  let finalbody: A.Stmt[] = [];
  let star = false;
  for (const c of kids(n)) {
    if (c.type === 'except_clause') {
      if (hasToken(c, '*') || hasToken(c, 'except*')) star = true;
      handlers.push(exceptHandler(c));
    } else if (c.type === 'else_clause') {
      orelse = block(field(c, 'body'));
    } else if (c.type === 'finally_clause') {
      finalbody = block(kids(c).find((k) => k.type === 'block')!);
    }
  }
  return { _type: star ? 'TryStar' : 'Try', body, handlers, orelse, finalbody, ...loc(n) };
}

function exceptHandler(n: TSNode): A.ExceptHandler {
  const body = block(kids(n).find((k) => k.type === 'block')!);
  const values = fields(n, 'value');
  const aliasNode = n.childForFieldName('alias');
  let type: A.Expr | null = null;
  let name: string | null = null;
  if (values.length === 1 && values[0].type === 'as_pattern') {
    const ap = values[0];
    type = expression(kids(ap)[0]);
    name = identifier(asPatternTarget(ap));
  } else if (values.length) {
    type = values.length === 1 ? expression(values[0]) : {
      _type: 'Tuple', elts: values.map(expression), ctx: 'Load', ...span(values[0], values[values.length - 1]),
    };
    if (aliasNode) name = identifier(aliasNode);
  }
  return { _type: 'ExceptHandler', type, name, body, ...loc(n) };
}

function asPatternTarget(ap: TSNode): TSNode {
  const t = field(ap, 'alias');
  return t.type === 'as_pattern_target' ? kids(t)[0] : t;
}

function withStatement(n: TSNode): A.With {
  const clause = kids(n).find((c) => c.type === 'with_clause')!;
  const items: A.WithItem[] = kids(clause).filter((c) => c.type === 'with_item').map((item) => {
    let v = field(item, 'value');
    // `with (\n cm() as x\n):` reaches us as a parenthesised `as` pattern.
    if (v.type === 'parenthesized_expression' && kids(v)[0]?.type === 'as_pattern') v = kids(v)[0];
    if (v.type === 'as_pattern') {
      const t = asPatternTarget(v);
      return { _type: 'withitem', context_expr: expression(kids(v)[0]), optional_vars: target(t, 'Store') };
    }
    return { _type: 'withitem', context_expr: expression(v), optional_vars: null };
  });
  return {
    _type: hasToken(n, 'async') ? 'AsyncWith' : 'With', items, body: block(field(n, 'body')), type_comment: null,
    ...loc(n),
  };
}

function functionDef(n: TSNode, decorator_list: A.Expr[], L: Loc): A.FunctionDef {
  const ret = n.childForFieldName('return_type');
  const tp = n.childForFieldName('type_parameters');
  return {
    _type: hasToken(n, 'async') ? 'AsyncFunctionDef' : 'FunctionDef',
    name: identifier(field(n, 'name')),
    args: parameters(field(n, 'parameters'), true),
    body: block(field(n, 'body')),
    decorator_list,
    returns: ret ? typeExpr(ret) : null,
    type_comment: null,
    type_params: tp ? typeParams(tp) : [],
    ...L,
  };
}

function classDef(n: TSNode, decorator_list: A.Expr[], L: Loc): A.ClassDef {
  const sup = n.childForFieldName('superclasses');
  const tp = n.childForFieldName('type_parameters');
  const { args, keywords } = sup ? callArguments(sup) : { args: [], keywords: [] };
  return {
    _type: 'ClassDef', name: identifier(field(n, 'name')), bases: args, keywords, body: block(field(n, 'body')),
    decorator_list, type_params: tp ? typeParams(tp) : [], ...L,
  };
}

function typeAlias(n: TSNode): A.Stmt {
  const left = kids(field(n, 'left'))[0];
  if (left.type !== 'identifier' && left.type !== 'generic_type') return typeCallAssignment(n, left);
  let nameNode = left;
  let type_params: A.TypeParam[] = [];
  if (left.type === 'generic_type') {
    nameNode = kids(left)[0];
    type_params = typeParams(kids(left)[1]);
  }
  return {
    _type: 'TypeAlias', name: { _type: 'Name', id: identifier(nameNode), ctx: 'Store', ...loc(nameNode) },
    type_params, value: typeExpr(field(n, 'right')), ...loc(n),
  };
}

/**
 * tree-sitter reads `type(obj).attr = value` as a type alias statement whose name is `(obj).attr`. It is an
 * assignment to an attribute of the call `type(obj)`: rebuild the call at the bottom of the target chain.
 */
function typeCallAssignment(n: TSNode, left: TSNode): A.Stmt {
  const typeKeyword = n.child(0)!;
  const rebuild = (t: TSNode): A.Expr => {
    if (t.type === 'attribute') {
      return { _type: 'Attribute', value: rebuild(field(t, 'object')), attr: identifier(field(t, 'attribute')), ctx: 'Load', ...span(typeKeyword, t) };
    }
    if (t.type === 'subscript') {
      const sub = subscript(t);
      return { ...sub, value: rebuild(field(t, 'value')), ...span(typeKeyword, t) };
    }
    if (t.type === 'call') {
      const argsNode = field(t, 'arguments');
      return { _type: 'Call', func: rebuild(field(t, 'function')), ...callArguments(argsNode), ...span(typeKeyword, t) };
    }
    if (t.type === 'parenthesized_expression' || t.type === 'tuple') {
      const args = t.type === 'tuple' ? kids(t).map(expression) : [expression(kids(t)[0])];
      return {
        _type: 'Call', func: { _type: 'Name', id: 'type', ctx: 'Load', ...loc(typeKeyword) }, args, keywords: [],
        ...span(typeKeyword, t),
      };
    }
    throw new ConvertError('invalid syntax', t);
  };
  return {
    _type: 'Assign', targets: [setContext(rebuild(left), 'Store', left)], value: typeExpr(field(n, 'right')),
    type_comment: null, ...loc(n),
  };
}

function typeParams(n: TSNode): A.TypeParam[] {
  return kids(n).map((t) => {
    const inner = kids(t)[0];
    if (inner.type === 'splat_type') {
      const name = identifier(kids(inner)[0]);
      return { _type: hasToken(inner, '**') ? 'ParamSpec' : 'TypeVarTuple', name, ...loc(t) };
    }
    if (inner.type === 'constrained_type') {
      const [nameT, bound] = kids(inner);
      return { _type: 'TypeVar', name: identifier(kids(nameT)[0]), bound: typeExpr(bound), ...loc(t) };
    }
    return { _type: 'TypeVar', name: identifier(inner), bound: null, ...loc(t) };
  });
}

function matchStatement(n: TSNode): A.Match {
  const subjects = fields(n, 'subject');
  const subject: A.Expr = subjects.length === 1 && !hasToken(n, ',')
    ? expression(subjects[0])
    : { _type: 'Tuple', elts: subjects.map(expression), ctx: 'Load', ...span(subjects[0], subjects[subjects.length - 1]) };
  const cases: A.MatchCase[] = fields(field(n, 'body'), 'alternative').map((c) => {
    const guard = c.childForFieldName('guard');
    return {
      _type: 'match_case',
      pattern: convertCasePatterns(c),
      guard: guard ? expression(kids(guard)[0]) : null,
      body: block(field(c, 'consequence')),
    };
  });
  return { _type: 'Match', subject, cases, ...loc(n) };
}


// ---------------------------------------------------------------- parameters and arguments

function parameters(n: TSNode, allowAnnotations: boolean): A.Arguments {
  const posonlyargs: A.Arg[] = [];
  const args: A.Arg[] = [];
  const kwonlyargs: A.Arg[] = [];
  const kw_defaults: (A.Expr | null)[] = [];
  const defaults: A.Expr[] = [];
  let vararg: A.Arg | null = null;
  let kwarg: A.Arg | null = null;
  let afterStar = false;
  const makeArg = (nameNode: TSNode, annotation: TSNode | null, whole: TSNode): A.Arg => {
    if (nameNode.type !== 'identifier') throw new ConvertError('invalid syntax', nameNode);
    if (annotation && !allowAnnotations) throw new ConvertError('invalid syntax', annotation);
    return {
      _type: 'arg', arg: identifier(nameNode), annotation: annotation ? typeExpr(annotation) : null,
      type_comment: null, ...loc(whole),
    };
  };
  const add = (a: A.Arg, dflt: A.Expr | null, at: TSNode): void => {
    if (afterStar) {
      kwonlyargs.push(a);
      kw_defaults.push(dflt);
    } else {
      if (dflt) defaults.push(dflt);
      else if (defaults.length) throw new ConvertError('non-default argument follows default argument', at);
      args.push(a);
    }
  };
  for (const p of kids(n)) {
    switch (p.type) {
      case 'identifier': add(makeArg(p, null, p), null, p); break;
      case 'typed_parameter': {
        const inner = kids(p)[0];
        const type = field(p, 'type');
        if (inner.type === 'list_splat_pattern') { vararg = makeArg(kids(inner)[0], type, p); afterStar = true; }
        else if (inner.type === 'dictionary_splat_pattern') kwarg = makeArg(kids(inner)[0], type, p);
        else add(makeArg(inner, type, p), null, p);
        break;
      }
      case 'default_parameter':
        add(makeArg(field(p, 'name'), null, field(p, 'name')), expression(field(p, 'value')), p);
        break;
      case 'typed_default_parameter': {
        const name = field(p, 'name');
        const type = field(p, 'type');
        add({ ...makeArg(name, type, p), ...span(name, type) }, expression(field(p, 'value')), p);
        break;
      }
      case 'list_splat_pattern': vararg = makeArg(kids(p)[0], null, kids(p)[0]); afterStar = true; break;
      case 'dictionary_splat_pattern': kwarg = makeArg(kids(p)[0], null, kids(p)[0]); break;
      case 'keyword_separator': afterStar = true; break;
      case 'positional_separator': posonlyargs.push(...args.splice(0)); break;
      default: throw new ConvertError('invalid syntax', p);
    }
  }
  return { _type: 'arguments', posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults };
}

function callArguments(n: TSNode): { args: A.Expr[]; keywords: A.Keyword[] } {
  const args: A.Expr[] = [];
  const keywords: A.Keyword[] = [];
  for (const c of kids(n)) {
    if (c.type === 'keyword_argument') {
      keywords.push({ _type: 'keyword', arg: identifier(field(c, 'name')), value: expression(field(c, 'value')), ...loc(c) });
    } else if (c.type === 'dictionary_splat') {
      keywords.push({ _type: 'keyword', arg: null, value: expression(kids(c)[0]), ...loc(c) });
    } else {
      if (keywords.length && c.type !== 'list_splat') {
        throw new ConvertError(keywords.some((k) => k.arg === null)
          ? 'positional argument follows keyword argument unpacking'
          : 'positional argument follows keyword argument', c);
      }
      args.push(expression(c));
    }
  }
  return { args, keywords };
}

// ---------------------------------------------------------------- expressions

const BIN_OPS: Record<string, A.OperatorKind> = {
  '+': 'Add', '-': 'Sub', '*': 'Mult', '@': 'MatMult', '/': 'Div', '%': 'Mod', '**': 'Pow', '<<': 'LShift',
  '>>': 'RShift', '|': 'BitOr', '^': 'BitXor', '&': 'BitAnd', '//': 'FloorDiv',
};
const CMP_OPS: Record<string, A.CmpOpKind> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE', is: 'Is', 'is not': 'IsNot',
  in: 'In', 'not in': 'NotIn',
};

function binOperator(n: TSNode): A.OperatorKind {
  const op = BIN_OPS[n.type.replace(/=$/, '')];
  if (!op) throw new ConvertError(`invalid syntax: operator ${n.type}`, n);
  return op;
}

/** Binding power of Python's binary operators (Grammar/python.gram: `|` < `^` < `&` < shifts < `+` < `*` < `**`). */
const BIN_PREC: Record<A.OperatorKind, number> = {
  BitOr: 1, BitXor: 2, BitAnd: 3, LShift: 4, RShift: 4, Add: 5, Sub: 5, Mult: 6, MatMult: 6, Div: 6, Mod: 6,
  FloorDiv: 6, Pow: 8,
};

/**
 * tree-sitter-python ranks `&` below `^`, the reverse of Python. So a chain of unparenthesised binary operators
 * is flattened back to its tokens (in source order) and rebuilt by precedence climbing with Python's table.
 */
function binaryChain(n: TSNode): A.Expr {
  const operands: TSNode[] = [];
  const ops: A.OperatorKind[] = [];
  const flatten = (x: TSNode): void => {
    if (x.type !== 'binary_operator') { operands.push(x); return; }
    flatten(field(x, 'left'));
    ops.push(binOperator(field(x, 'operator')));
    flatten(field(x, 'right'));
  };
  flatten(n);
  let next = 0;
  const operand = (): { e: A.Expr; first: TSNode; last: TSNode } => {
    const node = operands[next++];
    return { e: expression(node), first: node, last: node };
  };
  const climb = (minPrec: number): { e: A.Expr; first: TSNode; last: TSNode } => {
    let left = operand();
    while (next - 1 < ops.length && BIN_PREC[ops[next - 1]] >= minPrec) {
      const op = ops[next - 1];
      const prec = BIN_PREC[op];
      const right = climb(op === 'Pow' ? prec : prec + 1); // `**` is right-associative
      left = { e: { _type: 'BinOp', left: left.e, op, right: right.e, ...span(left.first, right.last) }, first: left.first, last: right.last };
    }
    return left;
  };
  return climb(0).e;
}

/** An expression, or a bare comma list (expression_list, pattern_list) as a Tuple. */
export function expressionOrTuple(n: TSNode): A.Expr {
  if (n.type === 'expression_list' || n.type === 'pattern_list') {
    return { _type: 'Tuple', elts: kids(n).map(expression), ctx: 'Load', ...loc(n) };
  }
  return expression(n);
}

export function expression(n: TSNode): A.Expr {
  const L = loc(n);
  switch (n.type) {
    case 'identifier': return { _type: 'Name', id: identifier(n), ctx: 'Load', ...L };
    case 'keyword_identifier': return { _type: 'Name', id: identifier(n), ctx: 'Load', ...L };
    case 'true': return { _type: 'Constant', value: { t: 'bool', v: true }, kind: null, ...L };
    case 'false': return { _type: 'Constant', value: { t: 'bool', v: false }, kind: null, ...L };
    case 'none': return { _type: 'Constant', value: { t: 'None' }, kind: null, ...L };
    case 'ellipsis': return { _type: 'Constant', value: { t: 'Ellipsis' }, kind: null, ...L };
    case 'integer':
    case 'float':
      try {
        return { _type: 'Constant', value: parseNumber(n.text), kind: null, ...L };
      } catch (e) {
        if (e instanceof LiteralError) throw new ConvertError(e.message, n);
        throw e;
      }
    case 'string':
    case 'concatenated_string':
      return convertString(n);
    case 'parenthesized_expression': {
      const inner = kids(n)[0];
      if (inner.type === 'list_splat') throw new ConvertError('cannot use starred expression here', inner);
      return expression(inner);
    }
    case 'tuple':
      return { _type: 'Tuple', elts: kids(n).map(expression), ctx: 'Load', ...L };
    case 'expression_list':
    case 'pattern_list':
      return expressionOrTuple(n);
    case 'list': return { _type: 'List', elts: kids(n).map(expression), ctx: 'Load', ...L };
    case 'set': return { _type: 'Set', elts: kids(n).map(expression), ...L };
    case 'dictionary': {
      const keys: (A.Expr | null)[] = [];
      const values: A.Expr[] = [];
      for (const c of kids(n)) {
        if (c.type === 'pair') { keys.push(expression(field(c, 'key'))); values.push(expression(field(c, 'value'))); }
        else { keys.push(null); values.push(expression(kids(c)[0])); }
      }
      return { _type: 'Dict', keys, values, ...L };
    }
    case 'list_splat':
    case 'parenthesized_list_splat': {
      const inner = kids(n)[0];
      if (n.type === 'parenthesized_list_splat') return expression(inner);
      return { _type: 'Starred', value: expression(inner), ctx: 'Load', ...L };
    }
    case 'list_comprehension':
    case 'set_comprehension':
    case 'generator_expression': {
      const type = n.type === 'list_comprehension' ? 'ListComp' : n.type === 'set_comprehension' ? 'SetComp' : 'GeneratorExp';
      return { _type: type, elt: expression(field(n, 'body')), generators: comprehensions(n), ...L };
    }
    case 'dictionary_comprehension': {
      const pair = field(n, 'body');
      return {
        _type: 'DictComp', key: expression(field(pair, 'key')), value: expression(field(pair, 'value')),
        generators: comprehensions(n), ...L,
      };
    }
    case 'attribute':
      return hoistStar({ _type: 'Attribute', value: expression(field(n, 'object')), attr: identifier(field(n, 'attribute')), ctx: 'Load', ...L });
    case 'subscript': return hoistStar(subscript(n));
    case 'call': {
      const argsNode = field(n, 'arguments');
      const func = expression(field(n, 'function'));
      if (argsNode.type === 'generator_expression') {
        return hoistStar({ _type: 'Call', func, args: [expression(argsNode)], keywords: [], ...L });
      }
      return hoistStar({ _type: 'Call', func, ...callArguments(argsNode), ...L });
    }
    case 'binary_operator': return binaryChain(n);
    case 'unary_operator': {
      const op = field(n, 'operator').type;
      return {
        _type: 'UnaryOp', op: op === '-' ? 'USub' : op === '+' ? 'UAdd' : 'Invert',
        operand: expression(field(n, 'argument')), ...L,
      };
    }
    case 'not_operator':
      return { _type: 'UnaryOp', op: 'Not', operand: expression(field(n, 'argument')), ...L };
    case 'boolean_operator': {
      const op: A.BoolOpKind = field(n, 'operator').type === 'and' ? 'And' : 'Or';
      const left = field(n, 'left');
      const lhs = expression(left);
      // `a and b and c` is one BoolOp; tree-sitter nests it to the left (unless parenthesised).
      const values = left.type === 'boolean_operator' && lhs._type === 'BoolOp' && lhs.op === op ? lhs.values : [lhs];
      return { _type: 'BoolOp', op, values: [...values, expression(field(n, 'right'))], ...L };
    }
    case 'comparison_operator': {
      const operands = kids(n);
      const ops = n.childrenForFieldName('operators').filter((c): c is TSNode => c !== null)
        .map((c) => CMP_OPS[c.type.replace(/\s+/g, ' ')] ?? fail(`invalid comparison ${c.type}`, c));
      return {
        _type: 'Compare', left: expression(operands[0]), ops, comparators: operands.slice(1).map(expression), ...L,
      };
    }
    case 'conditional_expression': {
      const [body, test, orelse] = kids(n);
      return { _type: 'IfExp', test: expression(test), body: expression(body), orelse: expression(orelse), ...L };
    }
    case 'named_expression':
      return {
        _type: 'NamedExpr', target: { _type: 'Name', id: identifier(field(n, 'name')), ctx: 'Store', ...loc(field(n, 'name')) },
        value: expression(field(n, 'value')), ...L,
      };
    case 'lambda': {
      const params = n.childForFieldName('parameters');
      return {
        _type: 'Lambda', args: params ? parameters(params, false) : emptyArguments(),
        body: expression(field(n, 'body')), ...L,
      };
    }
    case 'await': return { _type: 'Await', value: expression(kids(n)[0]), ...L };
    case 'yield': {
      const k = kids(n);
      if (hasToken(n, 'from')) return { _type: 'YieldFrom', value: expression(k[0]), ...L };
      return { _type: 'Yield', value: k.length ? expressionOrTuple(k[0]) : null, ...L };
    }
    case 'type': return typeExpr(n);
    case 'as_pattern':
      throw new ConvertError('invalid syntax', n);
    default:
      throw new ConvertError(`invalid syntax (${n.type})`, n);
  }
}

/**
 * tree-sitter binds `*` tighter than `.`, `()` and `[]`, so `*a.b()` arrives as a call of an attribute of `*a`;
 * in Python the star applies to the whole primary: Starred(a.b()).
 */
function hoistStar(e: A.Attribute | A.Subscript | A.Call): A.Expr {
  const inner = e._type === 'Call' ? e.func : e.value;
  if (inner._type !== 'Starred') return e;
  const unstarred = e._type === 'Call' ? { ...e, func: inner.value } : { ...e, value: inner.value };
  return { _type: 'Starred', value: { ...unstarred, lineno: inner.value.lineno, col_offset: inner.value.col_offset }, ctx: 'Load', ...loc0(e, inner) };
}

function loc0(whole: A.Located, start: A.Located): A.Located {
  return { lineno: start.lineno, col_offset: start.col_offset, end_lineno: whole.end_lineno, end_col_offset: whole.end_col_offset };
}

function fail(message: string, n: TSNode): never {
  throw new ConvertError(message, n);
}

export function emptyArguments(): A.Arguments {
  return { _type: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}

function comprehensions(n: TSNode): A.Comprehension[] {
  const out: A.Comprehension[] = [];
  for (const c of kids(n)) {
    if (c.type === 'for_in_clause') {
      const rights = fields(c, 'right').filter((r) => r.type !== ',');
      out.push({
        _type: 'comprehension', target: target(field(c, 'left'), 'Store'),
        iter: rights.length === 1 ? expression(rights[0]) : fail('invalid syntax', c),
        ifs: [], is_async: hasToken(c, 'async') ? 1 : 0,
      });
    } else if (c.type === 'if_clause') {
      out[out.length - 1].ifs.push(expression(kids(c)[0]));
    }
  }
  return out;
}

function subscript(n: TSNode): A.Subscript {
  const parts = fields(n, 'subscript');
  const elts = parts.map((p) => (p.type === 'slice' ? slice(p) : expression(p)));
  // `a[x]` indexes with x; `a[x, y]` and `a[x,]` with a tuple.
  let trailingComma = false;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (c && c.type === ',') trailingComma = true;
  }
  // `a[*b]` is `a[(*b,)]` (PEP 646).
  const sliceExpr: A.Expr = elts.length === 1 && !trailingComma && elts[0]._type !== 'Starred' ? elts[0] : {
    _type: 'Tuple', elts, ctx: 'Load', ...span(parts[0], parts[parts.length - 1]),
  };
  return { _type: 'Subscript', value: expression(field(n, 'value')), slice: sliceExpr, ctx: 'Load', ...loc(n) };
}

function slice(n: TSNode): A.Slice {
  // Children are expressions separated by ':' tokens; an expression's place is the number of colons before it.
  const parts: (A.Expr | null)[] = [null, null, null];
  let colons = 0;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i)!;
    if (c.type === ':') colons++;
    else if (c.isNamed && !EXTRAS.has(c.type)) parts[colons] = expression(c);
  }
  return { _type: 'Slice', lower: parts[0], upper: parts[1], step: parts[2], ...loc(n) };
}

/** Annotations and the type statement: tree-sitter wraps them in `type` nodes with a few forms of its own. */
export function typeExpr(n: TSNode): A.Expr {
  const L = loc(n);
  switch (n.type) {
    case 'type': return typeExpr(kids(n)[0]);
    case 'generic_type': {
      const [name, params] = kids(n);
      const types = kids(params);
      const elts = types.map(typeExpr);
      let comma = false;
      for (let i = 0; i < params.childCount; i++) if (params.child(i)!.type === ',') comma = true;
      const slice: A.Expr = elts.length === 1 && !comma && elts[0]._type !== 'Starred' ? elts[0]
        : { _type: 'Tuple', elts, ctx: 'Load', ...span(types[0], types[types.length - 1]) };
      return { _type: 'Subscript', value: typeExpr(name), slice, ctx: 'Load', ...L };
    }
    case 'union_type': {
      const [left, right] = kids(n);
      return { _type: 'BinOp', left: typeExpr(left), op: 'BitOr', right: typeExpr(right), ...L };
    }
    case 'member_type': {
      const [obj, attr] = kids(n);
      return { _type: 'Attribute', value: typeExpr(obj), attr: identifier(attr), ctx: 'Load', ...L };
    }
    case 'splat_type':
      return { _type: 'Starred', value: typeExpr(kids(n)[0]), ctx: 'Load', ...L };
    case 'constrained_type':
      throw new ConvertError('invalid syntax', n);
    default:
      return expression(n);
  }
}

// ---------------------------------------------------------------- assignment targets

const TARGET_NAMES: Partial<Record<A.Expr['_type'], string>> = {
  Call: 'function call', Constant: 'literal', BinOp: 'expression', UnaryOp: 'expression', BoolOp: 'expression',
  Compare: 'comparison', Lambda: 'lambda', IfExp: 'conditional expression', NamedExpr: 'named expression',
  Dict: 'dict literal', Set: 'set display', ListComp: 'list comprehension', SetComp: 'set comprehension',
  DictComp: 'dict comprehension', GeneratorExp: 'generator expression', Await: 'await expression',
  Yield: 'yield expression', YieldFrom: 'yield expression', JoinedStr: 'f-string expression',
  FormattedValue: 'f-string expression',
};

/** Converts n as an assignment (Store) or `del` (Del) target: CPython's _PyPegen_set_expr_context. */
export function target(n: TSNode, ctx: A.ExprContext): A.Expr {
  let e: A.Expr;
  if (n.type === 'tuple_pattern' || n.type === 'pattern_list') {
    const elts = kids(n);
    // `(x)` only groups; `(x,)` is a tuple.
    if (n.type === 'tuple_pattern' && elts.length === 1 && !hasToken(n, ',')) return target(elts[0], ctx);
    return { _type: 'Tuple', elts: elts.map((k) => target(k, ctx)), ctx, ...loc(n) };
  }
  if (n.type === 'list_pattern') return { _type: 'List', elts: kids(n).map((k) => target(k, ctx)), ctx, ...loc(n) };
  if (n.type === 'list_splat_pattern') return { _type: 'Starred', value: target(kids(n)[0], ctx), ctx, ...loc(n) };
  e = n.type === 'expression_list' ? expressionOrTuple(n) : expression(n);
  return setContext(e, ctx, n);
}

function setContext(e: A.Expr, ctx: A.ExprContext, at: TSNode): A.Expr {
  switch (e._type) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      return { ...e, ctx };
    case 'Starred':
      return { ...e, value: setContext(e.value, ctx, at), ctx };
    case 'Tuple':
    case 'List':
      return { ...e, elts: e.elts.map((x) => setContext(x, ctx, at)), ctx };
    default: {
      const what = TARGET_NAMES[e._type] ?? 'expression';
      throw new ConvertError(ctx === 'Del' ? `cannot delete ${what}` : `cannot assign to ${what}`, at);
    }
  }
}
