# the empty string and one-character strings are shared objects: their sizes by kind
import sys
print(sys.getsizeof(''), sys.getsizeof('a'), sys.getsizeof('~'))
print(sys.getsizeof('\x80'), sys.getsizeof('\xe9'), sys.getsizeof('\xff'))
print(sys.getsizeof('\u0100'), sys.getsizeof('\u20ac'), sys.getsizeof('\U0001f40d'))
word = 'caf\xe9'
print(sys.getsizeof(word[3]), sys.getsizeof(word[0]), sys.getsizeof(word[:0]))
print(sys.getsizeof(chr(233)), sys.getsizeof(chr(0x263a)), sys.getsizeof(chr(65)))
print([sys.getsizeof(c) for c in 'a\xe9\u0101'])
print(sys.getsizeof(str()), sys.getsizeof(''.join([])))
print(sys.getsizeof('\xe9' + ''), sys.getsizeof('\xe9\xe9'))
