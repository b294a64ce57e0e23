// The lens's report in LSP terms: each finding a diagnostic that carries its fixes, the fixes as quick-fix code
// actions, and one note on line 1 when the simulation did not cover the whole program.
import {
  CodeActionKind,
  DiagnosticSeverity,
  TextDocumentEdit,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding, Fix, LensReport, Severity } from '../shared/lens';
import { notModelledText } from '../shared/lens/format';
import { helpUri } from './sarif';
import { DIAGNOSTIC_SOURCE } from './syntax';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a finding's diagnostic carries back to us in a codeAction request (LSP preserves `data`). */
export interface FindingData {
  /** The document version the fixes' ranges belong to (none in `memlens check`'s JSON: the file as read). */
  version?: number;
  fixes: Fix[];
}

/** A finding as the language server publishes it (and `memlens check --format json` prints it). */
export function findingDiagnostic(finding: Finding, uri: string, version?: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    codeDescription: { href: helpUri(finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  if (finding.fixes.length) diagnostic.data = { version, fixes: finding.fixes } satisfies FindingData;
  return diagnostic;
}

/**
 * Why the findings may be incomplete, said once on line 1: the file was not simulated, or the simulation stopped
 * early (a budget, a construct the simulator does not model, an uncaught exception). Undefined when the whole
 * program ran.
 */
export function runNote(report: LensReport, firstLine: string): Diagnostic | undefined {
  const partial = ' — findings cover the part that ran';
  const { stopped, stderr, exitCode } = report.run;
  let message: string | undefined;
  if (report.notSimulated !== undefined) {
    message = `not simulated: ${report.notSimulated}`;
  } else if (stopped) {
    const notSimulated = /^not simulated: (.*)$/.exec(stopped.reason);
    message = notSimulated
      ? `not simulated at line ${stopped.line}: ${notSimulated[1]}${partial}`
      : `simulation stopped at line ${stopped.line}: ${stopped.reason}${partial}`;
  } else if (exitCode !== 0 && stderr.includes('Traceback (most recent call last):')) {
    message = `the simulated run ended with an uncaught ${stderr.trimEnd().split('\n').pop()}${partial}`;
  } else if (report.run.notModelled) {
    message = notModelledText(report.run.notModelled);
  }
  return message === undefined ? undefined : lineOneNote(message, firstLine);
}

/** An Information diagnostic over the file's first line, about the whole file. */
export function lineOneNote(message: string, firstLine: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `Memory Lens: ${message}`,
  };
}

/**
 * The quick fixes of our diagnostics among those the client sends for a document now at `version`: none for
 * diagnostics of an older version, whose ranges may no longer point at the code they fix.
 * `documentChanges`: the client takes versioned edits (WorkspaceClientCapabilities.workspaceEdit.documentChanges).
 */
export function quickFixes(diagnostics: Diagnostic[], uri: string, version: number, documentChanges: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as Partial<FindingData> | undefined;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || data?.version !== version || !Array.isArray(data.fixes)) continue;
    data.fixes.forEach((fix, i) => {
      const edit: WorkspaceEdit = documentChanges
        ? { documentChanges: [TextDocumentEdit.create({ uri, version }, fix.edits)] }
        : { changes: { [uri]: fix.edits } };
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, isPreferred: i === 0 });
    });
  }
  return actions;
}
