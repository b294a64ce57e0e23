# an ASCII str costs its header plus one byte a character plus the terminator
import sys
for n in (0, 1, 2, 10, 100, 1000):
    print(n, sys.getsizeof('a' * n))
s = 'hello world'
print(sys.getsizeof(s), sys.getsizeof(s.upper()), sys.getsizeof(s[:5]), sys.getsizeof(s * 3))
print(sys.getsizeof(' '.join(['ab'] * 10)), sys.getsizeof(str(12345)), sys.getsizeof(repr(1.5)))
print(sys.getsizeof(s.split()[0]), sys.getsizeof(s.replace('o', '00')))
print(sys.getsizeof(f'{s}!'), sys.getsizeof('%d-%d' % (1, 2)))
print(str.__sizeof__('abc'), sys.getsizeof('abc'))
