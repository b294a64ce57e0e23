// The parser's public face: source text in, CPython-shaped AST and syntax errors out.
export * from './ast';
export { dump } from './dump';
export type { DumpOptions } from './dump';
export { decodeSource, SourceDecodeError } from './source';
export { parse, initParser } from './parse';
export type { ParseResult, PySyntaxError } from './parse';
