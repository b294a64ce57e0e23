# a list of strings: the list's pointers and each string's own size
import sys
names = ['ann', 'bob', 'caf\xe9', '\u4e2d\u6587']
print(sys.getsizeof(names))
for n in names:
    print(ascii(n), sys.getsizeof(n))
total = sys.getsizeof(names) + sum(map(sys.getsizeof, names))
print(total)
upper = [n.upper() for n in names]
print(sys.getsizeof(upper), [sys.getsizeof(u) for u in upper])
print(sys.getsizeof(' '.join(names)))
