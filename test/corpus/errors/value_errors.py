# ValueError messages from conversions, unpacking and list methods.
cases = [
    lambda: int('abc'),
    lambda: int('12.5'),
    lambda: int('', 10),
    lambda: int('9', 8),
    lambda: float('one'),
    lambda: [1, 2].remove(3),
    lambda: [1, 2].index(3),
    lambda: 'abc'.index('z'),
    lambda: (1, 2).index(9),
    lambda: chr(-1),
    lambda: range(1, 2, 0),
    lambda: 'a,b'.split(''),
    lambda: int('1' * 5000),
]
for case in cases:
    try:
        case()
    except ValueError as e:
        print('ValueError:', str(e)[:90])
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
try:
    a, b, c = 'xy'
except ValueError as e:
    print('ValueError:', e)
