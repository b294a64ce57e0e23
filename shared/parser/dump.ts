// ast.dump(node) as CPython's Lib/ast.py writes it (annotate_fields=True, include_attributes=False).
import { FIELDS, OPTIONAL_FIELDS, ADDED_IN_312, type ConstantValue, type Node } from './ast';
import { reprBytes, reprFloat, reprImaginary, reprStr } from '../text/repr';

export interface DumpOptions {
  /** Whose `ast.dump` to imitate: 3.12 added type_params; 3.13 leaves out empty lists and None. */
  version?: '3.11' | '3.12' | '3.13' | '3.14';
}

export function reprConstant(c: ConstantValue): string {
  switch (c.t) {
    case 'None': return 'None';
    case 'Ellipsis': return 'Ellipsis';
    case 'bool': return c.v ? 'True' : 'False';
    case 'int': return c.v.toString();
    case 'float': return reprFloat(c.v);
    case 'complex': return reprImaginary(c.imag);
    case 'str': return reprStr(c.v, c.codePoints);
    case 'bytes': return reprBytes(c.v);
  }
}

const SINGLETONS = new Set([
  'Load', 'Store', 'Del', 'And', 'Or', 'Add', 'Sub', 'Mult', 'MatMult', 'Div', 'Mod', 'Pow', 'LShift', 'RShift',
  'BitOr', 'BitXor', 'BitAnd', 'FloorDiv', 'Invert', 'Not', 'UAdd', 'USub', 'Eq', 'NotEq', 'Lt', 'LtE', 'Gt',
  'GtE', 'Is', 'IsNot', 'In', 'NotIn',
]);

export function dump(node: Node, options: DumpOptions = {}): string {
  const version = options.version ?? '3.13';
  const has312 = version !== '3.11';
  const omitEmpty = version === '3.13' || version === '3.14';

  function value(v: unknown, field: string): string {
    if (v === null) return 'None';
    if (typeof v === 'string') {
      // Operator and context fields hold singleton node names; identifiers are strings.
      return SINGLETONS.has(v) && (field === 'op' || field === 'ctx' || field === 'ops') ? v + '()' : reprStr(v);
    }
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v)) return '[' + v.map((x) => value(x, field)).join(', ') + ']';
    const o = v as { _type?: string };
    if (o._type === undefined) return reprConstant(v as ConstantValue);
    return format(v as Node);
  }

  function format(n: Node): string {
    const type = (n as { _type: string })._type;
    const args: string[] = [];
    for (const name of FIELDS[type]) {
      const key = `${type}.${name}`;
      if (!has312 && ADDED_IN_312.has(key)) continue;
      const v = (n as unknown as Record<string, unknown>)[name];
      if (v === null && OPTIONAL_FIELDS.has(key)) continue;
      if (omitEmpty && (v === null || (Array.isArray(v) && v.length === 0)) && type !== 'Constant' &&
        type !== 'MatchSingleton') continue;
      args.push(`${name}=${value(v, name)}`);
    }
    return `${type}(${args.join(', ')})`;
  }

  return format(node);
}
