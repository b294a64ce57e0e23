// The lens runs in worker threads (server/analysis.ts): reports come back, a newer run for a document supersedes
// the older one, and no more than MAX_RUNNING run at once.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { Analyses, MAX_RUNNING, type AnalysisRequest } from '../server/analysis';

const LONG_LOOP = 'x = 0\nwhile True:\n    x += 1\n';

function request(source: string, extra: Partial<AnalysisRequest> = {}): AnalysisRequest {
  return { source, version: '3.13', filename: 'main.py', openFiles: new Map(), maxSteps: 2_000_000, ...extra };
}

describe('lens runs in worker threads', { timeout: 120_000 }, () => {
  it('returns the report of the run', async () => {
    const report = await new Analyses().run('a', request('import gc\nprint(gc.isenabled())\n'));
    assert.deepStrictEqual(report?.run, { stdout: 'True\n', stderr: '', exitCode: 0, stopped: undefined });
    assert.deepStrictEqual(report.findings, []);
  });

  it('imports siblings from the folder, the open text first', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'memlens-analysis-'));
    try {
      fs.writeFileSync(path.join(folder, 'saved.py'), 'NAME = "saved"\n');
      fs.writeFileSync(path.join(folder, 'edited.py'), 'NAME = "on disk"\n');
      const openFiles = new Map([[path.join(folder, 'edited.py'), 'NAME = "in the editor"\n']]);
      const source = 'import saved, edited\nprint(saved.NAME, edited.NAME)\n';
      const report = await new Analyses().run('a', request(source, { directory: folder, openFiles }));
      assert.strictEqual(report?.run.stdout, 'saved in the editor\n');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives up an older run of the same document for the newer one', async () => {
    const analyses = new Analyses();
    const older = analyses.run('a', request(LONG_LOOP));
    const newer = analyses.run('a', request('print("newer")\n'));
    assert.strictEqual(await older, undefined);
    assert.strictEqual((await newer)?.run.stdout, 'newer\n');
    const cancelled = analyses.run('a', request(LONG_LOOP));
    analyses.cancel('a');
    assert.strictEqual(await cancelled, undefined);
  });

  it(`runs at most ${MAX_RUNNING} at once; the others wait their turn`, async () => {
    const analyses = new Analyses();
    const done: string[] = [];
    const keys = [...Array.from({ length: MAX_RUNNING }, (_, i) => `long ${i}`), 'short'];
    const runs = keys.map((key) =>
      analyses.run(key, request(key === 'short' ? 'pass\n' : LONG_LOOP)).then((report) => {
        done.push(key);
        return report;
      }),
    );
    const reports = await Promise.all(runs);
    assert.ok(reports.every((r) => r !== undefined));
    // The short run would end first if it had not waited for a long one (each takes over a second).
    assert.notStrictEqual(done[0], 'short', done.join(', '));
  });
});
