# lens-corpus: a point cloud keeps a few thousand small Point objects alive at once; the class has no __slots__, so each point carries its own instance dict.
import math


class Point:  # expect: slots-saving
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2 + (self.z - other.z) ** 2


def sphere_shell(n, radius):
    points = []
    golden = math.pi * (3 - math.sqrt(5))
    for i in range(n):
        y = 1 - (i / (n - 1)) * 2
        r = math.sqrt(1 - y * y)
        theta = golden * i
        points.append(Point(round(math.cos(theta) * r * radius, 4), round(y * radius, 4), round(math.sin(theta) * r * radius, 4)))
    return points


def bounding_box(points):
    xs = [p.x for p in points]
    ys = [p.y for p in points]
    zs = [p.z for p in points]
    return (min(xs), min(ys), min(zs)), (max(xs), max(ys), max(zs))


cloud = sphere_shell(2000, 5.0)
low, high = bounding_box(cloud)
print("points:", len(cloud))
print("box:", low, high)
origin = Point(0.0, 0.0, 0.0)
far = max(cloud, key=origin.dist2)
print("farthest from origin:", round(math.sqrt(origin.dist2(far)), 3))
