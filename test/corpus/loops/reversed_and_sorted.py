# reversed() and sorted() in loops: reversed needs a sequence, sorted takes any iterable.
history = ['open', 'edit', 'save', 'close']
for step in reversed(history):
    print('undo', step)
for name in sorted({'carol': 3, 'alice': 1, 'bob': 2}):
    print(name, end=' ')
print()
for n in sorted((5, 2, 8), reverse=True):
    print(n, end=' ')
print()
print(list(reversed(range(4))), list(reversed('abc')), list(reversed({'x': 1, 'y': 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError:', e)
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
