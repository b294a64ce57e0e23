# Freeing an instance releases its attributes in the order they were first set.
class Part:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('  free', self.name)


class Machine:
    def __init__(self):
        self.motor = Part('motor')
        self.wheel = Part('wheel')
        self.light = Part('light')

    def __del__(self):
        print('  free machine')


m = Machine()
m.horn = Part('horn')
m.wheel = Part('wheel-2')
print('dropping the machine')
del m
print('end')
