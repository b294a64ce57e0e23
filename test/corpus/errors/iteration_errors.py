# StopIteration from next() on an exhausted iterator, and what happens when it escapes a generator.
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e))
print(next(it, 'default'))


def leaky():
    yield next(iter([]))


try:
    list(leaky())
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__))
d = {'a': 1}
keys = iter(d)
d['b'] = 2
try:
    next(keys)
except RuntimeError as e:
    print('RuntimeError:', e)
gen = (x for x in range(2))
print(list(gen), next(gen, 'exhausted'))
