# TypeError messages for operators applied to the wrong types.
word, pair = 'abc', [1, 2]
cases = [
    lambda: 'a' + 1,
    lambda: 1 + 'a',
    lambda: [1] + (2,),
    lambda: {} + {},
    lambda: 'x' * 'y',
    lambda: None < 1,
    lambda: -'text',
    lambda: [3, 'a'].sort(),
    lambda: sorted([1, None]),
    lambda: 5 @ 5,
    lambda: ~1.5,
    lambda: word[1.0],
    lambda: pair['0'],
    lambda: 2 ** 'x',
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print('TypeError:', e)
