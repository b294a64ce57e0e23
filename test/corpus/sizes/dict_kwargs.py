# **kwargs dicts and dict(**kw) calls are sized like other dicts
import sys
def f(**kw):
    return sys.getsizeof(kw)
print(f(), f(a=1), f(a=1, b=2, c=3, d=4, e=5), f(a=1, b=2, c=3, d=4, e=5, g=6))
print(f(**{'k%d' % i: i for i in range(12)}))
def g(*args):
    return sys.getsizeof(args)
print(g(), g(1), g(1, 2, 3), g(*range(10)))
print(sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict({'a': 1}, b=2)))
opts = dict(zip(['x', 'y', 'z'], [1, 2, 3]))
print(sys.getsizeof(opts))
print(sys.getsizeof(vars(type('T', (), {})())))
