# a non-str key put into an instance __dict__ turns it into a combined table
import sys
class Box:
    def __init__(self):
        self.a = 1
b = Box()
d = b.__dict__
print(sys.getsizeof(d))
d[1] = 'one'
print(sys.getsizeof(d), len(d))
c = Box()
print(sys.getsizeof(c.__dict__))
c.__dict__['b'] = 2
print(sys.getsizeof(c.__dict__))
del c.a
print(sys.getsizeof(c.__dict__))
c.__dict__.clear()
print(sys.getsizeof(c.__dict__))
