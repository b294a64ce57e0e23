# Method resolution order in a diamond: C3 linearization, and super() following the MRO, not the parent.
class Base:
    def hello(self):
        return ['Base']


class Left(Base):
    def hello(self):
        return ['Left'] + super().hello()


class Right(Base):
    def hello(self):
        return ['Right'] + super().hello()


class Child(Left, Right):
    def hello(self):
        return ['Child'] + super().hello()


print([c.__name__ for c in Child.__mro__])
print(Child().hello())
print([c.__name__ for c in Left.__mro__])
print(Left().hello())
try:
    class Broken(Left, Child):
        pass
except TypeError as e:
    print('TypeError:', e)
