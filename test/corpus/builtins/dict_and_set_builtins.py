# Dict and set methods used together: get with defaults, counting with dict, sets of seen items.
text = 'the quick brown the lazy the end quick'
freq = {}
for word in text.split():
    freq[word] = freq.get(word, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: kv[1], reverse=True)[:2])
print(max(freq.values()), min(freq, key=freq.get), sum(freq.values()))
seen = set()
order = []
for word in text.split():
    if word not in seen:
        seen.add(word)
        order.append(word)
print(order, len(seen))
print(dict.fromkeys(order, 0), list(dict.fromkeys('mississippi')))
a = {'x': 1, 'y': 2}
b = a.copy()
b['z'] = 3
print(a, b, a == {'y': 2, 'x': 1}, a.keys() <= b.keys())
print(sorted(b.keys() - a.keys()), sorted(a.items() & b.items()))
