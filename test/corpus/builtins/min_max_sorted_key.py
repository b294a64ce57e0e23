# min, max and sorted with key functions, defaults for empty input, and ties resolved by first occurrence.
words = ['pear', 'fig', 'banana', 'kiwi', 'apple']
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max(words, key=lambda w: (len(w), w)), sorted(words, key=lambda w: w[-1]))
print(min([], default='empty'), max((), default=None))
print(max(3, 7, 5), min('hello'), max([1, 5], [1, 10]), max({'a': 3, 'b': 1}))
scores = {'ann': 82, 'bob': 95, 'cid': 95, 'dee': 70}
print(max(scores, key=scores.get), min(scores.items(), key=lambda kv: kv[1]))
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted([3, 1, 2], reverse=True), sorted('cba'), sorted([(1, 'b'), (1, 'a')]))
try:
    max([])
except ValueError as e:
    print('ValueError:', e)
try:
    min(1)
except TypeError as e:
    print('TypeError:', e)
