# clear() frees the item array; slice assignment resizes the list in place
import sys
a = list(range(50))
print(sys.getsizeof(a))
a.clear()
print(sys.getsizeof(a))
a.append(1)
print(sys.getsizeof(a))
b = [0] * 10
b[2:5] = []
print(len(b), sys.getsizeof(b))
b[1:1] = range(20)
print(len(b), sys.getsizeof(b))
b[:] = [1, 2]
print(len(b), sys.getsizeof(b))
c = [1, 2, 3]
c *= 4
print(len(c), sys.getsizeof(c))
