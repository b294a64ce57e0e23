// How the language client is set up: which server to start and which documents it serves.
import type * as vscode from 'vscode';
import { TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { MemoryLensInitializationOptions } from '../shared/protocol';

export const CLIENT_ID = 'memoryLens';
export const CLIENT_NAME = 'Python Memory Lens';

export function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    // "Attach to Node process" on port 6009 debugs the server.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

export function clientOptions(initializationOptions: MemoryLensInitializationOptions): LanguageClientOptions {
  return {
    initializationOptions,
    // Saved files and new unsaved editors; not, e.g., git's read-only views of old revisions.
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
  };
}
