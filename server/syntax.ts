// Syntax errors as diagnostics: the one feature that needs only the parser. Later features (hints, findings)
// are providers of their own beside this one, over the simulator's trace.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { parse, type PySyntaxError } from '../shared/parser';

export const DIAGNOSTIC_SOURCE = 'Python Memory Lens';

export function syntaxDiagnostics(text: string): Diagnostic[] {
  // CPython reads "\r\n" and "\r" as "\n" (decodeSource does the same for files); line and column numbers
  // of every other character stay what the editor counts.
  return parse(text.replace(/\r\n?/g, '\n')).errors.map(toDiagnostic);
}

function toDiagnostic(error: PySyntaxError): Diagnostic {
  // The parser counts columns in UTF-16 code units, as LSP positions do by default.
  const start = { line: error.lineno - 1, character: error.col_offset };
  let end = { line: error.end_lineno - 1, character: error.end_col_offset };
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  return {
    range: { start, end },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: error.message,
  };
}
