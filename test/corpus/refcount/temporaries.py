# Objects that no name holds: a temporary passed straight to getrefcount has only the call's reference.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make_point():
    return Point(1, 2)


print('fresh object:', sys.getrefcount(object()))
print('fresh list:', sys.getrefcount([1, 2, 3]))
print('result of a call:', sys.getrefcount(make_point()))
print('concatenation result:', sys.getrefcount([0] + [1]))
print('runtime string:', sys.getrefcount('-'.join(['a', 'b', 'c'])))
n = 30
print('big int computed at run time:', sys.getrefcount(10 ** n + 1))
p = make_point()
print('the same, once bound:', sys.getrefcount(p))
print('a new list of it:', sys.getrefcount([p]))
