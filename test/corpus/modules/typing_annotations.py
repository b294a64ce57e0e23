# Type annotations are stored, not enforced: __annotations__ of functions and classes, and typing aliases.
from typing import Optional, Union


def greet(name: str, times: int = 1) -> str:
    return ' '.join([f'hi {name}'] * times)


class Config:
    host: str
    port: int = 8080
    tags: list[str] = []


print(greet('ada', 2), greet(42))
print({k: getattr(v, '__name__', v) for k, v in greet.__annotations__.items()})
print(sorted(Config.__annotations__), Config.port, hasattr(Config, 'host'))
print(list[int], dict[str, list[int]], Optional[int] == Union[int, None], int | None)
Vector = list[float]


def scale(v: Vector, k: float) -> Vector:
    return [k * x for x in v]


print(scale([1.0, 2.0], 2), scale.__annotations__['return'])
x: int = 'not checked'
print(x, __annotations__ if '__annotations__' in dir() else 'no module annotations')
