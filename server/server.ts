// The language server: LSP in, `shared/` underneath. Started by VS Code over IPC, or by any LSP editor with
// `--stdio` (createConnection reads the transport from the command line).
import {
  DidChangeConfigurationNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION, type MemoryLensSettings } from '../shared/protocol';
import { KeyedDebouncer } from './debounce';
import { initNodeParser } from './grammar';
import { DEFAULT_SETTINGS, checkSettings } from './settings';
import { syntaxDiagnostics } from './syntax';

const DEBOUNCE_MS = 150;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

// Loading the wasm grammar overlaps the initialize handshake; diagnostics wait for it.
const parserReady: Promise<boolean> = initNodeParser().then(
  () => true,
  (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    showMessage(MessageType.Error, `Python Memory Lens: cannot load the Python parser: ${reason}`);
    return false;
  },
);

/** Read by the version-dependent providers to come (hints, findings); syntax errors do not depend on it. */
let settings: MemoryLensSettings = DEFAULT_SETTINGS;
let pullsConfiguration = false;
let registersConfigurationChanges = false;
let lastWarning: string | undefined;

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  pullsConfiguration = capabilities.workspace?.configuration === true;
  registersConfigurationChanges = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  return {
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'Python Memory Lens' },
  };
});

connection.onInitialized(() => {
  if (!pullsConfiguration) return;
  if (registersConfigurationChanges) {
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
      .catch(logError('cannot register for configuration changes'));
  }
  void refreshSettings();
});

connection.onDidChangeConfiguration((change) => {
  // Clients that cannot be asked push the settings with the notification instead.
  if (pullsConfiguration) void refreshSettings();
  else applySettings((change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION]);
});

async function refreshSettings(): Promise<void> {
  try {
    applySettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
  } catch (error) {
    logError('cannot read the settings')(error);
  }
}

function applySettings(raw: unknown): void {
  const checked = checkSettings(raw);
  settings = checked.settings;
  const warning = checked.problems.join(' ') || undefined;
  // Settings are re-read on every change anywhere in the configuration: say each problem once.
  if (warning && warning !== lastWarning) showMessage(MessageType.Warning, warning);
  lastWarning = warning;
}

const debouncer = new KeyedDebouncer(DEBOUNCE_MS, (uri) => void publishDiagnostics(uri));

// Fires on open as well as on every change.
documents.onDidChangeContent((event) => debouncer.schedule(event.document.uri));

documents.onDidClose((event) => {
  debouncer.cancel(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

async function publishDiagnostics(uri: string): Promise<void> {
  if (!(await parserReady)) return;
  // Looked up after the wait: the document may have changed or closed meanwhile.
  const document = documents.get(uri);
  if (!document || document.languageId !== 'python') return;
  try {
    const diagnostics = syntaxDiagnostics(document.getText());
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  } catch (error) {
    // A parser bug must cost one document its diagnostics, not the editor its server.
    logError(`cannot check ${uri}`)(error);
  }
}

/** A notification, not `window.show*Message`: those are requests with no action to answer here. */
function showMessage(type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}

function logError(what: string): (error: unknown) => void {
  return (error) => connection.console.error(`${what}: ${error instanceof Error ? error.stack : String(error)}`);
}

documents.listen(connection);
connection.listen();
