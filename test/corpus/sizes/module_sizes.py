# module objects are small; their namespace dict is where the names live
import sys
import math
import collections
print(sys.getsizeof(sys), sys.getsizeof(math), sys.getsizeof(collections))
print(sys.getsizeof(math) == sys.getsizeof(collections))
ns = math.__dict__
print(len(ns) > 10, sys.getsizeof(ns) > sys.getsizeof({}))
print(sys.getsizeof(None), sys.getsizeof(Ellipsis), sys.getsizeof(NotImplemented))
print(sys.getsizeof(type(None)) == sys.getsizeof(int))
print(sys.getsizeof(math.pi), sys.getsizeof(math.sqrt), sys.getsizeof(math.inf))
print(sys.getsizeof(sys.maxsize), sys.getsizeof(-sys.maxsize - 1))
print(sys.getsizeof(sys.argv) >= sys.getsizeof([]))
