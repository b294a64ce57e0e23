# copies of an instance dict share the class's keys, like the dict they copy
import sys
class P:
    def __init__(self):
        self.x = 1
        self.y = 2
p = P()
d = p.__dict__
c = d.copy()
print(sys.getsizeof(d), sys.getsizeof(c))
print(len(c), sys.getsizeof(p))
c['z'] = 3
print(sys.getsizeof(c), sys.getsizeof(d))
q = P()
print(sys.getsizeof(q.__dict__), sys.getsizeof(d), sys.getsizeof(c))
