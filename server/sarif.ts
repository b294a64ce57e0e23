// `memlens check --format sarif`: the findings as a SARIF 2.1.0 log (OASIS, sarif-v2.1.0-os), the shape code
// scanning services such as GitHub's read. One run; one rule per finding code, documented in the README's
// catalogue; one result per finding, with its related locations and its fixes. Files that could not be read or
// simulated become tool execution notifications, not results: they are not findings about the code.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Finding, FindingCode, Range, RefcountHint, Severity } from '../shared/lens';
import { notModelledText } from '../shared/lens/format';

/** The repository's address, as package.json's `repository.url` names it (a test keeps the two equal). */
export const HOMEPAGE = 'https://example.invalid/python-memory-lens';

/** Where the catalogue in the README explains a finding code (its heading is the code itself). */
export function helpUri(code: FindingCode): string {
  return `${HOMEPAGE}/blob/main/README.md#${code}`;
}

/** What `memlens check` found in one file, as every output format reads it. */
export interface CheckedFile {
  /** The path shown to the user: relative to the working folder when inside it, with `/` separators. */
  path: string;
  /** Absolute. */
  file: string;
  findings: Finding[];
  /** With `--hints`: the reference-count hints. */
  hints?: RefcountHint[];
  /** Set when the file could not be simulated (a syntax error): why. Its findings are then empty. */
  notSimulated?: string;
  /** Set when a budget stopped the simulation: the findings cover the run up to there. */
  stopped?: { reason: string; line: number };
  /** The imported modules the simulator does not model (their values are placeholders). */
  notModelled?: string[];
  /** Set when the file could not be read as Python source (binary, bad encoding, too large, gone): why. */
  unreadable?: string;
  /** Set when checking the file met a bug of ours. */
  internalError?: string;
}

interface RuleText {
  short: string;
  full: string;
  help: string;
}

/** The rules' texts: a summary of the README's catalogue entry for each code. */
export const RULES: Record<FindingCode, RuleText> = {
  'cycle-candidate': {
    short: 'A reference cycle outlives its last outside reference',
    full: 'These objects refer to each other, and nothing else refers to them any more: reference counting cannot free them, so they stay in memory until the cyclic garbage collector runs.',
    help: 'Break the cycle when the structure is dropped (clear the back-reference), or make one direction of it a weak reference (weakref.ref, weakref.WeakValueDictionary, weakref.WeakMethod), so that reference counting frees the objects as soon as the last outside reference goes.',
  },
  'long-lived-allocation': {
    short: 'An allocation lives far longer than it is used',
    full: 'An object is still referenced long after its last use, so its memory is held for the rest of that time.',
    help: 'Drop the reference after the last use (del, or let it go out of scope by moving the work into a function), or do not keep the object in a long-lived container.',
  },
  'missing-weakref': {
    short: 'A strong reference closes a cycle where a weak reference is meant',
    full: 'A back-reference (a child pointing at its parent, a bound method or a closure stored on the object it refers to) makes the objects a reference cycle that only the cyclic garbage collector frees.',
    help: 'Store that reference as a weak one: weakref.ref(parent) read back with ref(), weakref.WeakMethod for a bound method, or weakref.proxy; the structure is then freed by reference counting.',
  },
  'slots-saving': {
    short: 'Instances would be smaller with __slots__',
    full: 'Many instances of this class are alive at once, and each carries its own attribute dictionary.',
    help: 'Declare the attributes in __slots__ so that each instance stores them in fixed slots instead of a __dict__.',
  },
  'materialized-once': {
    short: 'A collection is built in full only to be iterated once',
    full: 'A list (or other collection) is materialized whole, then read once from start to end, so all its items are in memory together for nothing.',
    help: 'Use a generator expression or iterate the source lazily, so that only one item is alive at a time.',
  },
};

const CODES = Object.keys(RULES) as FindingCode[];

/** SARIF's levels; it has no level under `note`. */
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A rule's `name`: the code in PascalCase, as SARIF suggests (`cycle-candidate` → `CycleCandidate`). */
function ruleName(code: FindingCode): string {
  return code.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase());
}

/** A 0-based LSP range as a 1-based SARIF region (its end column is the column just after the range). */
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A file's artifact location: relative to the working folder (%SRCROOT%) when inside it, else absolute. */
function artifactLocation(file: CheckedFile) {
  if (path.isAbsolute(file.path)) return { uri: pathToFileURL(file.file).href };
  return { uri: file.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function physicalLocation(file: CheckedFile, range: Range) {
  return { physicalLocation: { artifactLocation: artifactLocation(file), region: region(range) } };
}

function result(file: CheckedFile, finding: Finding) {
  return {
    ruleId: finding.code,
    ruleIndex: CODES.indexOf(finding.code),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [physicalLocation(file, finding.range)],
    relatedLocations: finding.related.map((related, id) => ({ id, ...physicalLocation(file, related.range), message: { text: related.message } })),
    fixes: finding.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [{
        artifactLocation: artifactLocation(file),
        replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
      }],
    })),
    ...(finding.exploratory ? { properties: { exploratory: true } } : {}),
  };
}

/** What kept a file from being checked in full, as a notification about the run (none for a file checked whole). */
function notification(file: CheckedFile) {
  const location = { locations: [{ physicalLocation: { artifactLocation: artifactLocation(file) } }] };
  if (file.unreadable) return { level: 'error', message: { text: `not checked: ${file.unreadable}` }, ...location };
  if (file.internalError) return { level: 'error', message: { text: `internal error: ${file.internalError}` }, ...location };
  if (file.notSimulated) return { level: 'warning', message: { text: `not simulated: ${file.notSimulated}` }, ...location };
  if (file.stopped) {
    const text = `simulation stopped at line ${file.stopped.line}: ${file.stopped.reason}; the findings cover the run up to there`;
    return { level: 'note', message: { text }, ...location };
  }
  if (file.notModelled) return { level: 'note', message: { text: notModelledText(file.notModelled) }, ...location };
  return undefined;
}

export function sarifLog(files: CheckedFile[], workingFolder: string) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'memlens',
          fullName: 'Python Memory Lens',
          informationUri: HOMEPAGE,
          rules: CODES.map((code) => ({
            id: code,
            name: ruleName(code),
            shortDescription: { text: RULES[code].short },
            fullDescription: { text: RULES[code].full },
            help: { text: RULES[code].help },
            helpUri: helpUri(code),
          })),
        },
      },
      invocations: [{
        executionSuccessful: !files.some((file) => file.unreadable || file.internalError),
        toolExecutionNotifications: files.flatMap((file) => notification(file) ?? []),
      }],
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(workingFolder).href.replace(/\/?$/, '/') } },
      // LSP counts columns in UTF-16 code units, and so do the findings.
      columnKind: 'utf16CodeUnits',
      results: files.flatMap((file) => file.findings.map((finding) => result(file, finding))),
    }],
  };
}
