# string methods produce new strings sized by their length and widest character
import sys
s = 'Memory Lens'
print(sys.getsizeof(s.lower()), sys.getsizeof(s.center(20)), sys.getsizeof(s.zfill(15)))
print(sys.getsizeof(s.strip('Ms')), sys.getsizeof(s.title()), sys.getsizeof(s.swapcase()))
print([sys.getsizeof(w) for w in s.split()])
u = 'gr\xfc\xdfe'
print(sys.getsizeof(u), sys.getsizeof(u.upper()), sys.getsizeof(u.casefold()))
print(sys.getsizeof(s.replace('e', '\u20ac')), sys.getsizeof(s.encode()))
print(sys.getsizeof(format(3.14159, '.2f')), sys.getsizeof(str(2 ** 64)), sys.getsizeof(hex(255)))
print(sys.getsizeof(repr('a')), sys.getsizeof(ascii('\xe9')))
