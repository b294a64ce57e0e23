# type(), isinstance, issubclass, __class__, __name__/__qualname__, and building a class with type().
class Shape:
    class Meta:
        pass

    def area(self):
        return 0


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


s = Square(3)
print(type(s).__name__, s.__class__ is Square, type(s) is Shape)
print(isinstance(s, Shape), isinstance(s, (int, Square)), issubclass(Square, object))
print(Shape.Meta.__qualname__, Square.area.__qualname__, Square.__bases__[0].__name__)
print(type(Square).__name__, type(type).__name__, type(3).__name__)
Circle = type('Circle', (Shape,), {'area': lambda self: 3})
print(Circle.__name__, Circle().area(), Circle.__mro__[1].__name__)
print(sorted(k for k in vars(Square) if not k.startswith('__')))
print(Square.__module__, Square.__dict__['area'].__name__)
