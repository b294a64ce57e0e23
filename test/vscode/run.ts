// Runs the activation suite (./suite) inside a real VS Code: the one given by VSCODE_EXECUTABLE_PATH, else a
// downloaded one. Without either, or without a display, it says "skipped: ..." and exits 0, so that an offline
// or headless machine can still run `npm test`.
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

// An idle timeout: an unreachable update server fails within it, a download that receives data goes on.
const DOWNLOAD_IDLE_TIMEOUT_MS = 5_000;

async function findVSCode(): Promise<string | undefined> {
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  try {
    // Offline, this falls back to a build cached in .vscode-test/ if there is one.
    return await downloadAndUnzipVSCode({ version: 'stable', timeout: DOWNLOAD_IDLE_TIMEOUT_MS });
  } catch (error) {
    console.error(`cannot download VS Code: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  const vscodeExecutablePath = await findVSCode();
  if (!vscodeExecutablePath) {
    console.log('skipped: no VS Code build available (set VSCODE_EXECUTABLE_PATH)');
    return 0;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('skipped: no display to run VS Code in (run under xvfb-run)');
    return 0;
  }
  const root = path.resolve(__dirname, '../../..');
  return runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'suite'),
    // Built-in extensions (among them the Python language definition) stay on; installed ones would only
    // make the run depend on the machine.
    launchArgs: ['--disable-extensions'],
  });
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
