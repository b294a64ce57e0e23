# dict comprehensions insert one key at a time: the same sizes as a loop of inserts
import sys
for n in (0, 1, 5, 6, 10, 11, 21, 22, 43, 86):
    a = {i: i for i in range(n)}
    b = {str(i): i for i in range(n)}
    print(n, sys.getsizeof(a), sys.getsizeof(b))
c = {}
for i in range(22):
    c[str(i)] = i
print(sys.getsizeof(c) == sys.getsizeof({str(i): i for i in range(22)}))
