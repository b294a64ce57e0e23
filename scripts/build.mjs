// Builds everything a user or a test runs: the esbuild bundles in dist/ (what the .vsix and the `memlens`
// bin ship), the grammar wasm files next to them, and tsc's output in out/ (what `node --test` runs).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(join(root, 'package.json'));

// Stale files would be shipped or tested (a deleted test would still run from out/).
rmSync(dist, { recursive: true, force: true });
rmSync(join(root, 'out'), { recursive: true, force: true });
mkdirSync(dist);

// esbuild resolves an `import` through the package's "import" condition, even into a CJS bundle; web-tree-sitter's
// ESM build then finds its wasm through an `import.meta.url` that CJS lacks. Use its CJS build, which is also what
// tsc's output in out/ loads.
const webTreeSitterCjs = {
  name: 'web-tree-sitter-cjs',
  setup(build) {
    build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: require.resolve('web-tree-sitter') }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [webTreeSitterCjs],
};

await Promise.all([
  // `vscode` is provided by the extension host at run time.
  esbuild.build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/server.ts'], outfile: 'dist/server.js' }),
  // The server's worker thread of one lens run (server/analysis.ts looks for it next to the server).
  esbuild.build({ ...common, entryPoints: ['server/analysisThread.ts'], outfile: 'dist/analysisThread.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['server/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
// npm links `bin` entries itself, but `./dist/cli.js` run straight from a checkout needs the bit too.
chmodSync(join(dist, 'cli.js'), 0o755);

// server/grammar.ts looks for these next to the bundle before it looks in node_modules.
for (const wasm of ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter-python/tree-sitter-python.wasm']) {
  copyFileSync(require.resolve(wasm), join(dist, wasm.split('/')[1]));
}

const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
