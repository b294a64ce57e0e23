# sys.getrefcount of the items inside a list comprehension, a generator expression and a plain loop.
import sys


class Cell:
    def __init__(self, n):
        self.n = n


cells = [Cell(i) for i in range(3)]
print('comprehension:', [sys.getrefcount(c) for c in cells])
print('generator expression:', list(sys.getrefcount(c) for c in cells))
print('dict comprehension:', {c.n: sys.getrefcount(c) for c in cells})
loop = []
for c in cells:
    loop.append(sys.getrefcount(c))
print('for loop:', loop)


def in_function():
    local_cells = [Cell(i) for i in range(2)]
    return [sys.getrefcount(c) for c in local_cells]


print('comprehension in a function:', in_function())
