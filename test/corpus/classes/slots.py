# __slots__ replaces the per-instance __dict__ with fixed attributes; unknown attributes are refused.
class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3D(Point):
    __slots__ = ('z',)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


p = Point(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'))
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError:', e)
q = Point3D(1, 2, 3)
print(q.x, q.y, q.z, Point3D.__slots__)
unset = Point.__new__(Point)
try:
    unset.x
except AttributeError as e:
    print('unset slot:', e)
print(type(Point.x).__name__)
