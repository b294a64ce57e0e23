# tuples made by packing, unpacking, returns and zip
import sys
def pair():
    return 1, 2
def triple(*a):
    return a
print(sys.getsizeof(pair()), sys.getsizeof(triple(1, 2, 3)), sys.getsizeof(triple()))
print([sys.getsizeof(t) for t in zip('ab', 'cd', 'ef')])
print([sys.getsizeof(t) for t in enumerate('xy')])
print([sys.getsizeof(t) for t in {'a': 1}.items()])
x = 1, 'two', 3.0, None
print(sys.getsizeof(x), sys.getsizeof(x[1:]), sys.getsizeof(tuple(reversed(x))))
print(sys.getsizeof(divmod(2 ** 70, 3)), sys.getsizeof(tuple(map(str, range(4)))))
