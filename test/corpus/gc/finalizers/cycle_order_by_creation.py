# Members of a cycle are finalized in creation order, whatever order the links or the dels go in.
import gc


class Part:
    def __init__(self, name):
        self.name = name
        self.links = []

    def __del__(self):
        print('__del__', self.name)


c = Part('c-created-first')
a = Part('a-created-second')
b = Part('b-created-third')
b.links.append(a)
a.links.append(c)
c.links.append(b)
del b
del a
del c
print('collect found:', gc.collect())
