# Tuple packing and unpacking do not leave extra references behind.
import sys


class Node:
    def __init__(self, label):
        self.label = label


a, b = Node('a'), Node('b')
print('a, b:', sys.getrefcount(a), sys.getrefcount(b))
a, b = b, a
print('swapped:', a.label, b.label, sys.getrefcount(a), sys.getrefcount(b))
pair = (a, b)
x, y = pair
print('unpacked from a kept tuple:', sys.getrefcount(a))
first, *rest = [a, b, a]
print('star unpacking:', len(rest), sys.getrefcount(a))
del pair, x, y, first, rest
print('back to names only:', sys.getrefcount(a), sys.getrefcount(b))
