// string (Lib/string.py) and _string (Objects/stringlib/unicode_format.h's parsers), our own code.
// Template is matched by hand rather than with `re` (which the simulator does not model): the default
// pattern ($$, $identifier, ${identifier}, anything else invalid) and a custom `delimiter` behave as
// CPython's; a subclass's own `pattern`/`idpattern` regex is not supported.
// NB: the source is a template literal: no backquotes, and a dollar never directly precedes a brace.

export const stringHelpers = String.raw`"""string helper module (the parsers str.format uses)."""

def _markup_error(msg):
    raise ValueError(msg)

def formatter_parser(s):
    if not isinstance(s, str):
        raise TypeError("expected str, got %s" % type(s).__name__)
    return _parse(s)

def _parse(s):
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ''
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = i >= n
        length = i - start
        if c == '}' and (at_end or s[i] != c):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{':
            raise ValueError("Single '{' encountered in format string")
        if not at_end:
            if s[i] == c:
                i += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        i, field = _parse_field(s, i)
        yield (literal,) + field

def _parse_field(s, i):
    n = len(s)
    name_start = i
    c = ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c == '}' or c == ':' or c == '!':
            break
    name = s[name_start:i - 1]
    conversion = None
    if c == '!' or c == ':':
        if c == '!':
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    return i, (name, '', conversion)
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = i
        count = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                count += 1
            elif c == '}':
                count -= 1
                if count == 0:
                    return i, (name, s[spec_start:i - 1], conversion)
        raise ValueError("unmatched '{' in format spec")
    elif c != '}':
        raise ValueError("expected '}' before end of string")
    return i, (name, '', conversion)

def _index_or_str(s):
    if s and all('0' <= ch <= '9' for ch in s):
        return int(s)
    return s

def formatter_field_name_split(name):
    if not isinstance(name, str):
        raise TypeError("expected str, got %s" % type(name).__name__)
    n = len(name)
    j = 0
    while j < n and name[j] != '.' and name[j] != '[':
        j += 1
    first = _index_or_str(name[:j])
    return first, _rest(name, j)

def _rest(name, j):
    n = len(name)
    while j < n:
        c = name[j]
        if c == '.':
            k = j + 1
            while k < n and name[k] != '.' and name[k] != '[':
                k += 1
            attr = name[j + 1:k]
            if not attr:
                raise ValueError("Empty attribute in format string")
            yield (True, attr)
            j = k
        elif c == '[':
            k = j + 1
            while k < n and name[k] != ']':
                k += 1
            if k >= n:
                raise ValueError("Missing ']' in format string")
            key = name[j + 1:k]
            if not key:
                raise ValueError("Empty attribute in format string")
            yield (False, _index_or_str(key))
            j = k + 1
            if j < n and name[j] != '.' and name[j] != '[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
`;

export const source = String.raw`"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

import _string

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&' + "'()*+,-./:;<=>?@[\\]^_" + chr(96) + '{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


from collections import ChainMap as _ChainMap

_sentinel_dict = {}
_NEW_NUMBERING = __import__('sys').version_info >= (3, 14)
_AUTO_TO_MANUAL = ('cannot switch from automatic field numbering to manual field specification'
                   if __import__('sys').version_info >= (3, 14) else
                   'cannot switch from manual field specification to automatic field numbering')
_OPEN = '{'
_CLOSE = '}'


def _is_id_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_id_char(c):
    return _is_id_start(c) or ('0' <= c <= '9')


class _Match:
    # What the pattern's match object would have told Template: the kind of placeholder, its
    # span and the identifier.
    __slots__ = ('kind', 'start', 'end', 'name', 'text')

    def __init__(self, kind, start, end, name, text):
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name
        self.text = text


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        t = self.template
        d = self.delimiter
        dl = len(d)
        n = len(t)
        i = 0
        while True:
            j = t.find(d, i)
            if j < 0 or not dl:
                return
            k = j + dl
            if t.startswith(d, k):
                yield _Match('escaped', j, k + dl, None, t[j:k + dl])
                i = k + dl
                continue
            if k < n and _is_id_start(t[k]):
                e = k + 1
                while e < n and _is_id_char(t[e]):
                    e += 1
                yield _Match('named', j, e, t[k:e], t[j:e])
                i = e
                continue
            if k < n and t[k] == _OPEN and k + 1 < n and _is_id_start(t[k + 1]):
                e = k + 2
                while e < n and _is_id_char(t[e]):
                    e += 1
                if e < n and t[e] == _CLOSE:
                    yield _Match('braced', j, e + 1, t[k + 1:e], t[j:e + 1])
                    i = e + 1
                    continue
            yield _Match('invalid', j, k, None, t[j:k])
            i = k

    def _invalid(self, mo):
        i = mo.end
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _sub(self, convert):
        out = []
        pos = 0
        for mo in self._scan():
            out.append(self.template[pos:mo.start])
            out.append(convert(mo))
            pos = mo.end
        out.append(self.template[pos:])
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            if mo.name is not None:
                return str(mapping[mo.name])
            if mo.kind == 'escaped':
                return self.delimiter
            self._invalid(mo)
        return self._sub(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            if mo.name is not None:
                try:
                    return str(mapping[mo.name])
                except KeyError:
                    return mo.text
            if mo.kind == 'escaped':
                return self.delimiter
            return mo.text
        return self._sub(convert)

    def is_valid(self):
        for mo in self._scan():
            if mo.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._scan():
            if mo.name is not None and mo.name not in ids:
                ids.append(mo.name)
        return ids


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                pieces.append(literal_text)
            if field_name is None:
                continue
            if _NEW_NUMBERING:
                field_first, _ = _string.formatter_field_name_split(field_name)
                auto = field_first == ''
                manual = isinstance(field_first, int)
            else:
                auto = field_name == ''
                manual = not auto and field_name.isdigit()
            if auto:
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index) + field_name
                auto_arg_index += 1
            elif manual:
                if auto_arg_index:
                    raise ValueError(_AUTO_TO_MANUAL)
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(obj, format_spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _string.formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
`;
