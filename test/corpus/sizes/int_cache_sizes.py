# small ints are shared objects, but their size is that of any int of their digits
import sys
print([sys.getsizeof(i) for i in (-5, -1, 0, 1, 100, 256, 257, 1000)])
big = [2 ** k for k in range(0, 130, 10)]
print([sys.getsizeof(b) for b in big])
print(sys.getsizeof(sum(range(100))), sys.getsizeof(len([])), sys.getsizeof(int()))
print(sys.getsizeof(7 // 2), sys.getsizeof(-7 // 2), sys.getsizeof(2 ** 30 // 2))
print(sys.getsizeof(int.from_bytes(b'\xff' * 8, 'big')), sys.getsizeof((1 << 64) - 1))
