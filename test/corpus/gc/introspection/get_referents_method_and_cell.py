# gc.get_referents on a bound method, a closure cell and a function (listed by type name).
import gc


class A:
    def m(self):
        return 1


a = A()
bm = a.m
print('bound method:', sorted(type(r).__name__ for r in gc.get_referents(bm)))
print('refers to its object:', any(r is a for r in gc.get_referents(bm)))


def outer():
    x = [1, 2]

    def inner():
        return x
    return inner


f = outer()
cell = f.__closure__[0]
print('cell:', [type(r).__name__ for r in gc.get_referents(cell)])
print('function refers to its closure tuple:', any(r is f.__closure__ for r in gc.get_referents(f)))
print('closure tuple refers to the cell:', gc.get_referents(f.__closure__)[0] is cell)
print('empty list:', gc.get_referents([]))
