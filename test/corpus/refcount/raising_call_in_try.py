# A function or method that raises, called again and again inside try: the call's references are dropped
# once each, so the function keeps its count and stays alive.
import sys


class A:
    def m(self):
        raise ValueError('m')


def f(x):
    raise KeyError(x)


a = A()
m = A.__dict__['m']
print('method before', sys.getrefcount(m))
print('function before', sys.getrefcount(f))
for i in range(5):
    try:
        a.m()
    except ValueError:
        pass
    try:
        f(i)
    except KeyError:
        pass
print('method after', sys.getrefcount(m))
print('function after', sys.getrefcount(f))
print(a.m.__func__ is m)
