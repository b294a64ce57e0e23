# An object used as a dict key and as a value: the dict holds one reference for each use.
import sys


class Key:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return len(self.name)

    def __eq__(self, other):
        return isinstance(other, Key) and other.name == self.name


k = Key('alpha')
print('key alone:', sys.getrefcount(k))
d = {k: 1}
print('as a key:', sys.getrefcount(k))
d[Key('alpha')] = 2
print('equal key replaces the value, keeps the old key:', sys.getrefcount(k), d[k])
d['self'] = k
print('also as a value:', sys.getrefcount(k))
d.pop(k)
print('popped as key:', sys.getrefcount(k))
other = dict.fromkeys([k, 'x'])
print('fromkeys:', sys.getrefcount(k))
other.clear()
d.clear()
print('all cleared:', sys.getrefcount(k))
