# Unhashable types in sets and dict keys, and in hash().
cases = [
    lambda: {[1, 2]},
    lambda: {{'a': 1}: 1},
    lambda: hash({1}),
    lambda: {(1, [2]): 'x'},
    lambda: set([[1]]),
    lambda: frozenset([{}]),
    lambda: [].__hash__(),
    lambda: {}.fromkeys([[1]]),
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print('TypeError:', e)
print(hash((1, 2)) == hash((1, 2)), hash(frozenset()) == hash(frozenset()))
key = (1, (2, 3))
print({key: 'tuples of hashables are fine'})
cache = {}
cache[[1]] = 'boom'
