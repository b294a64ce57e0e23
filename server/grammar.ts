// Finds the WebAssembly files of tree-sitter and its Python grammar under Node: next to the bundle in dist/,
// else in node_modules (tests run the tsc output in out/).
import * as fs from 'fs';
import * as path from 'path';
import { initParser } from '../shared/parser';

function locate(bundled: string, moduleFile: string): string {
  const nextToBundle = path.join(__dirname, bundled);
  if (fs.existsSync(nextToBundle)) return nextToBundle;
  return require.resolve(moduleFile);
}

export async function initNodeParser(): Promise<void> {
  await initParser({
    treeSitter: fs.readFileSync(locate('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm')),
    python: fs.readFileSync(locate('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm')),
  });
}
