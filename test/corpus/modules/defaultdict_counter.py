# defaultdict builds missing values with a factory; Counter counts and ranks, ties in first-seen order.
from collections import Counter, defaultdict

graph = defaultdict(list)
for a, b in [('a', 'b'), ('a', 'c'), ('b', 'c'), ('c', 'a')]:
    graph[a].append(b)
print(dict(graph), graph['zzz'], len(graph))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print({k: dict(v) for k, v in nested.items()})
words = 'red blue red green blue red yellow'.split()
c = Counter(words)
print(c)
print(c.most_common(2), c['purple'], c.total())
c.update(['green', 'green'])
c.subtract({'red': 2})
print(c.most_common())
print(Counter('abracadabra').most_common(3))
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=5))
print(sorted(Counter('hello').elements()))
