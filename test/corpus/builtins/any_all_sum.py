# sum with a start value, any/all short-circuiting, and len/bool of containers.
def noisy(n):
    print(f'  checking {n}')
    return n > 2


print(any(noisy(n) for n in [1, 3, 5]))
print(all(noisy(n) for n in [3, 1, 5]))
print(sum([1, 2, 3], 10), sum([[1], [2, 3]], []), sum((0.5, 0.25)))
print(sum(x * x for x in range(5)), sum([], 0), sum(range(10)) / len(range(10)))
for value in [0, 1, '', 'a', [], [0], {}, None, 0.0, (0,)]:
    print(repr(value), bool(value), end='; ')
print()
print(len('héllo'), len(b'h\xc3\xa9llo'), len({'a': 1}), len(range(0, 10, 3)))
