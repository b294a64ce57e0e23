// traceback (Lib/traceback.py): extracting, formatting and printing stack traces and exceptions, over the
// simulator's frames, tracebacks and source lines. Caret lines are placed as CPython places them, with the
// ast positions _simsupport.parse_outline reads from the simulator's own parser.
export const source = String.raw`"""Extract, format and print information about Python stack traces."""

import collections.abc
import itertools
import linecache
import sys
import textwrap
from contextlib import suppress

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

_V = sys.version_info[:2]


def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or extract_stack()."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """Format a list of FrameSummary objects for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """Return a StackSummary object representing a list of pre-processed entries from traceback."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


_cause_message = (
    "\nThe above exception was the direct cause "
    "of the following exception:\n\n")

_context_message = (
    "\nDuring handling of the above exception, "
    "another exception occurred:\n\n")


class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        else:
            return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    if file is None:
        file = sys.stderr
    for line in te.format(chain=chain):
        print(line, file=file, end="")


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """Format a stack trace and the exception information."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel, *, show_group=False):
    """Format the exception part of a traceback."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    if _V >= (3, 13):
        return list(te.format_exception_only(show_group=show_group))
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        line = "%s\n" % etype
    else:
        line = "%s: %s\n" % (etype, valuestr)
    return line


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(sys.exception(), limit, file, chain)'."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """This is a shorthand for 'print_exception(sys.last_exc, limit, file, chain)'."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """Shorthand for 'format_list(extract_stack(f, limit))'."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """Extract the raw traceback from the current stack frame."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    "Clear all references to local variables in the frames of a traceback."
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except (RuntimeError, AttributeError):
            pass
        tb = tb.tb_next


class FrameSummary:
    """Information about a single frame from a traceback."""

    if _V >= (3, 14):
        __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                     'name', '_lines', '_lines_dedented', 'locals', '_code')
    elif _V >= (3, 13):
        __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                     'name', '_lines', '_lines_dedented', 'locals')
    else:
        __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                     'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None, **kwargs):
        if kwargs and _V < (3, 14):
            raise TypeError("FrameSummary.__init__() got an unexpected keyword argument '%s'" % next(iter(kwargs)))
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        if _V >= (3, 13):
            self._lines = line
            self._lines_dedented = None
            if _V >= (3, 14):
                self._code = kwargs.get("_code")
        else:
            self._line = line
        if lookup_line:
            self.line
        self.locals = {k: _safe_string(v, 'local', func=repr)
                       for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    if _V >= (3, 13):
        def _set_lines(self):
            if self._lines is None and self.lineno is not None and self.end_lineno is not None:
                collected = []
                for n in range(self.lineno, self.end_lineno + 1):
                    collected.append(linecache.getline(self.filename, n).rstrip())
                self._lines = "\n".join(collected) + "\n"

        @property
        def _original_lines(self):
            self._set_lines()
            return self._lines

        @property
        def _dedented_lines(self):
            self._set_lines()
            if self._lines_dedented is None and self._lines is not None:
                self._lines_dedented = textwrap.dedent(self._lines)
            return self._lines_dedented

        @property
        def line(self):
            self._set_lines()
            if self._lines is None:
                return None
            return self._lines.partition("\n")[0].strip()
    else:
        @property
        def _original_line(self):
            self.line
            return self._line

        @property
        def line(self):
            if self._line is None:
                if self.lineno is None:
                    return None
                self._line = linecache.getline(self.filename, self.lineno)
            return self._line.strip()


def walk_stack(f):
    """Walk a stack yielding the frame and line number for each frame."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_full_positions(tb):
    from _simsupport import tb_positions
    while tb is not None:
        positions = tb_positions(tb)
        if positions[0] is None:
            yield tb.tb_frame, (tb.tb_lineno,) + positions[1:]
        else:
            yield tb.tb_frame, (tb.tb_lineno,) + positions[1:]
        tb = tb.tb_next


_RECURSIVE_CUTOFF = 3


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """Create a StackSummary from a traceback or stack object."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)

        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                frame_gen = collections.deque(frame_gen, maxlen=-limit)

        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            co = f.f_code
            filename = co.co_filename
            name = co.co_name

            fnames.add(filename)
            if capture_locals:
                f_locals = f.f_locals
            else:
                f_locals = None
            result.append(FrameSummary(
                filename, lineno, name, lookup_line=False, locals=f_locals,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """Create a StackSummary object from a supplied list of FrameSummary objects or old-style list of tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    if _V >= (3, 13):
        def format_frame_summary(self, frame_summary, **kwargs):
            """Format the lines for a single FrameSummary."""
            row = []
            filename = frame_summary.filename
            if _V >= (3, 14):
                if filename.startswith("<stdin-") and filename.endswith('>'):
                    filename = "<stdin>"
            elif filename.startswith("<stdin>-"):
                filename = "<stdin>"
            row.append('  File "{}", line {}, in {}\n'.format(
                filename, frame_summary.lineno, frame_summary.name))
            if frame_summary._dedented_lines and frame_summary._dedented_lines.strip():
                if frame_summary.colno is None or frame_summary.end_colno is None:
                    row.append(textwrap.indent(frame_summary.line, '    ') + "\n")
                else:
                    row.append(self._format_positions_313(frame_summary))
            if frame_summary.locals:
                for name, value in sorted(frame_summary.locals.items()):
                    row.append('    {name} = {value}\n'.format(name=name, value=value))
            return ''.join(row)

        def _format_positions_313(self, fs):
            originals = fs._original_lines.splitlines()
            first = originals[0]
            last = originals[fs.end_lineno - fs.lineno]
            start = _byte_offset_to_character_offset(first, fs.colno)
            end = _byte_offset_to_character_offset(last, fs.end_colno)
            shown = fs._dedented_lines.splitlines()[:fs.end_lineno - fs.lineno + 1]
            dedent = len(first) - len(shown[0])
            start = max(0, start - dedent)
            end = max(0, end - dedent)
            dp_start = _display_width(shown[0], offset=start)
            dp_end = _display_width(shown[-1], offset=end)
            joined = "\n".join(shown)
            segment = joined[start:len(joined) - (len(shown[-1]) - end)]
            anchors = None
            with suppress(Exception):
                anchors = _extract_caret_anchors_from_line_segment(segment)
            show_carets = self._should_show_carets(start, end, shown, anchors)

            keep = {0, len(shown) - 1}
            left_off = right_off = 0
            primary = secondary = "^"
            if anchors:
                left_off = anchors.left_end_offset
                right_off = anchors.right_start_offset
                if anchors.left_end_lineno == 0:
                    left_off += start
                if anchors.right_start_lineno == 0:
                    right_off += start
                left_off = _display_width(shown[anchors.left_end_lineno], offset=left_off)
                right_off = _display_width(shown[anchors.right_start_lineno], offset=right_off)
                primary = anchors.primary_char
                secondary = anchors.secondary_char
                keep.update(range(anchors.left_end_lineno - 1, anchors.left_end_lineno + 2))
                keep.update(range(anchors.right_start_lineno - 1, anchors.right_start_lineno + 2))
            keep.discard(-1)
            keep.discard(len(shown))

            out = []

            def emit(n):
                text = shown[n]
                out.append(text + "\n")
                if not show_carets:
                    return
                lead = len(text) - len(text.lstrip())
                width = dp_end if n == len(shown) - 1 else _display_width(text)
                marks = []
                for c in range(width):
                    if c < lead or (n == 0 and c < dp_start):
                        marks.append(' ')
                    elif anchors and (
                            n > anchors.left_end_lineno or
                            (n == anchors.left_end_lineno and c >= left_off)) and (
                            n < anchors.right_start_lineno or
                            (n == anchors.right_start_lineno and c < right_off)):
                        marks.append(secondary)
                    else:
                        marks.append(primary)
                out.append("".join(marks) + "\n")

            order = sorted(keep)
            for i, n in enumerate(order):
                if i:
                    gap = n - order[i - 1]
                    if gap == 2:
                        emit(n - 1)
                    elif gap > 2:
                        out.append(f"...<{gap - 1} lines>...\n")
                emit(n)
            return textwrap.indent(textwrap.dedent("".join(out)), '    ', lambda line: True)

        def _should_show_carets(self, start_offset, end_offset, all_lines, anchors):
            from _simsupport import parse_outline
            body = parse_outline('\n'.join(all_lines))
            if body is not None:
                if not body:
                    return False
                statement = _Node(body[0])
                value = None
                kind = statement._type
                if kind == 'Return' and statement._has('value') and statement.value._type == 'Call':
                    if statement.value.func._type == 'Name':
                        value = statement.value
                elif kind == 'Assign' and statement.value._type == 'Call':
                    if len(statement.targets) == 1 and statement.targets[0]._type == 'Name':
                        value = statement.value
                if value is not None and (
                        value.lineno == 1 and value.end_lineno == len(all_lines) and
                        value.col_offset == start_offset and value.end_col_offset == end_offset):
                    return False
            if anchors:
                return True
            if all_lines[0][:start_offset].lstrip() or all_lines[-1][end_offset:].rstrip():
                return True
            return False
    else:
        def format_frame_summary(self, frame_summary):
            """Format the lines for a single FrameSummary."""
            row = []
            row.append('  File "{}", line {}, in {}\n'.format(
                frame_summary.filename, frame_summary.lineno, frame_summary.name))
            if frame_summary.line:
                stripped_line = frame_summary.line.strip()
                row.append('    {}\n'.format(stripped_line))
                line = frame_summary._original_line
                stripped_characters = len(line) - len(frame_summary.line.lstrip())
                if frame_summary.colno is not None and frame_summary.end_colno is not None:
                    start = _byte_offset_to_character_offset(line, frame_summary.colno)
                    end = _byte_offset_to_character_offset(line, frame_summary.end_colno)
                    segment = line[start:end]
                    anchors = None
                    if frame_summary.lineno == frame_summary.end_lineno:
                        with suppress(Exception):
                            anchors = _extract_caret_anchors_from_line_segment(segment)
                    else:
                        end = len(line.rstrip())
                    if end - start < len(stripped_line) or (
                            anchors and anchors.right_start_offset - anchors.left_end_offset > 0):
                        dp_start = _display_width(line, start) + 1
                        dp_end = _display_width(line, end) + 1
                        row.append('    ')
                        row.append(' ' * (dp_start - stripped_characters))
                        if anchors:
                            left = _display_width(segment, anchors.left_end_offset)
                            right = _display_width(segment, anchors.right_start_offset)
                            row.append(anchors.primary_char * left)
                            row.append(anchors.secondary_char * (right - left))
                            row.append(anchors.primary_char * (dp_end - dp_start - right))
                        else:
                            row.append('^' * (dp_end - dp_start))
                        row.append('\n')
            if frame_summary.locals:
                for name, value in sorted(frame_summary.locals.items()):
                    row.append('    {name} = {value}\n'.format(name=name, value=value))
            return ''.join(row)

    def format(self):
        """Format the stack ready for printing."""
        result = []
        last_file = None
        last_line = None
        last_name = None
        count = 0
        for frame_summary in self:
            formatted_frame = self.format_frame_summary(frame_summary)
            if formatted_frame is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                last_line is None or last_line != frame_summary.lineno or
                last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n'
                    )
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted_frame)

        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n'
            )
        return result


def _byte_offset_to_character_offset(str, offset):
    as_utf8 = str.encode('utf-8')
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))


class _Node:
    # An ast-like view of the dicts _simsupport.parse_outline returns.
    __slots__ = ('_d',)

    def __init__(self, d):
        self._d = d

    def _has(self, name):
        return name in self._d and self._d[name] is not None

    def __getattr__(self, name):
        try:
            v = self._d[name]
        except KeyError:
            raise AttributeError(name) from None
        if isinstance(v, dict):
            return _Node(v)
        if isinstance(v, list):
            return [_Node(x) if isinstance(x, dict) else x for x in v]
        return v


if _V >= (3, 13):
    _Anchors = collections.namedtuple(
        "_Anchors",
        ["left_end_lineno", "left_end_offset", "right_start_lineno", "right_start_offset",
         "primary_char", "secondary_char"],
        defaults=["~", "^"])

    def _extract_caret_anchors_from_line_segment(segment):
        from _simsupport import parse_outline
        body = parse_outline(f"(\n{segment}\n)")
        if body is None or len(body) != 1:
            return None
        lines = segment.splitlines()

        def normalize(lineno, offset):
            return _byte_offset_to_character_offset(lines[lineno], offset)

        def next_valid_char(lineno, col):
            while lineno < len(lines) and col >= len(lines[lineno]):
                col = 0
                lineno += 1
            assert lineno < len(lines) and col < len(lines[lineno])
            return lineno, col

        def increment(lineno, col):
            return next_valid_char(lineno, col + 1)

        def nextline(lineno, col):
            return next_valid_char(lineno + 1, 0)

        def increment_until(lineno, col, stop):
            while True:
                ch = lines[lineno][col]
                if ch in "\\#":
                    lineno, col = nextline(lineno, col)
                elif not stop(ch):
                    lineno, col = increment(lineno, col)
                else:
                    return lineno, col

        def end_of(expr, force_valid=True):
            lineno = expr.end_lineno - 2
            col = normalize(lineno, expr.end_col_offset)
            return next_valid_char(lineno, col) if force_valid else (lineno, col)

        statement = _Node(body[0])
        if statement._type != 'Expr':
            return None
        expr = statement.value
        kind = expr._type
        if kind == 'BinOp':
            lineno, col = end_of(expr.left)
            lineno, col = increment_until(lineno, col, lambda x: not x.isspace() and x != ')')
            right_col = col + 1
            if right_col < len(lines[lineno]):
                ch = lines[lineno][right_col]
                if ((expr.right.lineno - 2 > lineno or
                        right_col < normalize(expr.right.lineno - 2, expr.right.col_offset))
                        and not ch.isspace() and ch not in "\\#"):
                    right_col += 1
            return _Anchors(lineno, col, lineno, right_col)
        if kind == 'Subscript':
            left_lineno, left_col = end_of(expr.value)
            left_lineno, left_col = increment_until(left_lineno, left_col, lambda x: x == '[')
            right_lineno, right_col = end_of(expr, force_valid=False)
            return _Anchors(left_lineno, left_col, right_lineno, right_col)
        if kind == 'Call':
            left_lineno, left_col = end_of(expr.func)
            left_lineno, left_col = increment_until(left_lineno, left_col, lambda x: x == '(')
            right_lineno, right_col = end_of(expr, force_valid=False)
            return _Anchors(left_lineno, left_col, right_lineno, right_col)
        return None
else:
    _Anchors = collections.namedtuple(
        "_Anchors",
        ["left_end_offset", "right_start_offset", "primary_char", "secondary_char"],
        defaults=["~", "^"])

    def _extract_caret_anchors_from_line_segment(segment):
        from _simsupport import parse_outline
        body = parse_outline(segment)
        if body is None or len(body) != 1:
            return None

        def normalize(offset):
            return _byte_offset_to_character_offset(segment, offset)

        statement = _Node(body[0])
        if statement._type != 'Expr':
            return None
        expr = statement.value
        if expr._type == 'BinOp':
            operator_start = normalize(expr.left.end_col_offset)
            operator_end = normalize(expr.right.col_offset)
            operator_str = segment[operator_start:operator_end]
            operator_offset = len(operator_str) - len(operator_str.lstrip())
            left_anchor = expr.left.end_col_offset + operator_offset
            right_anchor = left_anchor + 1
            if operator_offset + 1 < len(operator_str) and not operator_str[operator_offset + 1].isspace():
                right_anchor += 1
            while left_anchor < len(segment) and (segment[left_anchor].isspace() or segment[left_anchor] in ")#"):
                left_anchor += 1
                right_anchor += 1
            return _Anchors(normalize(left_anchor), normalize(right_anchor))
        if expr._type == 'Subscript':
            left_anchor = normalize(expr.value.end_col_offset)
            right_anchor = normalize(expr.slice.end_col_offset + 1)
            while left_anchor < len(segment) and (segment[left_anchor].isspace() or segment[left_anchor] != "["):
                left_anchor += 1
            while right_anchor < len(segment) and (segment[right_anchor].isspace() or segment[right_anchor] != "]"):
                right_anchor += 1
            if right_anchor < len(segment):
                right_anchor += 1
            return _Anchors(left_anchor, right_anchor)
        return None


_WIDE_CHAR_SPECIFIERS = "WF"

# East Asian Wide and Fullwidth code point ranges (the characters a terminal draws two columns wide).
_WIDE_RANGES = (
    (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0),
    (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F),
    (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
    (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
    (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728),
    (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
    (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF),
    (0xA960, 0xA97F), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F),
    (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x18CFF), (0x1B000, 0x1B2FF), (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F251), (0x1F300, 0x1F320),
    (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6D7), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
)


def _is_wide(ch):
    cp = ord(ch)
    if cp < 0x1100:
        return False
    for lo, hi in _WIDE_RANGES:
        if cp < lo:
            return False
        if cp <= hi:
            return True
    return False


if _V >= (3, 13):
    def _display_width(line, offset=None):
        if offset is None:
            offset = len(line)
        if line.isascii():
            return offset
        return sum(2 if _is_wide(char) else 1 for char in line[:offset])
else:
    def _display_width(line, offset):
        if line.isascii():
            return offset
        return sum(2 if _is_wide(char) else 1 for char in line[:offset])


class _ExceptionPrintContext:
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        indent_str = self.indent()
        if self.exception_group_depth:
            indent_str += margin_char + ' '

        if isinstance(text_gen, str):
            yield textwrap.indent(text_gen, indent_str, lambda line: True)
        else:
            for text in text_gen:
                yield textwrap.indent(text, indent_str, lambda line: True)


class TracebackException:
    """An exception ready for rendering."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))

        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback),
            limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)

        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False

        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth

        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        queue = [(self, exc_value)]
        while queue:
            te, e = queue.pop()
            if (e and e.__cause__ is not None
                and id(e.__cause__) not in _seen):
                cause = TracebackException(
                    type(e.__cause__),
                    e.__cause__,
                    e.__cause__.__traceback__,
                    limit=limit,
                    lookup_lines=lookup_lines,
                    capture_locals=capture_locals,
                    max_group_width=max_group_width,
                    max_group_depth=max_group_depth,
                    _seen=_seen)
            else:
                cause = None

            if compact:
                need_context = (cause is None and
                                e is not None and
                                not e.__suppress_context__)
            else:
                need_context = True
            if (e and e.__context__ is not None
                and need_context and id(e.__context__) not in _seen):
                context = TracebackException(
                    type(e.__context__),
                    e.__context__,
                    e.__context__.__traceback__,
                    limit=limit,
                    lookup_lines=lookup_lines,
                    capture_locals=capture_locals,
                    max_group_width=max_group_width,
                    max_group_depth=max_group_depth,
                    _seen=_seen)
            else:
                context = None

            if e and isinstance(e, BaseExceptionGroup):
                exceptions = []
                for exc in e.exceptions:
                    texc = TracebackException(
                        type(exc),
                        exc,
                        exc.__traceback__,
                        limit=limit,
                        lookup_lines=lookup_lines,
                        capture_locals=capture_locals,
                        max_group_width=max_group_width,
                        max_group_depth=max_group_depth,
                        _seen=_seen)
                    exceptions.append(texc)
            else:
                exceptions = None

            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = exceptions
            if cause:
                queue.append((te.__cause__, e.__cause__))
            if context:
                queue.append((te.__context__, e.__context__))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Create a TracebackException from an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        """Private API. force all lines in the stack to be loaded."""
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self, *, show_group=False, _depth=0):
        """Format the exception part of the traceback."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return

        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype

        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, collections.abc.Sequence):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                yield from [l + '\n' for l in note.split('\n')]
        elif self.__notes__ is not None:
            yield _safe_string(self.__notes__, '__notes__', func=repr)

    def _format_syntax_error(self, stype):
        """Format SyntaxError exceptions (internal helper)."""
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(
                self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)

        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)

            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1

                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ((c if c.isspace() else ' ') for c in ltext[:colno])
                    yield '    {}{}\n'.format("".join(caretspace), ('^' * (end_colno - colno)))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """Format the exception."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()

        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _cause_message
                    chained_exc = exc.__cause__
                elif (exc.__context__ is not None and
                      not exc.__suppress_context__):
                    chained_msg = _context_message
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None

                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))

        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(
                    f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                is_toplevel = (_ctx.exception_group_depth == 0)
                if is_toplevel:
                    _ctx.exception_group_depth += 1

                if exc.stack:
                    yield from _ctx.emit(
                        'Exception Group Traceback (most recent call last):\n',
                        margin_char='+' if is_toplevel else None)
                    yield from _ctx.emit(exc.stack.format())

                yield from _ctx.emit(exc.format_exception_only())
                num_excs = len(exc.exceptions)
                if num_excs <= self.max_group_width:
                    n = num_excs
                else:
                    n = self.max_group_width + 1
                _ctx.need_close = False
                for i in range(n):
                    last_exc = (i == n - 1)
                    if last_exc:
                        _ctx.need_close = True

                    if self.max_group_width is not None:
                        truncated = (i >= self.max_group_width)
                    else:
                        truncated = False
                    title = f'{i + 1}' if not truncated else '...'
                    yield (_ctx.indent() +
                           ('+-' if i == 0 else '  ') +
                           f'+---------------- {title} ----------------\n')
                    _ctx.exception_group_depth += 1
                    if not truncated:
                        yield from exc.exceptions[i].format(chain=chain, _ctx=_ctx)
                    else:
                        remaining = num_excs - self.max_group_width
                        plural = 's' if remaining > 1 else ''
                        yield from _ctx.emit(
                            f"and {remaining} more exception{plural}\n")

                    if last_exc and _ctx.need_close:
                        yield (_ctx.indent() +
                               "+------------------------------------\n")
                        _ctx.need_close = False
                    _ctx.exception_group_depth -= 1

                if is_toplevel:
                    _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True):
        """Print the result of self.format(chain=chain) to 'file'."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
`;
