# list(), tuple(), set(), dict() constructors from other iterables, and their results.
print(list('abc'), list(range(3)), list({'a': 1, 'b': 2}), list((1, 2)))
print(tuple([1, 2]), tuple('hi'), tuple({'x': 0}.items()))
print(sorted(set([3, 1, 3, 2])), set(), set('aab') == {'a', 'b'})
print(dict([('a', 1), ('b', 2)]), dict(a=1, b=2), dict({'a': 1}, c=3), dict(zip('ab', [1, 2])))
print(list(map(list, ['ab', 'cd'])), [*range(3), *'ab'], {**{'a': 1}, 'b': 2})
print(len(list(range(1000))), list(reversed([1, 2, 3])), list(enumerate('ab')))
print(frozenset([1, 2]) | {3}, type(frozenset([1]) | {3}).__name__)
print(list(iter([1, 2])), list(iter(lambda: 5, 5)), tuple(x for x in 'ab'))
stack = list()
stack += 'xy'
print(stack, list(None or []), [] == list())
