# TypeError messages for calling non-callables, iterating non-iterables and subscripting non-subscriptables.
five, text, pair, nothing = 5, 'text', [1, 2], None
cases = [
    lambda: five(),
    lambda: text(),
    lambda: pair()[0],
    lambda: nothing(),
    lambda: iter(5),
    lambda: list(3.5),
    lambda: [x for x in None],
    lambda: five[0],
    lambda: len(5),
    lambda: sum(['a', 'b']),
    lambda: next([1, 2]),
    lambda: (lambda: 1)(1),
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print('TypeError:', e)
for ch in 12345:
    print(ch)
