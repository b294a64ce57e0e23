// The Python AST, shaped as CPython's `ast` module shapes it (Parser/Python.asdl, 3.12 grammar): node names,
// field names and field order are CPython's, so the dump of a tree reads exactly like `ast.dump`.
// Positions: `lineno`/`end_lineno` are 1-based lines as in CPython; `col_offset`/`end_col_offset` count UTF-16
// code units (what editors and the LSP use), where CPython counts UTF-8 bytes.

export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** Python values a Constant can hold. Ints are bigint only when they do not fit a JS safe integer. */
export type ConstantValue =
  | { t: 'None' }
  | { t: 'Ellipsis' }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'complex'; imag: number }
  /** `codePoints` is set only when the text holds surrogate code points, which a JS string cannot keep apart. */
  | { t: 'str'; v: string; codePoints?: number[] }
  | { t: 'bytes'; v: Uint8Array };

export type ExprContext = 'Load' | 'Store' | 'Del';
export type BoolOpKind = 'And' | 'Or';
export type OperatorKind =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow' | 'LShift' | 'RShift' | 'BitOr' | 'BitXor'
  | 'BitAnd' | 'FloorDiv';
export type UnaryOpKind = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOpKind = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

export interface Module { _type: 'Module'; body: Stmt[]; type_ignores: never[] }

// ---- statements
export interface FunctionDef extends Located {
  _type: 'FunctionDef' | 'AsyncFunctionDef';
  name: string; args: Arguments; body: Stmt[]; decorator_list: Expr[]; returns: Expr | null;
  type_comment: null; type_params: TypeParam[];
}
export interface ClassDef extends Located {
  _type: 'ClassDef';
  name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorator_list: Expr[];
  type_params: TypeParam[];
}
export interface Return extends Located { _type: 'Return'; value: Expr | null }
export interface Delete extends Located { _type: 'Delete'; targets: Expr[] }
export interface Assign extends Located { _type: 'Assign'; targets: Expr[]; value: Expr; type_comment: null }
export interface TypeAlias extends Located { _type: 'TypeAlias'; name: Name; type_params: TypeParam[]; value: Expr }
export interface AugAssign extends Located { _type: 'AugAssign'; target: Expr; op: OperatorKind; value: Expr }
export interface AnnAssign extends Located {
  _type: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null; simple: number;
}
export interface For extends Located {
  _type: 'For' | 'AsyncFor'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[]; type_comment: null;
}
export interface While extends Located { _type: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface If extends Located { _type: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface With extends Located {
  _type: 'With' | 'AsyncWith'; items: WithItem[]; body: Stmt[]; type_comment: null;
}
export interface Match extends Located { _type: 'Match'; subject: Expr; cases: MatchCase[] }
export interface Raise extends Located { _type: 'Raise'; exc: Expr | null; cause: Expr | null }
export interface Try extends Located {
  _type: 'Try' | 'TryStar'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[];
}
export interface Assert extends Located { _type: 'Assert'; test: Expr; msg: Expr | null }
export interface Import extends Located { _type: 'Import'; names: Alias[] }
export interface ImportFrom extends Located {
  _type: 'ImportFrom'; module: string | null; names: Alias[]; level: number;
}
export interface Global extends Located { _type: 'Global' | 'Nonlocal'; names: string[] }
export interface ExprStmt extends Located { _type: 'Expr'; value: Expr }
export interface Simple extends Located { _type: 'Pass' | 'Break' | 'Continue' }

export type Stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | TypeAlias | AugAssign | AnnAssign | For | While | If
  | With | Match | Raise | Try | Assert | Import | ImportFrom | Global | ExprStmt | Simple;

// ---- expressions
export interface BoolOp extends Located { _type: 'BoolOp'; op: BoolOpKind; values: Expr[] }
export interface NamedExpr extends Located { _type: 'NamedExpr'; target: Name; value: Expr }
export interface BinOp extends Located { _type: 'BinOp'; left: Expr; op: OperatorKind; right: Expr }
export interface UnaryOp extends Located { _type: 'UnaryOp'; op: UnaryOpKind; operand: Expr }
export interface Lambda extends Located { _type: 'Lambda'; args: Arguments; body: Expr }
export interface IfExp extends Located { _type: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
export interface Dict extends Located { _type: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
export interface SetExpr extends Located { _type: 'Set'; elts: Expr[] }
export interface Comp extends Located {
  _type: 'ListComp' | 'SetComp' | 'GeneratorExp'; elt: Expr; generators: Comprehension[];
}
export interface DictComp extends Located { _type: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
export interface Await extends Located { _type: 'Await'; value: Expr }
export interface Yield extends Located { _type: 'Yield'; value: Expr | null }
export interface YieldFrom extends Located { _type: 'YieldFrom'; value: Expr }
export interface Compare extends Located { _type: 'Compare'; left: Expr; ops: CmpOpKind[]; comparators: Expr[] }
export interface Call extends Located { _type: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
export interface FormattedValue extends Located {
  _type: 'FormattedValue'; value: Expr; conversion: number; format_spec: JoinedStr | null;
}
export interface JoinedStr extends Located { _type: 'JoinedStr'; values: (Constant | FormattedValue)[] }
export interface Constant extends Located { _type: 'Constant'; value: ConstantValue; kind: 'u' | null }
export interface Attribute extends Located { _type: 'Attribute'; value: Expr; attr: string; ctx: ExprContext }
export interface Subscript extends Located { _type: 'Subscript'; value: Expr; slice: Expr; ctx: ExprContext }
export interface Starred extends Located { _type: 'Starred'; value: Expr; ctx: ExprContext }
export interface Name extends Located { _type: 'Name'; id: string; ctx: ExprContext }
export interface ListExpr extends Located { _type: 'List'; elts: Expr[]; ctx: ExprContext }
export interface TupleExpr extends Located { _type: 'Tuple'; elts: Expr[]; ctx: ExprContext }
export interface Slice extends Located { _type: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }

export type Expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | SetExpr | Comp | DictComp | Await | Yield
  | YieldFrom | Compare | Call | FormattedValue | JoinedStr | Constant | Attribute | Subscript | Starred | Name
  | ListExpr | TupleExpr | Slice;

// ---- the other node kinds
export interface Comprehension {
  _type: 'comprehension'; target: Expr; iter: Expr; ifs: Expr[]; is_async: number;
}
export interface ExceptHandler extends Located {
  _type: 'ExceptHandler'; type: Expr | null; name: string | null; body: Stmt[];
}
export interface Arguments {
  _type: 'arguments';
  posonlyargs: Arg[]; args: Arg[]; vararg: Arg | null; kwonlyargs: Arg[]; kw_defaults: (Expr | null)[];
  kwarg: Arg | null; defaults: Expr[];
}
export interface Arg extends Located { _type: 'arg'; arg: string; annotation: Expr | null; type_comment: null }
export interface Keyword extends Located { _type: 'keyword'; arg: string | null; value: Expr }
export interface Alias extends Located { _type: 'alias'; name: string; asname: string | null }
export interface WithItem { _type: 'withitem'; context_expr: Expr; optional_vars: Expr | null }
export interface MatchCase { _type: 'match_case'; pattern: Pattern; guard: Expr | null; body: Stmt[] }

export type Pattern =
  | (Located & { _type: 'MatchValue'; value: Expr })
  | (Located & { _type: 'MatchSingleton'; value: ConstantValue })
  | (Located & { _type: 'MatchSequence'; patterns: Pattern[] })
  | (Located & { _type: 'MatchMapping'; keys: Expr[]; patterns: Pattern[]; rest: string | null })
  | (Located & {
      _type: 'MatchClass'; cls: Expr; patterns: Pattern[]; kwd_attrs: string[]; kwd_patterns: Pattern[];
    })
  | (Located & { _type: 'MatchStar'; name: string | null })
  | (Located & { _type: 'MatchAs'; pattern: Pattern | null; name: string | null })
  | (Located & { _type: 'MatchOr'; patterns: Pattern[] });

export type TypeParam =
  | (Located & { _type: 'TypeVar'; name: string; bound: Expr | null })
  | (Located & { _type: 'ParamSpec' | 'TypeVarTuple'; name: string });

export type Node =
  | Module | Stmt | Expr | Comprehension | ExceptHandler | Arguments | Arg | Keyword | Alias | WithItem
  | MatchCase | Pattern | TypeParam;

/** Field order of each node kind, as `_fields` in CPython's ast (3.12). Used by the dump and the walkers. */
export const FIELDS: Record<string, readonly string[]> = {
  Module: ['body', 'type_ignores'],
  FunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns', 'type_comment', 'type_params'],
  AsyncFunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns', 'type_comment', 'type_params'],
  ClassDef: ['name', 'bases', 'keywords', 'body', 'decorator_list', 'type_params'],
  Return: ['value'],
  Delete: ['targets'],
  Assign: ['targets', 'value', 'type_comment'],
  TypeAlias: ['name', 'type_params', 'value'],
  AugAssign: ['target', 'op', 'value'],
  AnnAssign: ['target', 'annotation', 'value', 'simple'],
  For: ['target', 'iter', 'body', 'orelse', 'type_comment'],
  AsyncFor: ['target', 'iter', 'body', 'orelse', 'type_comment'],
  While: ['test', 'body', 'orelse'],
  If: ['test', 'body', 'orelse'],
  With: ['items', 'body', 'type_comment'],
  AsyncWith: ['items', 'body', 'type_comment'],
  Match: ['subject', 'cases'],
  Raise: ['exc', 'cause'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  TryStar: ['body', 'handlers', 'orelse', 'finalbody'],
  Assert: ['test', 'msg'],
  Import: ['names'],
  ImportFrom: ['module', 'names', 'level'],
  Global: ['names'],
  Nonlocal: ['names'],
  Expr: ['value'],
  Pass: [], Break: [], Continue: [],
  BoolOp: ['op', 'values'],
  NamedExpr: ['target', 'value'],
  BinOp: ['left', 'op', 'right'],
  UnaryOp: ['op', 'operand'],
  Lambda: ['args', 'body'],
  IfExp: ['test', 'body', 'orelse'],
  Dict: ['keys', 'values'],
  Set: ['elts'],
  ListComp: ['elt', 'generators'],
  SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'],
  GeneratorExp: ['elt', 'generators'],
  Await: ['value'],
  Yield: ['value'],
  YieldFrom: ['value'],
  Compare: ['left', 'ops', 'comparators'],
  Call: ['func', 'args', 'keywords'],
  FormattedValue: ['value', 'conversion', 'format_spec'],
  JoinedStr: ['values'],
  Constant: ['value', 'kind'],
  Attribute: ['value', 'attr', 'ctx'],
  Subscript: ['value', 'slice', 'ctx'],
  Starred: ['value', 'ctx'],
  Name: ['id', 'ctx'],
  List: ['elts', 'ctx'],
  Tuple: ['elts', 'ctx'],
  Slice: ['lower', 'upper', 'step'],
  comprehension: ['target', 'iter', 'ifs', 'is_async'],
  ExceptHandler: ['type', 'name', 'body'],
  arguments: ['posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults'],
  arg: ['arg', 'annotation', 'type_comment'],
  keyword: ['arg', 'value'],
  alias: ['name', 'asname'],
  withitem: ['context_expr', 'optional_vars'],
  match_case: ['pattern', 'guard', 'body'],
  MatchValue: ['value'],
  MatchSingleton: ['value'],
  MatchSequence: ['patterns'],
  MatchMapping: ['keys', 'patterns', 'rest'],
  MatchClass: ['cls', 'patterns', 'kwd_attrs', 'kwd_patterns'],
  MatchStar: ['name'],
  MatchAs: ['pattern', 'name'],
  MatchOr: ['patterns'],
  TypeVar: ['name', 'bound'],
  ParamSpec: ['name'],
  TypeVarTuple: ['name'],
};

/** Fields that CPython declares optional (`?`): a None there is left out of `ast.dump`. */
export const OPTIONAL_FIELDS = new Set([
  'FunctionDef.returns', 'FunctionDef.type_comment', 'AsyncFunctionDef.returns', 'AsyncFunctionDef.type_comment',
  'Return.value', 'Assign.type_comment', 'AnnAssign.value', 'For.type_comment', 'AsyncFor.type_comment',
  'With.type_comment', 'AsyncWith.type_comment', 'Raise.exc', 'Raise.cause', 'Assert.msg', 'ImportFrom.module',
  'ImportFrom.level', 'Yield.value', 'FormattedValue.format_spec', 'Constant.kind', 'Slice.lower', 'Slice.upper',
  'Slice.step', 'ExceptHandler.type', 'ExceptHandler.name', 'arguments.vararg', 'arguments.kwarg',
  'arg.annotation', 'arg.type_comment', 'keyword.arg', 'alias.asname', 'withitem.optional_vars',
  'match_case.guard', 'MatchMapping.rest', 'MatchStar.name', 'MatchAs.pattern', 'MatchAs.name', 'TypeVar.bound',
]);

/** Node kinds that do not exist before 3.12 and fields added in 3.12. */
export const ADDED_IN_312 = new Set(['FunctionDef.type_params', 'AsyncFunctionDef.type_params', 'ClassDef.type_params']);
