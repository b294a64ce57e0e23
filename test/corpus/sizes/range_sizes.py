# a range object is the same size whatever it spans; its list is not
import sys
for r in (range(0), range(10), range(10 ** 6), range(-5, 5, 2)):
    print(len(r), sys.getsizeof(r))
print(sys.getsizeof(range(10 ** 9)), sys.getsizeof(range(-10 ** 9, 10 ** 9, 7)))
print(sys.getsizeof(range(100)), sys.getsizeof(list(range(100))), sys.getsizeof(tuple(range(100))))
print(sys.getsizeof(iter(range(3))), sys.getsizeof(reversed(range(3))))
print(sys.getsizeof(range(5)[1:3]), sys.getsizeof(range(10)[::2]))
print(range.__sizeof__(range(3)))
