# repr of containers nests the repr of each item: quotes, escapes, recursion marks and empty forms.
print([1, 'two', 3.0, None, True, (4,), {5}, {'six': 6}])
print(['it\'s', "say \"hi\"", 'both \' and "', 'tab\there', 'new\nline', 'back\\slash'])
print(repr('é'), repr('\x00\x7f'), repr('\u200b'), repr('日本'), repr('\U0001f600'))
print((), (1,), [], {}, set(), frozenset(), frozenset({1}), tuple([1, 2]))
loop = [1, 2]
loop.append(loop)
print(loop)
d = {'self': None}
d['self'] = d
print(d)
print(repr(b'bytes\x00'), repr(bytearray(b'ba')), repr(range(3)), repr(slice(1, 2)))
print({1: [2, {3: (4, 'five')}]}, [[]], [()], {(): []})
print(str('plain'), str([None]), repr(1.5), repr(-0.0), repr(10 ** 25), repr(2j), repr(1 + 0.5j))
