# a frame object holds the function's locals and evaluation stack inline
import sys
def none():
    return sys._getframe()
def three(a, b, c):
    return sys._getframe()
def many(a, b, c, d, e, f, g, h):
    x = a
    return sys._getframe()
print(sys.getsizeof(none()))
print(sys.getsizeof(three(1, 2, 3)))
print(sys.getsizeof(many(1, 2, 3, 4, 5, 6, 7, 8)))
def nested():
    inner = 1
    def f():
        return inner
    return sys._getframe()
print(sys.getsizeof(nested()))
