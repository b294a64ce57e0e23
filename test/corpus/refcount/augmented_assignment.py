# += on a list mutates it in place (same object, same count); on a tuple it makes a new object.
import sys


class Tag:
    pass


t = Tag()
names = [t]
print('tag in list:', sys.getrefcount(t))
same = names
names += [t]
print('list extended in place:', names is same, sys.getrefcount(t))
frozen = (t,)
old = frozen
frozen += (t,)
print('tuple replaced:', frozen is old, sys.getrefcount(t))
del old
print('old tuple dropped:', sys.getrefcount(t))
names *= 2
print('list repeated in place:', len(names), sys.getrefcount(t))
names[:] = []
print('list emptied:', sys.getrefcount(t))
