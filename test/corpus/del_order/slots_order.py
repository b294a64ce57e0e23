# An instance with __slots__ releases its slot values in slot order, whatever order they were set in.
class Part:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('  free', self.name)


class Compact:
    __slots__ = ('first', 'second', 'third')

    def __init__(self):
        self.third = Part('third')
        self.first = Part('first')
        self.second = Part('second')


c = Compact()
print('dropping the slotted instance')
del c
d = Compact()
del d.first
print('after deleting one slot')
d = None
print('end')
