# int sizes grow by one 30-bit digit at a time; zero still takes one digit
import sys
for bits in (0, 1, 29, 30, 31, 59, 60, 61, 90, 120, 300):
    n = 2 ** bits if bits else 0
    print(bits, sys.getsizeof(n), sys.getsizeof(n - 1 if n else 0))
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(255), sys.getsizeof(256))
print(sys.getsizeof(2 ** 30 - 1), sys.getsizeof(2 ** 30))
print(sys.getsizeof(10 ** 100), sys.getsizeof(10 ** 1000))
print(int.__sizeof__(5) == sys.getsizeof(5))
print(sys.getsizeof(1 << 29), sys.getsizeof(1 << 30), sys.getsizeof(1 << 59))
