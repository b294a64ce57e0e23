# many records: plain dicts vs instances with shared keys vs __slots__
import sys
class Rec:
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c
class SRec:
    __slots__ = ('a', 'b', 'c')
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c
d = {'a': 1, 'b': 2, 'c': 3}
r = Rec(1, 2, 3)
s = SRec(1, 2, 3)
print(sys.getsizeof(d), sys.getsizeof(r), sys.getsizeof(s))
print(sys.getsizeof(r) + sys.getsizeof(r.__dict__))
print(sys.getsizeof((1, 2, 3)), sys.getsizeof([1, 2, 3]))
