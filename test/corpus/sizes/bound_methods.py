# a bound method is a small object pairing the function and the instance
import sys
class K:
    def m(self):
        return 1
    @classmethod
    def c(cls):
        return cls
    @staticmethod
    def s():
        return 0
k = K()
print(sys.getsizeof(k.m), sys.getsizeof(K.c), sys.getsizeof(K.s), sys.getsizeof(K.m))
print(sys.getsizeof(k.m) == sys.getsizeof(k.c))
print(sys.getsizeof('abc'.upper), sys.getsizeof([].append), sys.getsizeof({}.get))
print(sys.getsizeof(K.__dict__), sys.getsizeof(K.__dict__['m']))
print(sys.getsizeof(super(K, k)))
m = k.m
print(sys.getsizeof(m.__func__) == sys.getsizeof(K.m), sys.getsizeof(m.__self__))
