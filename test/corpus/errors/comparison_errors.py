# TypeError messages from ordering comparisons between unrelated types, and sorting mixed lists.
class Box:
    pass


cases = [
    lambda: 1 < 'a',
    lambda: [1] < (1,),
    lambda: {} > {},
    lambda: Box() < Box(),
    lambda: None >= None,
    lambda: max(1, 'a'),
    lambda: sorted(['b', 1, 'a']),
    lambda: {1, 2} < [1, 2, 3],
    lambda: 1j < 2j,
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print('TypeError:', e)
print(1 == 'a', [1] == (1,), Box() == Box(), None == None, {1} < {1, 2})
