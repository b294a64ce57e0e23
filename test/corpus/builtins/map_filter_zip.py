# map, filter, zip, enumerate and reversed return lazy iterators that are used up once.
nums = [1, 2, 3, 4, 5, 6]
doubled = map(lambda n: n * 2, nums)
print(type(doubled).__name__, list(doubled), list(doubled))
print(list(filter(lambda n: n % 2, nums)), list(filter(None, [0, 1, '', 'a', None, []])))
print(list(map(pow, [2, 3, 4], [3, 2, 1])), list(map(str.upper, 'abc')))
z = zip('ab', [1, 2], (True, False))
print(next(z), list(z))
e = enumerate('xy', 10)
print(list(e))
print(sum(map(len, ['a', 'bb', 'ccc'])), list(map(int, '1 2 3'.split())))
it = iter(nums)
print(list(zip(it, it)))
print(all(n > 0 for n in nums), any(n > 5 for n in nums), all([]), any([]))
