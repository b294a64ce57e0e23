# clear() drops the table; copy() clones a clean table, size and all
import sys
d = {i: str(i) for i in range(30)}
print(sys.getsizeof(d))
c = d.copy()
print(sys.getsizeof(c))
d.clear()
print(sys.getsizeof(d))
d[1] = 1
print(sys.getsizeof(d))
s = {'a': 1, 'b': 2}
print(sys.getsizeof(s), sys.getsizeof(s.copy()), sys.getsizeof(dict(s)))
e = {}
print(sys.getsizeof(e.copy()))
big = {i: i for i in range(100)}
for i in range(90):
    del big[i]
print(sys.getsizeof(big), sys.getsizeof(big.copy()))
