# results of arithmetic are sized by the digits they need
import sys
a = 2 ** 29
b = a * 4
print(sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(a + a), sys.getsizeof(b - a))
c = 1
sizes = []
for _ in range(12):
    c *= 1000
    sizes.append(sys.getsizeof(c))
print(sizes)
print(sys.getsizeof(c >> 60), sys.getsizeof(c << 60), sys.getsizeof(c % 1000))
print(sys.getsizeof(int('9' * 50)), sys.getsizeof(int('ff' * 8, 16)))
print(sys.getsizeof(pow(3, 100)), sys.getsizeof(pow(3, 100, 7)))
print(sys.getsizeof(len('abc')), sys.getsizeof(round(2.5e10)))
