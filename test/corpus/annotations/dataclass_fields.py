# dataclasses and typing read annotations on every version; 3.14 computes them on demand (annotationlib)
import dataclasses
import typing


@dataclasses.dataclass
class Point:
    Unit = float
    x: Unit = 0.0
    y: 'Unit' = 0.0
    tags: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Point3(Point):
    z: int = 0


print(Point(1.5), Point3(1, 2, z=3))
print([(f.name, f.type) for f in dataclasses.fields(Point3)])
print(typing.get_type_hints(Point3))
print(Point.__annotations__, Point3.__annotations__)


class Manual:
    __annotations__ = {'manual': int}


print(Manual.__annotations__)
try:
    print(Manual.__annotate__)
except AttributeError as e:
    print('AttributeError:', e)


def typed(a: int, b: 'Point' = None) -> bool:
    return True


print(typing.get_type_hints(typed))
try:
    import annotationlib
    print(annotationlib.get_annotations(typed), list(annotationlib.Format))
except ImportError as e:
    print('ImportError:', e)
