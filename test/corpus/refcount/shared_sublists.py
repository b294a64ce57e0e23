# Nested containers: a sublist shared by several outer lists, and what copying does to the counts.
import copy
import sys

row = [0, 0, 0]
grid = [row, row, row]
print('row shared by grid:', sys.getrefcount(row))
shallow = list(grid)
print('after a shallow copy of grid:', sys.getrefcount(row))
deep = copy.deepcopy(grid)
print('after a deep copy of grid:', sys.getrefcount(row))
print('deep copy shares one new row:', deep[0] is deep[1], deep[0] is row)
print('new row count:', sys.getrefcount(deep[0]))
grid[1] = [0, 0, 0]
print('grid row replaced:', sys.getrefcount(row))
del shallow
print('shallow copy gone:', sys.getrefcount(row))
