// The interpreter the Python extension (ms-python.python) selected for the workspace, for
// `memoryLens.pythonVersion: auto`. Its public environments API (the shape @vscode/python-extension declares),
// read without depending on that package: when the extension is absent or fails, the server asks `python3`.
import * as vscode from 'vscode';

const PYTHON_EXTENSION = 'ms-python.python';

interface EnvironmentPath {
  id: string;
  path: string;
}

interface Environments {
  getActiveEnvironmentPath(resource?: vscode.Uri): EnvironmentPath;
  resolveEnvironment(environment: EnvironmentPath | string): Promise<{ executable: { uri?: vscode.Uri } } | undefined>;
  onDidChangeActiveEnvironmentPath: vscode.Event<EnvironmentPath>;
}

async function environments(): Promise<Environments | undefined> {
  const extension = vscode.extensions.getExtension<{ environments?: Environments }>(PYTHON_EXTENSION);
  if (!extension) return undefined;
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    return api?.environments;
  } catch {
    return undefined;
  }
}

/** The selected interpreter's executable (the environment's folder when it cannot be resolved), if any. */
async function executableOf(envs: Environments, selected: EnvironmentPath): Promise<string | undefined> {
  try {
    const resolved = await envs.resolveEnvironment(selected);
    return resolved?.executable.uri?.fsPath ?? selected.path;
  } catch {
    return selected.path;
  }
}

/** The selected interpreter now, and a subscription that reports each change. */
export async function selectedInterpreter(onChange: (pythonPath: string | undefined) => void): Promise<{ pythonPath?: string; subscription?: vscode.Disposable }> {
  const envs = await environments();
  if (!envs) return {};
  const subscription = envs.onDidChangeActiveEnvironmentPath((selected) => void executableOf(envs, selected).then(onChange));
  return { pythonPath: await executableOf(envs, envs.getActiveEnvironmentPath()), subscription };
}
