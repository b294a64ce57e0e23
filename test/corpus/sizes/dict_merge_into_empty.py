# dict(d), {**d} and {}.update(d) resize an empty dict up front: its empty keys table has room for nothing
import copy
import sys
class P:
    def __init__(self):
        self.x = 1
        self.y = 2
p = P()
d = p.__dict__
print(sys.getsizeof(d), sys.getsizeof(dict(d)), sys.getsizeof(d.copy()), sys.getsizeof(copy.copy(d)), sys.getsizeof({**d}))
e = {}
e.update(d)
print(sys.getsizeof(e))
def instance(n):
    class B:
        pass
    o = B()
    for i in range(n):
        setattr(o, 'k%d' % i, i)
    return o
for n in range(1, 23):
    o = instance(n)
    one = {'q': 0}
    one.update(o.__dict__)
    general = {1: 0}
    general.update(o.__dict__)
    combined = dict.fromkeys(o.__dict__)
    print(n, sys.getsizeof(dict(o.__dict__)), sys.getsizeof({**o.__dict__}), sys.getsizeof(one), sys.getsizeof(general),
          sys.getsizeof(dict(combined)), sys.getsizeof(dict(**o.__dict__)))
r = P()
del r.x
print(sys.getsizeof(r.__dict__), sys.getsizeof(dict(r.__dict__)), sys.getsizeof(r.__dict__.copy()))
