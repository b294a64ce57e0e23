# Objects hanging off a cycle with __del__ are still intact while the finalizers run, then freed.
import gc


class Child:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('  child', self.name, 'freed')


class Parent:
    def __init__(self, name):
        self.name = name
        self.child = Child(name + '.child')
        self.other = None

    def __del__(self):
        print('parent', self.name, 'finalizing, child is', self.child.name)


p, q = Parent('p'), Parent('q')
p.other, q.other = q, p
del p, q
print('collect found:', gc.collect())
