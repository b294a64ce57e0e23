# A recursive inner function refers to itself through a cell: function -> closure -> cell -> function.
import gc
import weakref


def make_factorial():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact


f = make_factorial()
print('fact(6) =', f(6))
print('free vars:', f.__code__.co_freevars)
print('cell holds the function itself:', f.__closure__[0].cell_contents is f)
r = weakref.ref(f)
del f
print('after del, still alive:', r() is not None)
print('collect found:', gc.collect())
print('now dead:', r() is None)
