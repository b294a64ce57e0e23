# Dict methods on a word-count table: get, setdefault, pop, popitem, update, views, and | merging.
counts = {}
for word in 'the cat sat on the mat the end'.split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
groups = {}
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(word[0], []).append(word)
print(groups)
print('pop existing:', counts.pop('the'), 'pop missing:', counts.pop('dog', None))
print('popitem takes the last:', counts.popitem())
counts.update({'cat': 10, 'new': 1}, extra=5)
print(counts)
keys = counts.keys()
counts['later'] = 0
print('views are live:', list(keys))
print('items:', list(counts.items())[:2])
merged = {'a': 1, 'b': 2} | {'b': 3, 'c': 4}
print('merge:', merged)
merged |= {'a': 0}
print('in-place merge:', merged)
print('in checks keys:', 'a' in merged, 1 in merged)
