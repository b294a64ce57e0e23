# bytes: header plus one byte per item plus a terminating NUL
import sys
for n in (0, 1, 2, 10, 100, 1000):
    print(n, sys.getsizeof(b'x' * n))
print(sys.getsizeof(b''), sys.getsizeof(bytes(5)), sys.getsizeof(bytes([1, 2, 3])))
print(sys.getsizeof('caf\xe9'.encode()), sys.getsizeof('caf\xe9'.encode('latin-1')))
print(sys.getsizeof(b'abc' + b'def'), sys.getsizeof(b'hello'[1:3]), sys.getsizeof(b'ab'.hex()))
print(sys.getsizeof(bytes.fromhex('00ff00ff')), sys.getsizeof(b'a,b,c'.split(b',')[0]))
print(bytes.__sizeof__(b'abc'), sys.getsizeof(b'abc'))
