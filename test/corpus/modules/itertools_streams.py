# itertools chain, islice, count, cycle, repeat, accumulate, groupby, starmap, zip_longest, tee.
import itertools
import operator

print(list(itertools.chain([1, 2], 'ab', (3,))), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.islice('abcdefg', 1, 6, 2)))
print(list(itertools.islice(itertools.cycle('xy'), 5)), list(itertools.repeat('z', 3)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4], max)))
print(list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
data = 'aaabccdddd'
print([(k, len(list(g))) for k, g in itertools.groupby(data)])
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
print({k: list(g) for k, g in itertools.groupby(words, key=lambda w: w[0])})
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.zip_longest('ab', [1], fillvalue='-')))
a, b = itertools.tee(iter([1, 2, 3]))
print(list(a), list(b), list(itertools.compress('abcd', [1, 0, 1, 0])))
print(list(itertools.filterfalse(str.isdigit, 'a1b2')))
print(list(itertools.batched('abcdefg', 3)) if hasattr(itertools, 'batched') else 'no itertools.batched')
