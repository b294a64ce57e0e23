# bytearray shrinking and growing through slices, deletion and clear
import sys
b = bytearray(b'x' * 100)
print(sys.getsizeof(b))
del b[50:]
print(len(b), sys.getsizeof(b))
del b[10:]
print(len(b), sys.getsizeof(b))
b[0:0] = b'abc'
print(len(b), sys.getsizeof(b))
b.clear()
print(len(b), sys.getsizeof(b))
b.extend(range(5))
print(len(b), sys.getsizeof(b))
b.pop()
print(len(b), sys.getsizeof(b))
