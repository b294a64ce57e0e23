// The instruction set: CPython 3.11's bytecode (Include/opcode.h, Python/ceval.c), simplified where the
// difference is invisible to a program, kept where it decides which references exist at a given moment (what
// sys.getrefcount counts, when an object dies). The compiler (compiler.ts) and the evaluator (vm.ts) share this
// contract. Each instruction is two int32 words: opcode, argument. Jump arguments are absolute instruction
// indexes (not byte offsets). "NULL" is a stack slot holding no object (JS null).
//
// Stack effects below: [before] → [after], top of stack rightmost.

export const enum Op {
  NOP = 0,
  /** [x] → []: decref x. */
  POP_TOP,
  /** [] → [NULL] */
  PUSH_NULL,
  /** [.. x(i-th from top, 1 = top)] → [.. x .. x]: incref. */
  COPY,
  /** swap TOS with the i-th item (1 = top). */
  SWAP,
  /** [] → [consts[arg]] (incref) */
  LOAD_CONST,
  /** [] → [fast[arg]] (incref); UnboundLocalError when unset. */
  LOAD_FAST,
  /** 3.14's borrowed load: like LOAD_FAST but the stack slot does not own a reference. */
  LOAD_FAST_BORROW,
  /** [v] → [], fast[arg] = v; decref the old value after storing. */
  STORE_FAST,
  DELETE_FAST,
  /** Turn fast[arg] into a cell holding its current value (function prologue for cellvars). */
  MAKE_CELL,
  /** Copy the function's closure cells into the last `arg` fast slots (prologue). */
  COPY_FREE_VARS,
  /** [] → [cell in fast[arg]] (incref the cell itself) */
  LOAD_CLOSURE,
  /** [] → [fast[arg].cell_contents]; NameError "free variable ... referenced before assignment" when empty. */
  LOAD_DEREF,
  /** Class bodies: look in the class namespace (locals dict) first, then the cell fast[arg]. */
  LOAD_CLASSDEREF,
  STORE_DEREF,
  DELETE_DEREF,
  /** names[arg]: locals dict, then globals, then builtins. */
  LOAD_NAME,
  STORE_NAME,
  DELETE_NAME,
  /** names[arg]: globals, then builtins. */
  LOAD_GLOBAL,
  STORE_GLOBAL,
  DELETE_GLOBAL,
  /** [obj] → [getattr(obj, names[arg])] */
  LOAD_ATTR,
  /** [obj] → [meth, obj] when names[arg] is a plain function on the type (no bound method made),
   *  else [NULL, getattr(obj, names[arg])]. */
  LOAD_METHOD,
  /** [v, obj] → []: setattr(obj, names[arg], v) */
  STORE_ATTR,
  /** [obj] → [] */
  DELETE_ATTR,
  /** [container, key] → [container[key]] */
  BINARY_SUBSCR,
  /** [v, container, key] → []: container[key] = v */
  STORE_SUBSCR,
  /** [container, key] → [] */
  DELETE_SUBSCR,
  /** [a, b] → [a OP b]; arg is a BinaryOp (inplace variants call __iop__ first). */
  BINARY_OP,
  /** [a] → [-a] / [+a] / [~a] / [not a] */
  UNARY_NEGATIVE,
  UNARY_POSITIVE,
  UNARY_INVERT,
  UNARY_NOT,
  /** [a, b] → [a CMP b]; arg is a CompareOp. */
  COMPARE_OP,
  /** [a, b] → [a is b] (arg 1: is not) */
  IS_OP,
  /** [a, b] → [a in b] (arg 1: not in) */
  CONTAINS_OP,
  /** [x1..xn] → [tuple]; the tuple takes over the references. */
  BUILD_TUPLE,
  BUILD_LIST,
  BUILD_SET,
  /** [k1, v1, .. kn, vn] → [dict] */
  BUILD_MAP,
  /** [v1..vn, keys-tuple] → [dict] */
  BUILD_CONST_KEY_MAP,
  /** [s1..sn] → [''.join] */
  BUILD_STRING,
  /** [start, stop] or [start, stop, step] → [slice]; arg 2 or 3 */
  BUILD_SLICE,
  /** [list, .. (arg-1 items) .., v] → [list, ..]: list.append(v) for the list at stack[-arg-1] (after popping v) */
  LIST_APPEND,
  SET_ADD,
  /** [dict, .., k, v] → [dict, ..] */
  MAP_ADD,
  /** [list, .., iterable] → [list, ..]: list.extend */
  LIST_EXTEND,
  SET_UPDATE,
  /** [dict, .., mapping] → [dict, ..]: dict.update (DICT_MERGE: for **kwargs, duplicate keys are a TypeError) */
  DICT_UPDATE,
  DICT_MERGE,
  /** [list] → [tuple] */
  LIST_TO_TUPLE,
  /** [value] or [value, spec] → [str]: arg & 3 is the conversion (0 none, 1 str, 2 repr, 3 ascii), arg & 4 a spec */
  FORMAT_VALUE,
  /** The next CALL's last `len(consts[arg])` arguments are keywords named by that tuple. */
  KW_NAMES,
  /** [NULL|meth, callable|self, a1..an] → [result]: see LOAD_METHOD. Keyword names from a preceding KW_NAMES. */
  CALL,
  /** [NULL|x, callable, args-tuple(, kwargs-dict if arg & 1)] → [result] */
  CALL_FUNCTION_EX,
  /** [(defaults)(, kwdefaults)(, annotations)(, closure), code] → [function]; arg flags 1 2 4 8 as CPython */
  MAKE_FUNCTION,
  /** [v] → return v */
  RETURN_VALUE,
  /** pc = arg */
  JUMP,
  /** [v] → []: jump if v is false / true / None / not None */
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE,
  /** [v] → [v] and jump if false/true, else [] (and/or) */
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,
  /** [iterable] → [iter(iterable)] */
  GET_ITER,
  /** [it] → [it, next(it)], or when exhausted: [] and jump to arg (the iterator is popped and decref'd). */
  FOR_ITER,
  /** [seq] → [xn .. x1] (first item on top) */
  UNPACK_SEQUENCE,
  /** arg = before | (after << 8): [seq] → [after items.., list, before items..] first on top */
  UNPACK_EX,
  /** arg 0: re-raise the handled exception; 1: [exc] raise; 2: [exc, cause] raise from */
  RAISE_VARARGS,
  /** [.., exc] → raise exc again, keeping its traceback; arg 1: set frame lasti from the stack (ignored) */
  RERAISE,
  /** [exc] → [prev_exc_info, exc]: the handler's prologue (sets sys.exc_info) */
  PUSH_EXC_INFO,
  /** [prev_exc_info] → []: restore sys.exc_info */
  POP_EXCEPT,
  /** [exc, type] → [exc, bool]: isinstance(exc, type) with "catching classes that do not inherit" check */
  CHECK_EXC_MATCH,
  /** except*: [eg, type] → [rest, match] */
  CHECK_EG_MATCH,
  /** [mgr] → [bound __exit__, mgr.__enter__()] */
  BEFORE_WITH,
  /** [exit_func, lasti, prev_exc, exc] → [.., exit_func(type, exc, tb)] */
  WITH_EXCEPT_START,
  /** [] → [builtins.__build_class__] */
  LOAD_BUILD_CLASS,
  /** [level, fromlist] → [module]: __import__(names[arg], .., fromlist, level) */
  IMPORT_NAME,
  /** [module] → [module, module.names[arg]] */
  IMPORT_FROM,
  /** [module] → []: from module import * */
  IMPORT_STAR,
  /** Generator prologue: create the generator object and return it (the frame is suspended before its body). */
  RETURN_GENERATOR,
  /** [v] → suspend the frame yielding v; on resume → [sent value] */
  YIELD_VALUE,
  /** [iterable] → [iter] (generators and coroutines pass through) */
  GET_YIELD_FROM_ITER,
  /** [receiver, v] → [receiver, yielded] or, when the receiver is done, [result] and jump to arg */
  SEND,
  /** Class bodies and modules: create __annotations__ if missing. */
  SETUP_ANNOTATIONS,
  /** [] → [AssertionError] */
  LOAD_ASSERTION_ERROR,
  /** [x] → [x, len(x)] */
  GET_LEN,
  /** [subject] → [subject, bool] */
  MATCH_MAPPING,
  MATCH_SEQUENCE,
  /** [subject, keys] → [subject, keys, values-tuple or None] */
  MATCH_KEYS,
  /** [subject, cls, kwnames] → [attrs-tuple or None]; arg = number of positional patterns */
  MATCH_CLASS,
  /** [container] → [dict copy without keys] helper for **rest: [subject, keys, ..] handled by the compiler */
  COPY_DICT_WITHOUT_KEYS,
  /** Ends a generator/coroutine frame: [v] → StopIteration(v) to the caller (see vm.ts) */
  RETURN_FROM_GEN_UNUSED,
  /** [] → [] line marker used by tracing only (no effect) */
  RESUME,
  /** [exc] → []: raise StopIteration as RuntimeError inside generators (PEP 479) */
  STOPITERATION_ERROR,
  /** [] → [NULL, callable]: push a builtin helper (arg: Helper) for compiler-generated calls */
  LOAD_HELPER,
  /** except*: [orig_eg, list of raised/re-raised groups] → [exception to raise, or None] (3.11's
   *  PREP_RERAISE_STAR: the unhandled rest and the groups raised in except* bodies, combined) */
  PREP_RERAISE_STAR,
  /** 3.12 inlined comprehensions (PEP 709): [] → [fast[arg] or NULL], and fast[arg] is left unbound (the
   *  reference moves to the stack). The saved value comes back with a STORE_FAST, which may then store NULL. */
  LOAD_FAST_AND_CLEAR,
  /** 3.12+ (3.14 annotation scopes): [dict] → [dict[names[arg]], else the global or builtin names[arg]] */
  LOAD_FROM_DICT_OR_GLOBALS,
  /** [dict] → [dict[name of fast[arg]], else the cell fast[arg]'s content] */
  LOAD_FROM_DICT_OR_DEREF,
  /** [] → [the frame's locals mapping] (a class body's namespace) */
  LOAD_LOCALS,
  /** [] → [a builtin constant]: arg 0 AssertionError, 1 NotImplementedError (3.14's LOAD_COMMON_CONSTANT) */
  LOAD_COMMON_CONSTANT,
}

/** BINARY_OP arguments (Include/opcode.h NB_*). Inplace versions are the base + NB_INPLACE. */
export const enum BinaryOp {
  ADD = 0, AND = 1, FLOOR_DIVIDE = 2, LSHIFT = 3, MATRIX_MULTIPLY = 4, MULTIPLY = 5, REMAINDER = 6, OR = 7,
  POWER = 8, RSHIFT = 9, SUBTRACT = 10, TRUE_DIVIDE = 11, XOR = 12,
  INPLACE = 13,
}

/** COMPARE_OP arguments (Py_LT .. Py_GE). */
export const enum CompareOp {
  LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5,
}

/** LOAD_HELPER arguments. */
export const enum Helper {
  /** typing-free `__annotations__` evaluation helper is not needed; placeholders for compiler needs. */
  NONE = 0,
}

/** Code flags (Include/cpython/code.h). */
export const enum CodeFlag {
  OPTIMIZED = 0x1, NEWLOCALS = 0x2, VARARGS = 0x4, VARKEYWORDS = 0x8, NESTED = 0x10, GENERATOR = 0x20,
  NOFREE = 0x40, COROUTINE = 0x80, ITERABLE_COROUTINE = 0x100, ASYNC_GENERATOR = 0x200,
}
