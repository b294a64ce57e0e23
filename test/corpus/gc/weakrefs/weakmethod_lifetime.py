# WeakMethod keeps a bound method usable while its object lives; a plain ref to a bound method dies at once.
import weakref


class Greeter:
    def __init__(self, name):
        self.name = name

    def hello(self):
        return 'hello from ' + self.name

    def __del__(self):
        print('greeter', self.name, 'freed')


g = Greeter('g1')
plain = weakref.ref(g.hello)
print('plain ref to bound method:', plain())
wm = weakref.WeakMethod(g.hello, lambda r: print('WeakMethod callback'))
print('WeakMethod gives a fresh bound method:', wm()())
print('wm() is g.hello:', wm() is g.hello, 'but equal:', wm() == g.hello)
del g
print('after del, wm():', wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print('TypeError:', e)
