# the text of a number versus the number itself
import sys
for n in (0, 7, 123456, 2 ** 40, 10 ** 20):
    print(n, sys.getsizeof(n), sys.getsizeof(str(n)), sys.getsizeof(float(n)))
print(sys.getsizeof('3.14'), sys.getsizeof(3.14), sys.getsizeof(float('3.14')))
print(sys.getsizeof(bin(255)), sys.getsizeof(oct(255)), sys.getsizeof(hex(2 ** 64)))
print(sys.getsizeof(int('1' * 40)), sys.getsizeof('1' * 40))
print(sys.getsizeof(str(True)), sys.getsizeof(str(None)), sys.getsizeof(str([1, 2])))
