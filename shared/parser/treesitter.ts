// Loads tree-sitter and the tree-sitter-python grammar. Both are WebAssembly modules; the caller hands us
// their bytes (or a path, under Node) so that this library itself never touches the file system.
import { Language, Parser } from 'web-tree-sitter';

export interface GrammarFiles {
  /** web-tree-sitter's runtime, tree-sitter.wasm */
  treeSitter: Uint8Array | string;
  /** the grammar, tree-sitter-python.wasm */
  python: Uint8Array | string;
}

let parser: Parser | undefined;

export async function initTreeSitter(files: GrammarFiles): Promise<void> {
  if (parser) return;
  const runtime = files.treeSitter;
  await Parser.init(
    typeof runtime === 'string' ? { locateFile: () => runtime } : { wasmBinary: runtime },
  );
  const language = await Language.load(files.python);
  const p = new Parser();
  p.setLanguage(language);
  parser = p;
}

export function treeSitterParser(): Parser {
  if (!parser) throw new Error('the Python parser is not initialised: call initParser() first');
  return parser;
}
