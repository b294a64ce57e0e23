# dict.fromkeys and the setdefault path grow like inserts
import sys
for n in (0, 3, 5, 6, 10, 50):
    print(n, sys.getsizeof(dict.fromkeys(range(n))), sys.getsizeof(dict.fromkeys(['k%d' % i for i in range(n)])))
d = {}
for w in 'the quick brown fox jumps over the lazy dog'.split():
    d.setdefault(w, 0)
print(len(d), sys.getsizeof(d))
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sys.getsizeof(counts))
