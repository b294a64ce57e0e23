# each new instance lowers the shared keys' spare room by one: dict sizes shrink then settle
import sys
class C:
    pass
objs = []
for i in range(40):
    o = C()
    o.a = i
    objs.append(o)
    if i % 5 == 0 or i > 27:
        print(i, sys.getsizeof(o.__dict__))
print(sys.getsizeof(objs[0].__dict__))
