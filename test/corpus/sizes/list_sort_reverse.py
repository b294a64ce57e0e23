# sorting, reversing and copying in place keep a list's allocation
import sys
a = [5, 3, 1, 4, 2]
a.append(6)
before = sys.getsizeof(a)
a.sort()
print(before, sys.getsizeof(a))
a.reverse()
print(sys.getsizeof(a))
a.sort(key=lambda x: -x, reverse=True)
print(sys.getsizeof(a))
b = a[:]
print(sys.getsizeof(b), sys.getsizeof(a.copy()), sys.getsizeof(list(a)))
print(sys.getsizeof(sorted(a)), sys.getsizeof(sorted(range(6))), sys.getsizeof(sorted('hello')))
print(sys.getsizeof(list(reversed(a))))
