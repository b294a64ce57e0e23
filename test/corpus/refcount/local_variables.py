# sys.getrefcount of objects held only by local variables of a function.
import sys


def build_report():
    rows = [[1, 2], [3, 4]]
    print('rows, one local:', sys.getrefcount(rows))
    first = rows[0]
    print('first row, local + list slot:', sys.getrefcount(first))
    same = rows
    print('rows, two locals:', sys.getrefcount(rows))
    del same
    print('rows after del:', sys.getrefcount(rows))
    return rows


report = build_report()
print('returned and bound to a global:', sys.getrefcount(report))
print('first row seen from the global:', sys.getrefcount(report[0]))
