# dataclasses generate __init__, __repr__, __eq__, ordering and frozen instances.
from dataclasses import dataclass, field, asdict, replace


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    tags: list = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class Point:
    x: float
    y: float


v1 = Version(1, 2)
v2 = Version(1, 10, tags=['beta'])
print(v1, v2)
print(v1 < v2, v1 == Version(1, 2, 0, ['other']), sorted([v2, v1])[0])
print(asdict(v2))
p = Point(1.5, 2.0)
print(p, replace(p, y=0.0), hash(p) == hash(Point(1.5, 2.0)))
try:
    p.x = 9
except Exception as e:
    print(type(e).__name__, e)
