# a class's shared keys hold 30 names; more attributes give an instance a dict of its own
import sys
class Wide:
    pass
w = Wide()
for i in range(34):
    setattr(w, 'attr%d' % i, i)
    if i in (0, 1, 10, 20, 28, 29, 30, 31, 33):
        print(i + 1, sys.getsizeof(w.__dict__))
v = Wide()
v.attr0 = 0
print(sys.getsizeof(v.__dict__))
v.fresh = 1
print(sys.getsizeof(v.__dict__))
