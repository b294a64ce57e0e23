# frozenset has the same layout as set; set operations size their results by what they hold
import sys
for n in (0, 5, 9, 19, 39):
    print(n, sys.getsizeof(frozenset(range(n))), sys.getsizeof(set(range(n))))
a = frozenset('abc')
print(sys.getsizeof(a), sys.getsizeof(a | {'d'}), sys.getsizeof(a.union('xyz')))
print(sys.getsizeof(set(a)), sys.getsizeof(a.copy()), sys.getsizeof(frozenset(a)))
s = {1, 2, 3}
s |= set(range(10, 20))
print(len(s), sys.getsizeof(s))
