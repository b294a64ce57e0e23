# __context__ and __cause__ keep earlier exceptions alive as long as the last one; refcount frees the chain.
import gc
import weakref


class First(KeyError):
    pass


class Second(ValueError):
    pass


def layered():
    try:
        try:
            raise First('first')
        except First:
            raise Second('second')
    except Second as e:
        raise RuntimeError('third') from e


try:
    layered()
except RuntimeError as e:
    last = e
chain, exc = [], last
while exc is not None:
    chain.append(type(exc).__name__)
    exc = exc.__cause__ or exc.__context__
print('chain:', chain)
print('suppress_context:', last.__suppress_context__)
refs = [weakref.ref(last.__cause__), weakref.ref(last.__cause__.__context__)]
print('while last is held:', [r() is not None for r in refs])
del last, exc
print('after del, earlier exceptions alive:', [r() is not None for r in refs])
print('collect found:', gc.collect())
print('after collect:', [r() is not None for r in refs])
