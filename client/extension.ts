// The extension's lifecycle: VS Code activates it on the first Python document (package.json
// `activationEvents`), and everything it starts is stopped on deactivate.
import type * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { CLIENT_ID, CLIENT_NAME, clientOptions, serverOptions } from './config';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerCommands(context);
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions(context), clientOptions());
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
