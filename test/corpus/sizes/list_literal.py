# list displays allocate exactly; the first append then over-allocates
import sys
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2]), sys.getsizeof([1, 2, 3, 4, 5]))
a = [1, 2, 3]
print(sys.getsizeof(a))
a.append(4)
print(sys.getsizeof(a))
a.append(5)
print(sys.getsizeof(a))
b = [0, 0, 0, 0, 0, 0, 0, 0]
print(sys.getsizeof(b))
b.append(0)
print(sys.getsizeof(b))
c = [*range(4), *range(3)]
print(len(c), sys.getsizeof(c))
print(sys.getsizeof([[]]), sys.getsizeof([[1, 2, 3]]))
