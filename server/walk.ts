// The Python files `memlens check` looks at: the files named on the command line, and the *.py files under the
// folders named there, minus what the .gitignore files leave out (as `git status` would) and the folders that
// are never the project's own code (.git, node_modules, __pycache__, virtual environments).
import * as fs from 'fs';
import * as path from 'path';

/** Folders never walked into, whatever the .gitignore files say. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv']);

/** One line of a .gitignore file, compiled (gitignore(5), "PATTERN FORMAT"). */
interface IgnoreRule {
  /** Matched against the path relative to the .gitignore's folder, with `/` separators. */
  regex: RegExp;
  negated: boolean;
  folderOnly: boolean;
}

/** The rules of one .gitignore file and the folder they are relative to. */
interface IgnoreFile {
  base: string;
  rules: IgnoreRule[];
}

/** The rules of a .gitignore file's text; a line that is not a pattern (blank, comment) is dropped. */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    // Trailing blanks are dropped unless escaped with a backslash.
    line = line.replace(/(?<!\\)[ \t]+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    const folderOnly = line.endsWith('/');
    if (folderOnly) line = line.slice(0, -1);
    if (line === '') continue;
    // A slash at the start or in the middle anchors the pattern to the .gitignore's folder; otherwise it
    // matches a name at any depth.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = globToRegex(line);
    rules.push({ regex: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}$`), negated, folderOnly });
  }
  return rules;
}

/** A gitignore glob as a regex source: `*` and `?` stop at `/`, `**` crosses folders, `[...]` is a class. */
function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
      if (atStart && atEnd) {
        if (i + 2 === glob.length) {
          out += '.*'; // `a/**`: everything inside a
        } else {
          out += '(?:.*/)?'; // `**/b`, `a/**/b`: zero or more folders
          i++; // the slash after `**`
        }
        i++;
        continue;
      }
      out += '[^/]*'; // any other `**` is two plain stars
      i++;
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let set = glob.slice(i + 1, close);
      if (set.startsWith('!')) set = '^' + set.slice(1);
      out += `[${set.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegExp(glob[++i]);
    } else {
      out += escapeRegExp(c);
    }
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether the rules leave out `file` (an absolute path): the last matching rule decides, deeper files last. */
function isIgnored(ignores: IgnoreFile[], file: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const { base, rules } of ignores) {
    const relative = path.relative(base, file).split(path.sep).join('/');
    for (const rule of rules) {
      if (rule.folderOnly && !isFolder) continue;
      if (rule.regex.test(relative)) ignored = !rule.negated;
    }
  }
  return ignored;
}

function readIgnoreFile(folder: string): IgnoreFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(folder, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: folder, rules: parseGitignore(text) };
}

/**
 * The .gitignore files that apply above `folder`: those of its parents up to the repository's top (the folder
 * holding `.git`), outermost first. None when `folder` is not inside a repository.
 */
function enclosingIgnores(folder: string): IgnoreFile[] {
  const parents: string[] = [];
  for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
    parents.push(dir);
    if (fs.existsSync(path.join(dir, '.git'))) break;
    if (path.dirname(dir) === dir) return [];
  }
  if (fs.existsSync(path.join(folder, '.git'))) return [];
  return parents.reverse().flatMap((dir) => readIgnoreFile(dir) ?? []);
}

/** A virtual environment made by `python -m venv` or virtualenv, whatever its name. */
function isVirtualEnv(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'pyvenv.cfg'));
}

/** The *.py files under `root` (absolute), in no particular order. Symbolic links are not followed. */
export function pythonFilesUnder(root: string): string[] {
  const files: string[] = [];
  const visit = (folder: string, ignores: IgnoreFile[]) => {
    const own = readIgnoreFile(folder);
    if (own) ignores = [...ignores, own];
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || isVirtualEnv(full) || isIgnored(ignores, full, true)) continue;
        visit(full, ignores);
      } else if (entry.isFile() && entry.name.endsWith('.py') && !isIgnored(ignores, full, false)) {
        files.push(full);
      }
    }
  };
  // The root itself is walked even when an outer .gitignore leaves it out: the user named it.
  visit(root, enclosingIgnores(root));
  return files;
}
