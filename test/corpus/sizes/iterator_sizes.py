# iterators are small fixed-size objects whatever they walk over
import sys
data = list(range(1000))
print(sys.getsizeof(iter(data)), sys.getsizeof(iter(tuple(data))), sys.getsizeof(iter('abc')))
print(sys.getsizeof(iter({})), sys.getsizeof(iter(set())), sys.getsizeof(iter(range(5))))
print(sys.getsizeof(reversed(data)), sys.getsizeof(enumerate(data)), sys.getsizeof(zip(data, data)))
print(sys.getsizeof(map(str, data)), sys.getsizeof(filter(None, data)))
print(sys.getsizeof(iter(b'abc')), sys.getsizeof(iter(bytearray(3))))
print(sys.getsizeof({}.keys()), sys.getsizeof({}.values()), sys.getsizeof({}.items()))
print(sys.getsizeof(slice(1, 2, 3)), sys.getsizeof(slice(None)))
