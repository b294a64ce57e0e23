# str kinds: Latin-1 one byte, UCS-2 two bytes, UCS-4 four bytes a character, after a bigger header
import sys
samples = ['abc', 'caf\xe9', 'na\xefve\xe9\xe8', '\u20ac10', '\u4e2d\u6587\u5b57', '\U0001f600', 'a\U0001f600b']
for s in samples:
    print(len(s), sys.getsizeof(s))
for n in (1, 2, 10, 100):
    print(n, sys.getsizeof('\xe9' * n), sys.getsizeof('\u0101' * n), sys.getsizeof('\U00010000' * n))
print(sys.getsizeof('abc' + '\u20ac'), sys.getsizeof(('abc' + '\u20ac')[:3]))
print(sys.getsizeof('\xff' * 3 + 'a'), sys.getsizeof('\u0100' + 'a' * 3))
