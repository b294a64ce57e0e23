# membership structures: a set of n items against a list and a tuple of the same items
import sys
for n in (0, 4, 8, 16, 32, 64, 128):
    items = list(range(n))
    print(n, sys.getsizeof(items), sys.getsizeof(tuple(items)), sys.getsizeof(set(items)), sys.getsizeof(dict.fromkeys(items)))
print(sys.getsizeof(set('aaaa')), sys.getsizeof(list('aaaa')))
print(sys.getsizeof(frozenset(range(5))) == sys.getsizeof(set(range(5))))
