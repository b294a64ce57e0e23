# __annotate__ (3.14): the function that computes __annotations__, its shape, its cache, and what replaces it
def f(x: int, *args: str, key: float = 0.0, **kw: bytes) -> None:
    pass


def plain(x):
    pass


annotate = getattr(f, '__annotate__', 'absent')
print(type(annotate).__name__, getattr(annotate, '__name__', None), getattr(plain, '__annotate__', 'absent'))
if callable(annotate):
    print(annotate.__code__.co_varnames[:1], annotate.__code__.co_argcount, annotate.__code__.co_posonlyargcount)
    print(annotate(1))
    for fmt in (2, 3, 4):
        try:
            print(fmt, len(annotate(fmt)))
        except NotImplementedError as e:
            print(fmt, 'NotImplementedError', e.args)
print(f.__annotations__, f.__annotations__ is f.__annotations__, plain.__annotations__)

f.__annotations__ = {'replaced': True}
print(f.__annotations__, getattr(f, '__annotate__', 'absent'))
try:
    f.__annotations__ = 5
except TypeError as e:
    print('TypeError:', e)
del f.__annotations__
print(f.__annotations__)


class Base:
    a: int
    b: 'str' = 'b'


class Child(Base):
    pass


print(sorted(k for k in Base.__dict__ if 'annot' in k))
print(Base.__annotations__, Child.__annotations__)
print(sorted(k for k in Base.__dict__ if 'annot' in k), sorted(k for k in Child.__dict__ if 'annot' in k))
print(getattr(Base, '__annotate__', 'absent') is getattr(Base, '__annotate_func__', 'absent'))
print(hasattr(int, '__annotations__'))
