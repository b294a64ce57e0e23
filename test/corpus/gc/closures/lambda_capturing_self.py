# A lambda that captures self, stored on self: instance -> lambda -> cell -> instance.
import gc


class Counter:
    def __init__(self, name):
        self.name = name
        self.value = 0
        me = self
        self.bump = lambda: setattr(me, 'value', me.value + 1) or me.value

    def __del__(self):
        print('counter', self.name, 'freed at', self.value)


c = Counter('clicks')
c.bump()
print('bumped twice:', c.bump())
print('closure cell holds c:', c.bump.__closure__[0].cell_contents is c)
del c
print('after del: nothing freed')
print('collect found:', gc.collect())
