# extend grows a list to fit what it adds, over-allocating from the new length
import sys
a = []
for k in (1, 3, 8, 16, 2, 50, 100):
    a.extend(range(k))
    print(len(a), sys.getsizeof(a))
b = [1, 2, 3]
b += [4, 5]
print(sys.getsizeof(b))
b += b
print(len(b), sys.getsizeof(b))
c = []
c.extend('abcdefghij')
print(sys.getsizeof(c))
c.extend(())
print(sys.getsizeof(c))
d = [0] * 4
d.extend([1])
print(sys.getsizeof(d))
