# __del__ is looked up on the type: a subclass overriding it must call super().__del__() itself.
import gc


class Base:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('Base.__del__', self.name)


class Polite(Base):
    def __del__(self):
        print('Polite.__del__', self.name)
        super().__del__()


class Rude(Base):
    def __del__(self):
        print('Rude.__del__', self.name)


class Inherits(Base):
    pass


for cls in (Polite, Rude, Inherits):
    obj = cls(cls.__name__.lower())
    del obj
x = Polite('in-cycle')
x.me = x
del x
print('collect found:', gc.collect())
