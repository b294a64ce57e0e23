# bytearray over-allocates as it grows, like a list, and counts its capacity
import sys
b = bytearray()
last = sys.getsizeof(b)
print(0, last)
for i in range(1, 200):
    b.append(i % 256)
    size = sys.getsizeof(b)
    if size != last:
        print(i, size)
        last = size
print(sys.getsizeof(bytearray(10)), sys.getsizeof(bytearray(b'abc')), sys.getsizeof(bytearray(range(5))))
c = bytearray(b'xy')
c.extend(b'z' * 20)
print(len(c), sys.getsizeof(c))
c += b'!' * 40
print(len(c), sys.getsizeof(c))
