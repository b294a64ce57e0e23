// What the lens returns: findings shaped as LSP diagnostics (0-based lines and UTF-16 columns), each with the
// related locations that explain it and the fixes that edit the code. Plain data: the server, the CLI and the
// tests read the same objects.

/** The stable codes, documented in the README's catalogue. */
export type FindingCode =
  | 'cycle-candidate'
  | 'long-lived-allocation'
  | 'missing-weakref'
  | 'slots-saving'
  | 'materialized-once';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the code action is called in the editor's light bulb menu. */
  title: string;
  edits: TextEdit[];
  /** Offered only if the fixed program, simulated, prints what the program prints (set by an analyzer when the
   *  program reads what the fix would let go; `analyze` checks it and clears it). */
  verify?: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  range: Range;
  message: string;
  related: RelatedLocation[];
  fixes: Fix[];
  /** Found by an exploratory call of a function the program itself did not reach (its message says so). */
  exploratory?: boolean;
}
