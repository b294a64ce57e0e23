// The commands the extension contributes (package.json `contributes.commands`).
import * as vscode from 'vscode';

export function registerCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('memoryLens.openHeapPanel', () =>
      vscode.window.showInformationMessage('Python Memory Lens: the heap panel arrives in a later version.'),
    ),
  );
}
