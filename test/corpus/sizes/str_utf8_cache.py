# a str may keep a UTF-8 copy of itself; which operations make one differs by version
import sys
base = 'd\xe9j\xe0 vu'
print(sys.getsizeof(base))
a = base + '!'
print(sys.getsizeof(a))
a.encode('utf-8')
print(sys.getsizeof(a))
b = 'caf\xe9' * 2
print(sys.getsizeof(b))
b.encode()
print(sys.getsizeof(b))
c = 'x' * 5 + '\u20ac'
c.encode()
print(sys.getsizeof(c))
print(sys.getsizeof('\xe9'), sys.getsizeof('\xe9\xe9'[1:]))
