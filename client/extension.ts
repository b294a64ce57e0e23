// The extension's lifecycle: VS Code activates it on the first Python document (package.json
// `activationEvents`), and everything it starts is stopped on deactivate.
import type * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { PYTHON_PATH_NOTIFICATION, type PythonPathParams } from '../shared/protocol';
import { CLIENT_ID, CLIENT_NAME, clientOptions, serverOptions } from './config';
import { selectedInterpreter } from './python';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerCommands(context);
  // `pythonVersion: auto` follows the interpreter the Python extension selected, when it is installed.
  const interpreter = await selectedInterpreter((pythonPath) => {
    const params: PythonPathParams = { pythonPath };
    void client?.sendNotification(PYTHON_PATH_NOTIFICATION, params);
  });
  if (interpreter.subscription) context.subscriptions.push(interpreter.subscription);
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions(context), clientOptions({ pythonPath: interpreter.pythonPath }));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
