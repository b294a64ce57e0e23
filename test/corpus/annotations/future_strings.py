# from __future__ import annotations: strings on every version, and 3.14 makes no __annotate__ for them
from __future__ import annotations
import sys


def f(x: Undefined, y: list[int] = []) -> Undefined | None:
    return None


class C:
    a: Missing
    b: dict[str, C] = {}


print(f.__annotations__)
print(C.__annotations__)
print(type(getattr(f, '__annotate__', None)).__name__, getattr(C, '__annotate__', 'absent'))
annotate = getattr(f, '__annotate__', None)
print(annotate(1) if annotate else 'no __annotate__')
print(sorted(k for k in vars(C) if 'annot' in k))
x: int = 5
print('__annotations__' in globals(), __annotations__)
print(sys.modules[__name__].__annotations__ if __name__ in sys.modules else 'no module')
