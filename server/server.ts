// The language server: LSP in, `shared/` underneath. Started by VS Code over IPC, or by any LSP editor with
// `--stdio` (createConnection reads the transport from the command line).
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RefcountHint } from '../shared/lens';
import {
  PYTHON_PATH_NOTIFICATION, SETTINGS_SECTION, type MemoryLensInitializationOptions, type MemoryLensSettings, type PythonPathParams,
} from '../shared/protocol';
import type { PythonVersion } from '../shared/versions';
import { Analyses, type AnalysisRequest } from './analysis';
import { KeyedDebouncer } from './debounce';
import { findingDiagnostic, lineOneNote, quickFixes, runNote } from './findings';
import { initNodeParser } from './grammar';
import { autoVersion } from './interpreter';
import { hintHover, inlayHints } from './hints';
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

/** Read by the lens runs; syntax errors do not depend on it. */
let settings: MemoryLensSettings = DEFAULT_SETTINGS;
let pullsConfiguration = false;
let registersConfigurationChanges = false;
/** The client applies versioned edits, so a quick fix cannot land on a document that changed since. */
let takesDocumentChanges = false;
/** The client re-asks for inlay hints when told (workspace/inlayHint/refresh). */
let refreshesInlayHints = false;
let lastWarning: string | undefined;
/** The interpreter the client's Python extension selected, if it told us. */
let pythonPath: string | undefined;
/** What `pythonVersion: auto` stands for, found on the first run that needs it (and again when pythonPath changes). */
let auto: PythonVersion | undefined;

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  pythonPath = stringOrUndefined((params.initializationOptions as MemoryLensInitializationOptions | undefined)?.pythonPath);
  pullsConfiguration = capabilities.workspace?.configuration === true;
  registersConfigurationChanges = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  takesDocumentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
  refreshesInlayHints = capabilities.workspace?.inlayHint?.refreshSupport === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      inlayHintProvider: true,
      hoverProvider: true,
    },
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

connection.onNotification(PYTHON_PATH_NOTIFICATION, (params: PythonPathParams) => {
  const next = stringOrUndefined(params?.pythonPath);
  if (next === pythonPath) return;
  pythonPath = next;
  auto = undefined;
  if (settings.pythonVersion === 'auto') for (const document of documents.all()) debouncer.schedule(document.uri);
});

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The version a run simulates: the setting, or for `auto` the workspace interpreter's (said once if it cannot be). */
function simulatedVersion(): PythonVersion {
  if (settings.pythonVersion !== 'auto') return settings.pythonVersion;
  if (auto === undefined) {
    const found = autoVersion([pythonPath, 'python3', 'python']);
    auto = found.version;
    connection.console.log(`pythonVersion auto: ${found.version}${found.interpreter ? ` (from ${found.interpreter})` : ''}`);
    if (found.note) showMessage(MessageType.Info, `Python Memory Lens: ${found.note}.`);
  }
  return auto;
}

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
  const changed = JSON.stringify({ ...checked.settings, hints: null }) !== JSON.stringify({ ...settings, hints: null });
  const hintsChanged = checked.settings.hints.enable !== settings.hints.enable;
  settings = checked.settings;
  const warning = checked.problems.join(' ') || undefined;
  // Settings are re-read on every change anywhere in the configuration: say each problem once.
  if (warning && warning !== lastWarning) showMessage(MessageType.Warning, warning);
  lastWarning = warning;
  // Every setting but hints.enable changes what a run finds (or whether one runs); runs compute the hints anyway.
  if (changed) for (const document of documents.all()) debouncer.schedule(document.uri);
  else if (hintsChanged) refreshInlayHints();
}

const debouncer = new KeyedDebouncer(DEBOUNCE_MS, (uri) => void publishDiagnostics(uri));
const analyses = new Analyses();
/** Documents whose last published diagnostics hold a syntax error: once it is fixed they are cleared at once,
 *  not only when the simulation of the fixed text is done. */
const showingSyntaxErrors = new Set<string>();
/** Each document's hints from its last published run, with the version they belong to. */
const analysedHints = new Map<string, { version: number; hints: RefcountHint[] }>();

// Fires on open as well as on every change.
documents.onDidChangeContent((event) => debouncer.schedule(event.document.uri));

documents.onDidClose((event) => {
  debouncer.cancel(event.document.uri);
  analyses.cancel(event.document.uri);
  showingSyntaxErrors.delete(event.document.uri);
  analysedHints.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || (params.context.only && !params.context.only.includes(CodeActionKind.QuickFix))) return [];
  return quickFixes(params.context.diagnostics, document.uri, document.version, takesDocumentChanges);
});

connection.languages.inlayHint.on((params) => {
  const hints = currentHints(params.textDocument.uri);
  return hints ? inlayHints(hints, params.range) : [];
});

connection.onHover((params) => {
  const hints = currentHints(params.textDocument.uri);
  return hints ? hintHover(hints, params.position) : null;
});

/** The hints of the document as it is now: none while its text is newer than the last run (its ranges may point
 *  at other code), or when hints are turned off. */
function currentHints(uri: string): RefcountHint[] | undefined {
  const analysed = analysedHints.get(uri);
  if (!settings.hints.enable || !analysed || analysed.version !== documents.get(uri)?.version) return undefined;
  return analysed.hints;
}

function refreshInlayHints(): void {
  if (refreshesInlayHints) connection.languages.inlayHint.refresh().catch(logError('cannot refresh the inlay hints'));
}

/** Syntax errors at once; else the lens's findings once its run (in a worker thread) is done. */
async function publishDiagnostics(uri: string): Promise<void> {
  if (!(await parserReady)) return;
  // Looked up after the wait: the document may have changed or closed meanwhile.
  const document = documents.get(uri);
  if (!document || document.languageId !== 'python') return;
  const { version } = document;
  const text = document.getText();
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0];
  let syntax: Diagnostic[];
  try {
    syntax = syntaxDiagnostics(text);
  } catch (error) {
    // A parser bug must cost one document its diagnostics, not the editor its server.
    logError(`cannot check ${uri}`)(error);
    return;
  }
  // A file with a syntax error does not run at all, in CPython either: it gets its syntax errors only. The last
  // good findings are not kept: their ranges point into text that has changed since, so they would sit on
  // lines that now hold other code.
  if (syntax.length || !settings.enable) {
    analyses.cancel(uri);
    // Turning the lens off changes no text: the client would keep showing the hints it has.
    if (analysedHints.delete(uri)) refreshInlayHints();
    send(uri, version, syntax, syntax.length > 0);
    return;
  }
  if (showingSyntaxErrors.has(uri)) send(uri, version, [], false);
  let diagnostics: Diagnostic[];
  try {
    const report = await analyses.run(uri, analysisRequest(document));
    // Superseded by a newer run, or the document changed (its next run is on its way): nothing to say.
    if (!report || documents.get(uri)?.version !== version) return;
    diagnostics = report.findings
      .filter((finding) => !settings.disabledFindings.includes(finding.code))
      .map((finding) => findingDiagnostic(finding, uri, version));
    const note = runNote(report, firstLine);
    if (note) diagnostics.unshift(note);
    analysedHints.set(uri, { version, hints: report.hints });
    if (settings.hints.enable) refreshInlayHints();
  } catch (error) {
    logError(`cannot simulate ${uri}`)(error);
    analysedHints.delete(uri);
    if (documents.get(uri)?.version !== version) return;
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics = [lineOneNote(`not simulated: an internal error of the extension (${reason}); see its output log`, firstLine)];
  }
  send(uri, version, diagnostics, false);
}

function send(uri: string, version: number, diagnostics: Diagnostic[], syntaxErrors: boolean): void {
  if (syntaxErrors) showingSyntaxErrors.add(uri);
  else showingSyntaxErrors.delete(uri);
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function analysisRequest(document: TextDocument): AnalysisRequest {
  const version = simulatedVersion();
  const openFiles = new Map<string, string>();
  for (const open of documents.all()) {
    const file = filePath(open.uri);
    if (file && open.languageId === 'python') openFiles.set(realFolderPath(file) ?? file, sourceText(open));
  }
  const filename = filePath(document.uri);
  if (!filename) {
    // An unsaved new file: no folder to import siblings from, and its name is what the editor shows.
    const name = decodeURIComponent(new URL(document.uri).pathname).split('/').pop() || 'main.py';
    return { source: sourceText(document), version, filename: name, openFiles, maxSteps: settings.maxSteps };
  }
  // As for `memlens run`: sibling modules come from the real path of the program's folder (sys.path[0]).
  const real = realFolderPath(filename);
  const directory = real === undefined ? undefined : path.dirname(real);
  return { source: sourceText(document), version, filename, directory, openFiles, maxSteps: settings.maxSteps };
}

/** As CPython reads source (and decodeSource reads files): "\r\n" and "\r" are "\n", so lines stay the editor's. */
function sourceText(document: TextDocument): string {
  return document.getText().replace(/\r\n?/g, '\n');
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    // A file URI with a host (a network share) has no local path on this platform.
    return undefined;
  }
}

/** The file's path with its folder's real path (symbolic links resolved), as imports find it; undefined when
 *  the folder is gone. */
function realFolderPath(file: string): string | undefined {
  try {
    return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return undefined;
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
