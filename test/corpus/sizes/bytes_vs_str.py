# the same text as str and as bytes in different encodings
import sys
for text in ('hello', 'caf\xe9', '\u20ac100', '\U0001f600!'):
    print(len(text), sys.getsizeof(text), sys.getsizeof(text.encode('utf-8')), sys.getsizeof(text.encode('utf-16-le')))
print(sys.getsizeof(b'hello'.decode()), sys.getsizeof(bytes('abc', 'ascii')))
print(sys.getsizeof(bytearray('caf\xe9', 'utf-8')))
