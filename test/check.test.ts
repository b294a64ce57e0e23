// `memlens check` as CI meets it: exit statuses, the three formats (SARIF checked against the 2.1.0 schema's
// required properties), the folder walk against git's own reading of .gitignore, and parallel runs that print
// what one thread prints. Formatting is also checked on hand-made findings, which need no analyzer.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { exitStatus, formatJson, formatText, wantsColour } from '../server/check';
import { HOMEPAGE, RULES, sarifLog, type CheckedFile } from '../server/sarif';
import { parseGitignore, pythonFilesUnder } from '../server/walk';
import type { Finding } from '../shared/lens';
import { PARENT_CHILD_CYCLE } from './lens/programs';
import { assertRefused } from './memlens';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function memlens(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}


const CLEAN = 'items = [1, 2, 3]\nprint(sum(items))\n';

/** A finding as an analyzer makes one: a related location and a fix with one edit. */
const FINDING: Finding = {
  code: 'missing-weakref',
  severity: 'warning',
  range: { start: { line: 2, character: 8 }, end: { line: 2, character: 19 } },
  message: 'self.parent refers back to the parent: a cycle',
  related: [{ range: { start: { line: 5, character: 12 }, end: { line: 5, character: 42 } }, message: 'the parent refers to the child here' }],
  fixes: [{
    title: 'Hold the parent through weakref.ref',
    edits: [
      { range: { start: { line: 2, character: 22 }, end: { line: 2, character: 28 } }, newText: 'weakref.ref(parent)' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'import weakref\n' },
    ],
  }],
};

const INFORMATION: Finding = {
  code: 'slots-saving',
  severity: 'information',
  range: { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } },
  message: '1000 instances of Node alive at once',
  related: [],
  fixes: [],
};

function checked(relative: string, findings: Finding[], extra: Partial<CheckedFile> = {}): CheckedFile {
  return { path: relative, file: path.resolve('/project', relative), findings, ...extra };
}

// The SARIF 2.1.0 schema (sarif-schema-2.1.0.json) in the part we emit: each object's allowed properties (the
// schema sets additionalProperties: false on them) and its required ones, plus GitHub's own needs (a result has a
// location with a file and a start line).
const SARIF_OBJECTS: Record<string, { allowed: string[]; required?: string[] }> = {
  sarifLog: { allowed: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'], required: ['version', 'runs'] },
  run: {
    allowed: ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts',
      'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens',
      'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind', 'externalPropertyFileReferences',
      'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests', 'webResponses',
      'specialLocations', 'properties'],
    required: ['tool'],
  },
  tool: { allowed: ['driver', 'extensions', 'properties'], required: ['driver'] },
  toolComponent: {
    allowed: ['guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName',
      'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri',
      'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language', 'contents', 'isComprehensive',
      'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent',
      'translationMetadata', 'supportedTaxonomies', 'properties'],
    required: ['name'],
  },
  reportingDescriptor: {
    allowed: ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription',
      'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'],
    required: ['id'],
  },
  multiformatMessageString: { allowed: ['text', 'markdown', 'properties'], required: ['text'] },
  message: { allowed: ['text', 'markdown', 'id', 'arguments', 'properties'] },
  result: {
    allowed: ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid',
      'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs',
      'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments', 'hostedViewerUri',
      'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'],
    required: ['message'],
  },
  location: { allowed: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'] },
  physicalLocation: { allowed: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'] },
  artifactLocation: { allowed: ['uri', 'uriBaseId', 'index', 'description', 'properties'] },
  region: {
    allowed: ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength',
      'snippet', 'message', 'sourceLanguage', 'properties'],
  },
  fix: { allowed: ['description', 'artifactChanges', 'properties'], required: ['artifactChanges'] },
  artifactChange: { allowed: ['artifactLocation', 'replacements', 'properties'], required: ['artifactLocation', 'replacements'] },
  replacement: { allowed: ['deletedRegion', 'insertedContent', 'properties'], required: ['deletedRegion'] },
  artifactContent: { allowed: ['text', 'binary', 'rendered', 'properties'] },
  invocation: {
    allowed: ['commandLine', 'arguments', 'responseFiles', 'startTimeUtc', 'endTimeUtc', 'exitCode',
      'ruleConfigurationOverrides', 'notificationConfigurationOverrides', 'toolExecutionNotifications',
      'toolConfigurationNotifications', 'exitCodeDescription', 'exitSignalName', 'exitSignalNumber',
      'processStartFailureMessage', 'executionSuccessful', 'machine', 'account', 'processId', 'executableLocation',
      'workingDirectory', 'environmentVariables', 'stdin', 'stdout', 'stderr', 'stdoutStderr', 'properties'],
    required: ['executionSuccessful'],
  },
  notification: {
    allowed: ['locations', 'message', 'level', 'threadId', 'timeUtc', 'exception', 'descriptor', 'associatedRule', 'properties'],
    required: ['message'],
  },
};

/** The problems of a SARIF log against the schema's structure; none for a valid one. */
function sarifProblems(log: any): string[] {
  const problems: string[] = [];
  const object = (value: any, kind: string, where: string): boolean => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${where}: a ${kind} must be an object`);
      return false;
    }
    const { allowed, required = [] } = SARIF_OBJECTS[kind];
    for (const key of Object.keys(value)) if (!allowed.includes(key)) problems.push(`${where}: ${kind} has no property '${key}'`);
    for (const key of required) if (!(key in value)) problems.push(`${where}: ${kind} needs '${key}'`);
    return true;
  };
  const array = (value: any, where: string, minItems = 0): any[] => {
    if (!Array.isArray(value)) {
      problems.push(`${where}: must be an array`);
      return [];
    }
    if (value.length < minItems) problems.push(`${where}: needs at least ${minItems} item(s)`);
    return value;
  };
  const uri = (value: any, where: string) => {
    if (typeof value !== 'string' || value === '' || /[\s\\]/.test(value)) problems.push(`${where}: '${value}' is not a URI`);
  };
  const absoluteUri = (value: any, where: string) => {
    uri(value, where);
    if (typeof value === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) problems.push(`${where}: '${value}' is not absolute`);
  };
  const positive = (value: any, where: string) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) problems.push(`${where}: must be an integer >= 1`);
  };
  const text = (value: any, kind: 'message' | 'multiformatMessageString', where: string) => {
    if (!object(value, kind, where)) return;
    if (kind === 'message' && typeof value.text !== 'string' && typeof value.id !== 'string') problems.push(`${where}: a message needs text or id`);
    if (value.text !== undefined && typeof value.text !== 'string') problems.push(`${where}.text: must be a string`);
  };
  const region = (value: any, where: string) => {
    if (!object(value, 'region', where)) return;
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) positive(value[key], `${where}.${key}`);
    if (value.startLine === undefined && value.charOffset === undefined && value.byteOffset === undefined) {
      problems.push(`${where}: a region needs startLine, charOffset or byteOffset`);
    }
    if (value.endLine !== undefined && value.endLine < value.startLine) problems.push(`${where}: ends before it starts`);
    if (value.endLine === value.startLine && value.endColumn < value.startColumn) problems.push(`${where}: ends before it starts`);
  };
  const artifactLocation = (value: any, where: string) => {
    if (!object(value, 'artifactLocation', where)) return;
    uri(value.uri, `${where}.uri`);
    if (value.uriBaseId !== undefined && !(value.uriBaseId in (log.runs?.[0]?.originalUriBaseIds ?? {}))) {
      problems.push(`${where}.uriBaseId: '${value.uriBaseId}' is not in originalUriBaseIds`);
    }
  };
  const location = (value: any, where: string, needsRegion: boolean) => {
    if (!object(value, 'location', where)) return;
    if (value.id !== undefined && !(Number.isInteger(value.id) && value.id >= -1)) problems.push(`${where}.id: must be an integer >= -1`);
    if (value.message !== undefined) text(value.message, 'message', `${where}.message`);
    const physical = value.physicalLocation;
    if (physical === undefined) return void problems.push(`${where}: needs a physicalLocation`);
    if (!object(physical, 'physicalLocation', `${where}.physicalLocation`)) return;
    if (physical.artifactLocation === undefined && physical.address === undefined) problems.push(`${where}.physicalLocation: needs artifactLocation or address`);
    if (physical.artifactLocation !== undefined) artifactLocation(physical.artifactLocation, `${where}.physicalLocation.artifactLocation`);
    if (physical.region !== undefined) region(physical.region, `${where}.physicalLocation.region`);
    else if (needsRegion) problems.push(`${where}.physicalLocation: needs a region`);
  };
  const LEVELS = ['none', 'note', 'warning', 'error'];

  if (!object(log, 'sarifLog', 'log')) return problems;
  if (log.version !== '2.1.0') problems.push(`log.version: '${log.version}' is not 2.1.0`);
  array(log.runs, 'log.runs').forEach((run, r) => {
    const at = `runs[${r}]`;
    if (!object(run, 'run', at)) return;
    if (run.columnKind !== undefined && !['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind)) problems.push(`${at}.columnKind: unknown`);
    for (const [id, base] of Object.entries(run.originalUriBaseIds ?? {})) {
      if (object(base, 'artifactLocation', `${at}.originalUriBaseIds.${id}`)) absoluteUri((base as any).uri, `${at}.originalUriBaseIds.${id}.uri`);
    }
    let rules: any[] = [];
    if (object(run.tool, 'tool', `${at}.tool`) && object(run.tool.driver, 'toolComponent', `${at}.tool.driver`)) {
      const driver = run.tool.driver;
      if (typeof driver.name !== 'string' || driver.name === '') problems.push(`${at}.tool.driver.name: must be a non-empty string`);
      if (driver.informationUri !== undefined) absoluteUri(driver.informationUri, `${at}.tool.driver.informationUri`);
      rules = array(driver.rules ?? [], `${at}.tool.driver.rules`);
      rules.forEach((rule, i) => {
        const where = `${at}.tool.driver.rules[${i}]`;
        if (!object(rule, 'reportingDescriptor', where)) return;
        if (typeof rule.id !== 'string' || rule.id === '') problems.push(`${where}.id: must be a non-empty string`);
        if (rules.findIndex((other) => other.id === rule.id) !== i) problems.push(`${where}.id: '${rule.id}' is not unique`);
        for (const key of ['shortDescription', 'fullDescription', 'help']) {
          if (rule[key] !== undefined) text(rule[key], 'multiformatMessageString', `${where}.${key}`);
        }
        if (rule.helpUri !== undefined) absoluteUri(rule.helpUri, `${where}.helpUri`);
      });
    }
    array(run.invocations ?? [], `${at}.invocations`).forEach((invocation, i) => {
      const where = `${at}.invocations[${i}]`;
      if (!object(invocation, 'invocation', where)) return;
      if (typeof invocation.executionSuccessful !== 'boolean') problems.push(`${where}.executionSuccessful: must be a boolean`);
      array(invocation.toolExecutionNotifications ?? [], `${where}.toolExecutionNotifications`).forEach((n, j) => {
        const nat = `${where}.toolExecutionNotifications[${j}]`;
        if (!object(n, 'notification', nat)) return;
        text(n.message, 'message', `${nat}.message`);
        if (n.level !== undefined && !LEVELS.includes(n.level)) problems.push(`${nat}.level: '${n.level}' is not a level`);
        array(n.locations ?? [], `${nat}.locations`).forEach((l, k) => location(l, `${nat}.locations[${k}]`, false));
      });
    });
    array(run.results ?? [], `${at}.results`).forEach((result, i) => {
      const where = `${at}.results[${i}]`;
      if (!object(result, 'result', where)) return;
      text(result.message, 'message', `${where}.message`);
      if (result.level !== undefined && !LEVELS.includes(result.level)) problems.push(`${where}.level: '${result.level}' is not a level`);
      if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${where}.ruleIndex: not the rule '${result.ruleId}'`);
      if (result.ruleId !== undefined && !rules.some((rule) => rule.id === result.ruleId)) problems.push(`${where}.ruleId: no rule '${result.ruleId}'`);
      array(result.locations, `${where}.locations`, 1).forEach((l, k) => location(l, `${where}.locations[${k}]`, true));
      const ids = new Set<number>();
      array(result.relatedLocations ?? [], `${where}.relatedLocations`).forEach((l, k) => {
        location(l, `${where}.relatedLocations[${k}]`, true);
        if (ids.has(l.id)) problems.push(`${where}.relatedLocations[${k}].id: not unique`);
        ids.add(l.id);
      });
      array(result.fixes ?? [], `${where}.fixes`).forEach((fix, k) => {
        const fat = `${where}.fixes[${k}]`;
        if (!object(fix, 'fix', fat)) return;
        if (fix.description !== undefined) text(fix.description, 'message', `${fat}.description`);
        array(fix.artifactChanges, `${fat}.artifactChanges`, 1).forEach((change, c) => {
          const cat = `${fat}.artifactChanges[${c}]`;
          if (!object(change, 'artifactChange', cat)) return;
          artifactLocation(change.artifactLocation, `${cat}.artifactLocation`);
          array(change.replacements, `${cat}.replacements`, 1).forEach((replacement, p) => {
            const pat = `${cat}.replacements[${p}]`;
            if (!object(replacement, 'replacement', pat)) return;
            region(replacement.deletedRegion, `${pat}.deletedRegion`);
            if (replacement.insertedContent !== undefined && object(replacement.insertedContent, 'artifactContent', `${pat}.insertedContent`)) {
              if (typeof replacement.insertedContent.text !== 'string') problems.push(`${pat}.insertedContent.text: must be a string`);
            }
          });
        });
      });
    });
  });
  return problems;
}

describe('memlens check: formatting', () => {
  const files = [checked('pkg/tree.py', [FINDING, INFORMATION]), checked('clean.py', []), checked('broken.py', [], { notSimulated: 'syntax error at line 2: invalid syntax' })];

  it('text: file:line:col code message, related locations and fixes below, a summary line', () => {
    assert.strictEqual(formatText(files, false), [
      'pkg/tree.py:3:9 missing-weakref self.parent refers back to the parent: a cycle',
      '    6:13: the parent refers to the child here',
      '    fix: Hold the parent through weakref.ref',
      'pkg/tree.py:1:7 slots-saving 1000 instances of Node alive at once',
      '',
      'broken.py: not simulated: syntax error at line 2: invalid syntax',
      '',
      '2 findings (1 warning, 1 information) in 1 of 3 files; 1 not simulated',
      '',
    ].join('\n'));
    assert.strictEqual(formatText([checked('clean.py', [])], false), 'no findings in 1 file\n');
  });

  it('text: coloured only for a terminal without NO_COLOR', () => {
    const coloured = formatText(files, true);
    assert.match(coloured, /\x1b\[33mmissing-weakref\x1b\[39m/);
    assert.strictEqual(coloured.replace(/\x1b\[[0-9;]*m/g, ''), formatText(files, false));
    assert.doesNotMatch(formatText(files, false), /\x1b/);
    assert.strictEqual(wantsColour({ isTTY: true }, {}), true);
    assert.strictEqual(wantsColour({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.strictEqual(wantsColour({ isTTY: true }, { NO_COLOR: '' }), true);
    assert.strictEqual(wantsColour({ isTTY: false }, {}), false);
    assert.strictEqual(wantsColour({}, {}), false);
  });

  it('json: LSP diagnostics with the fixes as data', () => {
    const json = JSON.parse(formatJson(files, '3.13'));
    assert.strictEqual(json.version, '3.13');
    assert.deepStrictEqual(json.files.map((f: any) => f.path), ['pkg/tree.py', 'clean.py', 'broken.py']);
    const [tree, clean, broken] = json.files;
    assert.strictEqual(tree.uri, 'file:///project/pkg/tree.py');
    assert.deepStrictEqual(tree.diagnostics[0], {
      range: FINDING.range,
      severity: 2,
      code: 'missing-weakref',
      codeDescription: { href: `${HOMEPAGE}/blob/main/README.md#missing-weakref` },
      source: 'Python Memory Lens',
      message: FINDING.message,
      relatedInformation: [{ location: { uri: 'file:///project/pkg/tree.py', range: FINDING.related[0].range }, message: FINDING.related[0].message }],
      data: { fixes: FINDING.fixes },
    });
    assert.strictEqual(tree.diagnostics[1].severity, 3);
    assert.deepStrictEqual(clean.diagnostics, []);
    assert.strictEqual(clean.notSimulated, undefined);
    assert.strictEqual(broken.notSimulated, 'syntax error at line 2: invalid syntax');
  });

  it('sarif: a valid 2.1.0 log, 1-based regions, related locations and fixes', () => {
    const log = sarifLog([...files, checked('gone.py', [], { unreadable: 'no such file' })], '/project');
    assert.deepStrictEqual(sarifProblems(log), []);
    const run = log.runs[0];
    assert.deepStrictEqual(run.tool.driver.rules.map((r) => r.id), Object.keys(RULES));
    for (const rule of run.tool.driver.rules) assert.strictEqual(rule.helpUri, `${HOMEPAGE}/blob/main/README.md#${rule.id}`);
    assert.strictEqual(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///project/');
    assert.strictEqual(run.results.length, 2);
    const [result, info] = run.results;
    assert.strictEqual(result.ruleId, 'missing-weakref');
    assert.strictEqual(result.level, 'warning');
    assert.strictEqual(info.level, 'note');
    assert.deepStrictEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'pkg/tree.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 20 },
    });
    assert.deepStrictEqual(result.relatedLocations[0].physicalLocation.region, { startLine: 6, startColumn: 13, endLine: 6, endColumn: 43 });
    assert.strictEqual(result.relatedLocations[0].message.text, 'the parent refers to the child here');
    assert.deepStrictEqual(result.fixes[0].artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 3, startColumn: 23, endLine: 3, endColumn: 29 }, insertedContent: { text: 'weakref.ref(parent)' } },
      { deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, insertedContent: { text: 'import weakref\n' } },
    ]);
    const invocation = run.invocations[0];
    assert.strictEqual(invocation.executionSuccessful, false);
    assert.deepStrictEqual(invocation.toolExecutionNotifications.map((n) => [n.level, n.message.text]), [
      ['warning', 'not simulated: syntax error at line 2: invalid syntax'],
      ['error', 'not checked: no such file'],
    ]);
    // A file outside the working folder is named by its absolute URI.
    const outside = sarifLog([checked('/elsewhere/x.py', [FINDING], { file: '/elsewhere/x.py' })], '/project');
    assert.deepStrictEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/x.py' });
    assert.deepStrictEqual(sarifProblems(outside), []);
  });

  it('the SARIF check finds what the schema forbids', () => {
    const log: any = sarifLog(files, '/project');
    delete log.runs[0].tool.driver.name;
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    log.runs[0].results[0].severity = 'warning';
    log.runs[0].results[1].ruleIndex = 0;
    delete log.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].deletedRegion;
    assert.deepStrictEqual(sarifProblems(log), [
      'runs[0].tool.driver: toolComponent needs \'name\'',
      'runs[0].tool.driver.name: must be a non-empty string',
      'runs[0].results[0]: result has no property \'severity\'',
      'runs[0].results[0].locations[0].physicalLocation.region.startLine: must be an integer >= 1',
      'runs[0].results[0].fixes[0].artifactChanges[0].replacements[0]: replacement needs \'deletedRegion\'',
      'runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].deletedRegion: a region must be an object',
      'runs[0].results[1].ruleIndex: not the rule \'slots-saving\'',
    ]);
  });

  it('exit status: 1 from --fail-on up, 2 for an unreadable file, 70 for our bug', () => {
    const warning = [checked('a.py', [FINDING])];
    const information = [checked('a.py', [INFORMATION])];
    const hint = [checked('a.py', [{ ...INFORMATION, severity: 'hint' }])];
    const error = [checked('a.py', [{ ...FINDING, severity: 'error' }])];
    assert.strictEqual(exitStatus(warning, 'warning'), 1);
    assert.strictEqual(exitStatus(warning, 'information'), 1);
    assert.strictEqual(exitStatus(error, 'warning'), 1);
    assert.strictEqual(exitStatus(information, 'warning'), 0);
    assert.strictEqual(exitStatus(information, 'information'), 1);
    assert.strictEqual(exitStatus(hint, 'information'), 0);
    assert.strictEqual(exitStatus([checked('a.py', [], { notSimulated: 'syntax error' })], 'information'), 0);
    assert.strictEqual(exitStatus([...warning, checked('b.py', [], { unreadable: 'no such file' })], 'warning'), 2);
    assert.strictEqual(exitStatus([...warning, checked('b.py', [], { unreadable: 'x' }), checked('c.py', [], { internalError: 'x' })], 'warning'), 70);
  });

  it('the rules point at the repository package.json names', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    assert.strictEqual(HOMEPAGE, pkg.repository.url.replace(/\.git$/, ''));
  });
});

describe('memlens check: the folder walk', () => {
  let dir: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memlens-walk-')));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const tree: Record<string, string> = {
    '.gitignore': [
      '# a comment, then globs, folders, anchors, negation, ** and classes',
      '*.tmp.py',
      '!keep.tmp.py',
      'build/',
      '/top_only.py',
      'docs/**/gen_*.py',
      '**/cache/',
      'deep/**',
      '\\#hash.py',
      'odd?.py',
      '[ab]x.py',
      'trailing.py   ',
      '',
    ].join('\n'),
    'sub/.gitignore': 'local.py\n/anchored.py\n!sub_keep.tmp.py\n',
    'a.py': '', 'x.tmp.py': '', 'keep.tmp.py': '', 'build/b.py': '', 'src/build/c.py': '', 'build.py': '',
    'top_only.py': '', 'src/top_only.py': '', 'docs/gen_a.py': '', 'docs/x/y/gen_b.py': '', 'docs/x/keep.py': '',
    'x/cache/c.py': '', 'cache.py': '', 'deep/a/b.py': '', 'deep.py': '', '#hash.py': '', 'odd1.py': '', 'odd12.py': '',
    'ax.py': '', 'cx.py': '', 'trailing.py': '', 'local.py': '', 'sub/local.py': '', 'sub/x/local.py': '', 'sub/anchored.py': '',
    'sub/x/anchored.py': '', 'sub/s.tmp.py': '', 'sub/sub_keep.tmp.py': '', 'notes.txt': '',
    // Never walked into, whatever .gitignore says.
    'node_modules/m.py': '', '.venv/v.py': '', 'venv/v.py': '', '__pycache__/p.py': '', 'env3/pyvenv.cfg': '', 'env3/lib.py': '',
  };
  const skipped = /(^|\/)(node_modules|\.venv|venv|__pycache__|env3)\//;

  /** What git itself leaves in (untracked and not ignored), relative to `folder`, *.py only. */
  function gitKeeps(folder: string): string[] {
    const home = fs.mkdtempSync(path.join(dir, '..', 'memlens-home-'));
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
    const result = spawnSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: folder, env, encoding: 'utf8' });
    fs.rmSync(home, { recursive: true, force: true });
    assert.strictEqual(result.status, 0, result.stderr);
    return result.stdout.split('\n').filter((f) => f.endsWith('.py') && !skipped.test(f)).sort();
  }

  it('leaves out what git leaves out, and never walks into .git, node_modules, __pycache__ or a virtualenv', (t) => {
    for (const [name, content] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    if (spawnSync('git', ['init', '-q'], { cwd: dir }).status !== 0) return t.skip('no git');
    const ours = (folder: string) => pythonFilesUnder(folder).map((f) => path.relative(folder, f).split(path.sep).join('/')).sort();
    const expected = gitKeeps(dir);
    // The judge saw the cases that matter (else the comparison below proves little).
    for (const kept of ['a.py', 'keep.tmp.py', 'build.py', 'src/top_only.py', 'docs/x/keep.py', 'cache.py', 'odd12.py', 'cx.py', 'sub/x/anchored.py', 'sub/sub_keep.tmp.py']) {
      assert.ok(expected.includes(kept), kept);
    }
    for (const left of ['x.tmp.py', 'build/b.py', 'src/build/c.py', 'top_only.py', 'docs/gen_a.py', 'docs/x/y/gen_b.py', 'deep/a/b.py', '#hash.py', 'trailing.py', 'sub/local.py']) {
      assert.ok(!expected.includes(left), left);
    }
    assert.deepStrictEqual(ours(dir), expected);
    // A folder inside the repository obeys the .gitignore files above it too.
    assert.deepStrictEqual(ours(path.join(dir, 'sub')), gitKeeps(path.join(dir, 'sub')));
    assert.deepStrictEqual(ours(path.join(dir, 'docs')), gitKeeps(path.join(dir, 'docs')));
  });

  it('parses comments, blanks, escapes and negation', () => {
    const rules = parseGitignore('# comment\n\n\\#x.py\n\\!y.py\n!z.py\nd/\n');
    assert.deepStrictEqual(rules.map((r) => [r.regex.test('#x.py'), r.regex.test('!y.py'), r.negated, r.folderOnly]), [
      [true, false, false, false],
      [false, true, false, false],
      [false, false, true, false],
      [false, false, false, true],
    ]);
  });
});

describe('memlens check', { timeout: 600_000 }, () => {
  let dir: string;
  const write = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    return p;
  };

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memlens-check-')));
    write('cycle.py', PARENT_CHILD_CYCLE);
    write('clean.py', CLEAN);
    write('broken.py', 'x = 1\ndef f(:\n    pass\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--help lists the check command', () => {
    const result = memlens(dir, '--help');
    assert.strictEqual(result.status, 0);
    assert.match(result.stdout, /^\s+check FILE\|DIR\.\.\./m);
  });

  it('exits 0 for a clean file', () => {
    const result = memlens(dir, 'check', 'clean.py');
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout, 'no findings in 1 file\n');
    assert.strictEqual(result.stderr, '');
  });

  it('reports a syntax error as not simulated, which does not fail the check', () => {
    const result = memlens(dir, 'check', 'broken.py', '--fail-on', 'information');
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(result.stdout, /^broken\.py: not simulated: syntax error at line 2: .+\n\nno findings in 1 file; 1 not simulated\n$/);
  });

  it('names the imported modules it does not simulate, in text, JSON and SARIF, without failing the check', () => {
    write('uses_numpy.py', 'import numpy as np\nimport json\nimport requests\n\nprint(np.zeros(3).sum(), json.dumps([1]))\n');
    const text = memlens(dir, 'check', 'uses_numpy.py', '--fail-on', 'information');
    assert.strictEqual(text.status, 0, text.stderr);
    assert.strictEqual(text.stdout, 'uses_numpy.py: not simulated: modules `numpy`, `requests` (what comes from them is a placeholder: ' +
      'its memory is not shown)\n\nno findings in 1 file; 1 importing modules not simulated\n');
    const json = JSON.parse(memlens(dir, 'check', 'uses_numpy.py', '--format', 'json').stdout);
    assert.deepStrictEqual(json.files[0].notModelled, ['numpy', 'requests']);
    const sarif = JSON.parse(memlens(dir, 'check', 'uses_numpy.py', '--format', 'sarif').stdout);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    assert.deepStrictEqual(notes.map((n: any) => [n.level, n.message.text.slice(0, 40)]), [['note', 'not simulated: modules `numpy`, `request']]);
  });

  it('exits 1 for a file with a finding, as text for people', () => {
    const result = memlens(dir, 'check', 'cycle.py');
    assert.strictEqual(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^cycle\.py:\d+:\d+ cycle-candidate /m);
    assert.match(result.stdout, /^cycle\.py:\d+:\d+ missing-weakref /m);
    assert.match(result.stdout, /\n\d+ findings \(.*\) in 1 of 1 file\n$/);
    assert.doesNotMatch(result.stdout, /\x1b/); // a pipe, not a terminal
    assert.strictEqual(memlens(dir, 'check', 'cycle.py', '--fail-on=information').status, 1);
  });

  it('--hints: the reference-count hint of each statement; --fail-on never only reports', () => {
    const result = memlens(dir, 'check', 'cycle.py', '--hints', '--fail-on', 'never');
    assert.strictEqual(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^cycle\.py:9:5 refs root: Node, ob_refcnt 1 \(held by root \(variable of build\)\)$/m);
    assert.match(result.stdout, /^cycle\.py:8:5 refs build: function, ob_refcnt 1 \(held by build \(global\)\)$/m);
    assert.doesNotMatch(memlens(dir, 'check', 'cycle.py').stdout, / refs /);
  });

  it('--format json: the LSP diagnostics of each file', () => {
    const result = memlens(dir, 'check', 'cycle.py', 'clean.py', 'broken.py', '--format', 'json', '--python', '3.11');
    const json = JSON.parse(result.stdout);
    assert.strictEqual(json.version, '3.11');
    assert.deepStrictEqual(json.files.map((f: any) => f.path), ['broken.py', 'clean.py', 'cycle.py']);
    const [broken, clean, cycle] = json.files;
    assert.match(broken.notSimulated, /^syntax error at line 2: /);
    assert.deepStrictEqual(clean.diagnostics, []);
    const codes = cycle.diagnostics.map((d: any) => d.code);
    assert.ok(codes.includes('cycle-candidate') && codes.includes('missing-weakref'), JSON.stringify(codes));
    for (const d of cycle.diagnostics) {
      assert.strictEqual(d.source, 'Python Memory Lens');
      assert.ok([1, 2, 3, 4].includes(d.severity));
      assert.ok(Number.isInteger(d.range.start.line) && Number.isInteger(d.range.end.character));
      for (const related of d.relatedInformation ?? []) assert.strictEqual(related.location.uri, cycle.uri);
      if (d.data) assert.ok(Array.isArray(d.data.fixes));
    }
    assert.strictEqual(result.status, 1);
  });

  it('--format sarif: a valid SARIF 2.1.0 log with a result per finding', () => {
    const result = memlens(dir, 'check', '.', '--format', 'sarif');
    const log = JSON.parse(result.stdout);
    assert.deepStrictEqual(sarifProblems(log), []);
    const results = log.runs[0].results;
    assert.ok(results.some((r: any) => r.ruleId === 'cycle-candidate'), result.stdout);
    for (const r of results) assert.strictEqual(r.locations[0].physicalLocation.artifactLocation.uri, 'cycle.py');
    assert.strictEqual(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
    assert.strictEqual(result.status, 1);
  });

  it('refuses bad input with one line and status 2', () => {
    assertRefused(memlens(dir, 'check', 'missing.py'));
    assertRefused(memlens(dir, 'check', 'clean.py', 'missing'));
    assertRefused(memlens(dir, 'check'));
    assertRefused(memlens(dir, 'check', 'clean.py', '--frobnicate'));
    assertRefused(memlens(dir, 'check', 'clean.py', '--platform', 'wasm32'));
    assertRefused(memlens(dir, 'check', 'clean.py', '--python', '3.10'));
    assertRefused(memlens(dir, 'check', 'clean.py', '--format', 'xml'));
    assertRefused(memlens(dir, 'check', 'clean.py', '--fail-on', 'hint'));
    assertRefused(memlens(dir, 'check', 'clean.py', '--jobs', '0'));
  });

  it('reports the other files, then exits 2, when one cannot be read', () => {
    const folder = path.join(dir, 'unreadable');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'clean.py'), CLEAN);
    fs.writeFileSync(path.join(folder, 'latin.py'), Buffer.from('x = "\xe9"\n', 'latin1'));
    fs.writeFileSync(path.join(folder, 'z.py'), 'def f(:\n');
    const result = memlens(folder, 'check', '.');
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /^memlens: latin\.py: .*utf-8.*\n$/);
    assert.match(result.stdout, /^z\.py: not simulated: /m);
    assert.match(result.stdout, /no findings in 3 files; 1 not simulated, 1 not readable\n$/);
    const json = JSON.parse(memlens(folder, 'check', '.', '--format=json').stdout);
    assert.deepStrictEqual(json.files.map((f: any) => [f.path, f.unreadable !== undefined]), [['clean.py', false], ['latin.py', true], ['z.py', false]]);
  });

  it('walks folders: a gitignored file is not analysed', () => {
    const folder = path.join(dir, 'walk');
    fs.mkdirSync(path.join(folder, 'pkg', 'generated'), { recursive: true });
    fs.mkdirSync(path.join(folder, '.venv'));
    fs.writeFileSync(path.join(folder, '.gitignore'), 'generated/\n');
    fs.writeFileSync(path.join(folder, 'main.py'), CLEAN);
    fs.writeFileSync(path.join(folder, 'pkg', 'mod.py'), CLEAN);
    // Each would be reported if it were analysed: it does not parse.
    fs.writeFileSync(path.join(folder, 'pkg', 'generated', 'out.py'), 'def f(:\n');
    fs.writeFileSync(path.join(folder, '.venv', 'site.py'), 'def f(:\n');
    const result = memlens(folder, 'check', '.', '--format', 'json');
    assert.strictEqual(result.status, 0, result.stderr);
    assert.deepStrictEqual(JSON.parse(result.stdout).files.map((f: any) => f.path), ['main.py', 'pkg/mod.py']);
    // Named on the command line, an ignored file is checked.
    assert.match(memlens(folder, 'check', 'pkg/generated/out.py').stdout, /^pkg\/generated\/out\.py: not simulated: /);
  });

  it('simulates the sibling modules a file imports', () => {
    const folder = path.join(dir, 'siblings');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'main.py'), 'import helper\nprint("after")\n');
    // Runs only if the import finds it: its endless loop then stops main.py at the step budget.
    fs.writeFileSync(path.join(folder, 'helper.py'), 'while True:\n    pass\n');
    const result = memlens(folder, 'check', 'main.py', '--format', 'json', '--max-steps', '20000');
    const [main] = JSON.parse(result.stdout).files;
    assert.deepStrictEqual(main.stopped, { reason: 'step budget (20000 steps) used up', line: 2 });
  });

  it('prints the same, in path order, with one thread or many', () => {
    const folder = path.join(dir, 'parallel');
    // Files of very different lengths, so that the threads finish them out of order.
    const programs: Record<string, string> = {
      'a/cycle.py': PARENT_CHILD_CYCLE,
      'a/long.py': 'total = 0\nfor i in range(20000):\n    total += i\nprint(total)\n',
      'b.py': CLEAN,
      'c/broken.py': 'def f(:\n',
      'c/loop.py': 'while True:\n    pass\n',
      'd.py': PARENT_CHILD_CYCLE.replace('build()\n', 'build()\nbuild()\n'),
      'e.py': 'x = [[i] for i in range(3000)]\n',
      'f.py': CLEAN,
    };
    for (const [name, source] of Object.entries(programs)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), source);
    }
    const budget = ['--max-steps', '300000', '--max-ms', '600000'];
    const one = memlens(folder, 'check', '.', '--jobs', '1', '--format', 'json', ...budget);
    const many = memlens(folder, 'check', '.', '--jobs', '4', '--format', 'json', ...budget);
    assert.strictEqual(many.stdout, one.stdout);
    assert.strictEqual(many.status, one.status);
    const paths = JSON.parse(one.stdout).files.map((f: any) => f.path);
    assert.deepStrictEqual(paths, Object.keys(programs).sort());
    const text = (jobs: string) => memlens(folder, 'check', 'c', 'a', 'f.py', 'b.py', 'e.py', 'd.py', '--jobs', jobs, ...budget).stdout;
    assert.strictEqual(text('3'), text('1'));
  });
});
