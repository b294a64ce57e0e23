// parse(): tree-sitter's concrete tree turned into our AST, with syntax errors collected instead of thrown.
import type { Module } from './ast';
import { initTreeSitter, treeSitterParser, type GrammarFiles } from './treesitter';
import { convertModule } from './convert';
import { markBracketContinuations } from './continuation';

export interface PySyntaxError {
  message: string;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

export interface ParseResult {
  /** The whole module when `errors` is empty; otherwise the statements before the first error. */
  module: Module;
  errors: PySyntaxError[];
}

export async function initParser(files: GrammarFiles): Promise<void> {
  await initTreeSitter(files);
}

export function parse(source: string): ParseResult {
  // Universal newlines, as CPython reads source: `\r\n` and `\r` end a line (no line or column moves).
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const tree = treeSitterParser().parse(markBracketContinuations(text));
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    return convertModule(tree.rootNode);
  } finally {
    tree.delete();
  }
}
