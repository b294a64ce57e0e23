# Set algebra on ints (printed sorted or in int order): union, intersection, difference, symmetric difference.
evens = {n for n in range(10) if n % 2 == 0}
primes = {2, 3, 5, 7}
print('evens:', sorted(evens))
print('union:', sorted(evens | primes))
print('intersection:', evens & primes)
print('difference:', sorted(evens - primes))
print('symmetric:', sorted(evens ^ primes))
print('subset:', {2, 4} <= evens, 'superset:', evens >= {0}, 'disjoint:', evens.isdisjoint({1, 3}))
seen = set()
dupes = []
for n in [3, 1, 3, 2, 1, 3]:
    if n in seen:
        dupes.append(n)
    seen.add(n)
print('duplicates:', dupes, 'unique count:', len(seen))
s = {1, 2, 3}
s.discard(5)
s.remove(2)
print('after discard/remove:', s)
fs = frozenset([1, 2])
print('frozenset in a set of sets:', {fs, frozenset([2, 1])} == {fs})
