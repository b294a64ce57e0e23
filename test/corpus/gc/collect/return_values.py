# gc.collect() returns how many unreachable objects it found; acyclic garbage never reaches it.
import gc


class Obj:
    pass


print('nothing to do:', gc.collect())
x = [1, 2, 3]
del x
print('after freeing an acyclic list:', gc.collect())
a = []
a.append(a)
del a
print('one self-referencing list:', gc.collect())
for _ in range(5):
    b = []
    b.append(b)
del b
print('five of them:', gc.collect())
o = Obj()
o.me = o
del o
print('self-referencing instance:', gc.collect())
p = Obj()
p.__dict__
p.me = p
del p
print('instance whose __dict__ was materialized:', gc.collect())
