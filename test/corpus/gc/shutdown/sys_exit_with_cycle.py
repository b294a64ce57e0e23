# sys.exit() with objects alive in a cycle and in globals: finalizers still run at shutdown.
import sys


class Res:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print('release', self.name)


x = Res('x')
y = Res('y')
x.peer, y.peer = y, x
z = Res('z')
print('calling sys.exit(3)')
sys.exit(3)
