# Dicts keep insertion order; replacing a value keeps the key's place, delete and re-insert moves it to the end.
d = {}
d['banana'] = 3
d['apple'] = 1
d['cherry'] = 2
print(list(d))
d['banana'] = 30
print('after replacing banana:', list(d))
del d['banana']
d['banana'] = 300
print('after delete and re-insert:', list(d))
print('sorted by key:', dict(sorted(d.items())))
print('sorted by value:', sorted(d, key=d.get))
print('reversed:', list(reversed(d)))
e = dict.fromkeys(['x', 'y', 'z'], 0)
print(e)
print('equal dicts ignore order:', {'a': 1, 'b': 2} == {'b': 2, 'a': 1})
print('first key:', next(iter(d)))
