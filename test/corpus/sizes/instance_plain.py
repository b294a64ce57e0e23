# an instance of a plain class: the object, and the pre-header where its dict and weakrefs live
import sys
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Empty:
    pass
p = Point(1, 2)
print(sys.getsizeof(p), sys.getsizeof(Empty()), object.__sizeof__(p))
print(sys.getsizeof(p) == sys.getsizeof(Point(3, 4)))
print(sys.getsizeof(object()))
class Child(Point):
    pass
print(sys.getsizeof(Child(1, 2)))
class Grand(Child):
    def __init__(self):
        super().__init__(0, 0)
        self.z = 0
print(sys.getsizeof(Grand()))
