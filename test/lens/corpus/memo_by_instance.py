# lens-corpus: a module-level memo dict keyed by shape instances; after the batch is done the shapes are dropped by the caller but the memo keeps every one of them alive.
import math


class Polygon:
    def __init__(self, name, points):
        self.name = name
        self.points = points


_area_memo = {}


def area(poly):
    if poly in _area_memo:
        return _area_memo[poly]
    pts = poly.points
    total = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % len(pts)]
        total += x1 * y2 - x2 * y1
    result = abs(total) / 2
    _area_memo[poly] = result  # expect: missing-weakref
    return result


def regular(name, sides, radius):
    pts = []
    for k in range(sides):
        angle = 2 * math.pi * k / sides
        pts.append((round(radius * math.cos(angle), 6), round(radius * math.sin(angle), 6)))
    return Polygon(name, pts)


def report_batch():
    shapes = [
        Polygon("square", [(0, 0), (4, 0), (4, 4), (0, 4)]),
        Polygon("triangle", [(0, 0), (6, 0), (0, 3)]),
        regular("hexagon", 6, 2.0),
        regular("octagon", 8, 1.5),
    ]
    for _ in range(3):
        biggest = max(shapes, key=area)
    for shape in shapes:
        print(f"{shape.name:9s} {area(shape):8.3f}")
    print("largest:", biggest.name)


report_batch()
print("memo entries after the batch:", len(_area_memo))
