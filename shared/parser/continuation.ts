// tree-sitter-python's scanner emits a DEDENT for a line inside brackets that is indented less than the block
// around it, when the line before ends where a closing bracket cannot follow (`(a +` or `(a.`), and the
// statement becomes an error. CPython ignores indentation inside brackets. So before tree-sitter reads the text,
// each line break inside brackets gets an explicit line continuation (`\`) in front of it: legal Python with the
// same meaning, and no line or column moves (only character offsets do, by one per continuation).

/** The source with a backslash before every line break that lies inside brackets, outside strings and comments. */
export function markBracketContinuations(source: string): string {
  let depth = 0;
  let out = '';
  let copied = 0;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === '#') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? n : end; // a comment ends the line: the break after it is left as it is
      if (i < n) i++;
      continue;
    }
    if (c === '"' || c === "'") {
      i = skipString(source, i);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '\\' && source[i + 1] === '\n') { i += 2; continue; }
    else if (c === '\n' && depth > 0) {
      out += source.slice(copied, i) + '\\';
      copied = i;
    }
    i++;
  }
  return copied === 0 ? source : out + source.slice(copied);
}

/** Index after the string literal whose opening quote is at i (prefix letters were already passed over). */
function skipString(s: string, i: number): number {
  const q = s[i];
  const triple = s[i + 1] === q && s[i + 2] === q;
  let j = i + (triple ? 3 : 1);
  while (j < s.length) {
    const c = s[j];
    if (c === '\\') { j += 2; continue; }
    if (c === q && (!triple || (s[j + 1] === q && s[j + 2] === q))) return j + (triple ? 3 : 1);
    if (c === '\n' && !triple) return j; // unterminated: let tree-sitter report it
    j++;
  }
  return j;
}
