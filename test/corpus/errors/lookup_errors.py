# KeyError and IndexError messages from dicts, lists, tuples, strings and ranges.
d = {'a': 1}
seq = [10, 20, 30]
cases = [
    lambda: d['b'],
    lambda: d[('x', 1)],
    lambda: {}[None],
    lambda: seq[3],
    lambda: seq[-4],
    lambda: (1, 2)[5],
    lambda: 'abc'[10],
    lambda: range(3)[3],
    lambda: [].pop(),
    lambda: seq.pop(7),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: b'ab'[2],
]
for case in cases:
    try:
        case()
    except LookupError as e:
        print(f'{type(e).__name__}: {e}')
seq[5] = 1
