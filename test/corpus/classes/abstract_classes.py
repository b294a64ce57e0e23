# Abstract base classes refuse instantiation until every abstract method is implemented.
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f'{type(self).__name__}: area {self.area()}, perimeter {self.perimeter()}'


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Half(Shape):
    def area(self):
        return 1


print(Rect(2, 3).describe())
print(sorted(Shape.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print('TypeError:', e)
