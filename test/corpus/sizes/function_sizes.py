# function objects have a fixed size; defaults, closures and docstrings live in other objects
import sys
def f():
    pass
def g(a, b=1, *args, c=2, **kw):
    "doc"
    return a
lam = lambda x: x
print(sys.getsizeof(f), sys.getsizeof(g), sys.getsizeof(lam))
print(sys.getsizeof(g.__defaults__), sys.getsizeof(g.__kwdefaults__))
def outer():
    n = 0
    def inner():
        return n
    return inner
inner = outer()
print(sys.getsizeof(inner), sys.getsizeof(inner.__closure__), sys.getsizeof(inner.__closure__[0]))
print(sys.getsizeof(len), sys.getsizeof(print), sys.getsizeof([].append))
print(sys.getsizeof(staticmethod(f)), sys.getsizeof(classmethod(f)), sys.getsizeof(property(f)))
