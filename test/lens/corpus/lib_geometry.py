# lens-corpus: clean library module (definitions only): immutable geometry helpers built on NamedTuple and plain functions; nothing is instantiated at import and nothing refers back to its owner.
import math
from typing import NamedTuple


class Vec(NamedTuple):
    x: float
    y: float

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def length(self):
        return math.hypot(self.x, self.y)


class Segment(NamedTuple):
    start: Vec
    end: Vec

    def midpoint(self):
        return (self.start + self.end).scale(0.5)

    def length(self):
        return (self.end - self.start).length()


def polygon_perimeter(points):
    total = 0.0
    for a, b in zip(points, points[1:] + points[:1]):
        total += Segment(a, b).length()
    return total


def centroid(points):
    sx = sum(p.x for p in points)
    sy = sum(p.y for p in points)
    return Vec(sx / len(points), sy / len(points))


def rotate(point, angle, around=Vec(0.0, 0.0)):
    c, s = math.cos(angle), math.sin(angle)
    d = point - around
    return Vec(around.x + d.x * c - d.y * s, around.y + d.x * s + d.y * c)
