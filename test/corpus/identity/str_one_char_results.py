# one-character results: case mappings, replace, join and str(int) make new strs; slices, strip and
# decoding give the shared Latin-1 singleton (Objects/unicodeobject.c unicode_result vs PyUnicode_New)
S = lambda x: x is chr(ord(x))
cases = [
 ('upper', lambda: 'a'.upper()), ('upper-e9', lambda: '\xe9'.upper()), ('lower', lambda: 'A'.lower()), ('lower-c9', lambda: '\xc9'.lower()),
 ('title', lambda: 'a'.title()), ('swapcase', lambda: 'a'.swapcase()), ('capitalize', lambda: 'a'.capitalize()), ('casefold', lambda: 'A'.casefold()),
 ('casefold-e9', lambda: '\xe9'.casefold()),
 ('replace', lambda: 'ab'.replace('a', '')), ('replace-same', lambda: 'z'.replace('x', 'y')), ('replace-1', lambda: 'a'.replace('a', 'b')),
 ('str-int', lambda: str(1)), ('fstring-int', lambda: f'{1}'), ('format-int', lambda: format(1)), ('pct-d', lambda: '%d' % 1), ('pct-s', lambda: '%s' % 'z'),
 ('repr-int', lambda: repr(7)), ('str.format', lambda: '{}'.format(1)), ('strip', lambda: ' a '.strip()), ('lstrip', lambda: ' a'.lstrip()),
 ('split', lambda: 'a b'.split()[0]), ('split-sep', lambda: 'a,b'.split(',')[1]), ('partition', lambda: 'a,b'.partition(',')[2]), ('slice', lambda: 'abc'[1:2]),
 ('index', lambda: 'azc'[1]), ('join1', lambda: ''.join(['g'])), ('join2', lambda: ''.join(['a', ''])), ('concat', lambda: 'u' + ''), ('concat2', lambda: ''.join(['x'])[0:0] + chr(98)),
 ('decode', lambda: b'a'.decode()), ('decode-latin1', lambda: b'\xe9'.decode('latin-1')), ('decode-utf8', lambda: b'\xc3\xa9'.decode()),
 ('center', lambda: 'z'.center(1)), ('zfill', lambda: '1'.zfill(1)), ('translate', lambda: 'a'.translate({97: 98})), ('expandtabs', lambda: 'g'.expandtabs()),
 ('str-float-no', lambda: str(1.5)[0]), ('hex', lambda: hex(1)[2:]), ('chr', lambda: chr(97)), ('mul', lambda: 'u' * 1), ('reversed', lambda: ''.join(reversed('a'))),
 ('strip-e9', lambda: ' \xe9 '.strip()), ('removeprefix', lambda: 'ab'.removeprefix('a')), ('rjust', lambda: 'z'.rjust(1)), ('str-bool0', lambda: str(0)),
 ('list-str', lambda: list('ab')[0]), ('iter', lambda: next(iter('ab'))), ('max', lambda: max('ab')), ('str-of-str', lambda: str('g')), ('ascii', lambda: ascii('a')[1]),
 ('int-format-x', lambda: format(10, 'x')), ('chr-e9', lambda: chr(0xe9)), ('fstr-s', lambda: f'{"z"}'), ('fstr-spec', lambda: f'{"z":1}'), ('fstr-int-spec', lambda: f'{1:d}'),
]
for name, f in cases:
    r = f()
    print(name, repr(r), S(r))
