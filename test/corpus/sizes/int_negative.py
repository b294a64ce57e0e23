# negative ints take the same digits as their absolute value
import sys
for n in (1, 7, 2 ** 31, 2 ** 62, 2 ** 64, 10 ** 30):
    print(sys.getsizeof(n) == sys.getsizeof(-n), sys.getsizeof(-n))
print(sys.getsizeof(-1), sys.getsizeof(-5), sys.getsizeof(-6))
x = -(2 ** 40)
print(sys.getsizeof(x), sys.getsizeof(x * x), sys.getsizeof(x // 3))
print(sys.getsizeof(-x), sys.getsizeof(abs(x)))
for k in range(5):
    print(k, sys.getsizeof(-(10 ** (k * 9))))
