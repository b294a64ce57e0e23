# bool is an int subclass: True and False are sized as the ints 1 and 0
import sys
print(sys.getsizeof(True), sys.getsizeof(False))
print(sys.getsizeof(True) == sys.getsizeof(1), sys.getsizeof(False) == sys.getsizeof(0))
print(bool.__sizeof__(True), int.__sizeof__(False))
print(sys.getsizeof(True + True), sys.getsizeof(True * 2 ** 40))
flags = [x > 2 for x in range(5)]
print([sys.getsizeof(f) for f in flags])
print(sys.getsizeof(int(True)), sys.getsizeof(not 0))
print(sys.getsizeof(True & False), sys.getsizeof(True | 4))
print(sys.getsizeof(-True), sys.getsizeof(True - 2))
print(sys.getsizeof(sum([True] * 10)))
