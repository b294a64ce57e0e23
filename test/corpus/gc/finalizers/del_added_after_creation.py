# Assigning __del__ to a class after instances exist still makes them call it; an instance attribute does not.
class Lazy:
    def __init__(self, name):
        self.name = name


early = Lazy('early')
Lazy.__del__ = lambda self: print('class-level __del__ for', self.name)
late = Lazy('late')
del early
del late
odd = Lazy('instance-level')
del Lazy.__del__
odd.__del__ = lambda: print('never printed')
del odd
print('instance attribute __del__ was ignored')
