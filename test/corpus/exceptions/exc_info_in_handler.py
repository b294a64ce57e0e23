# sys.exc_info() and sys.exception() describe the exception being handled, and nothing outside handlers.
import sys


def describe():
    t, v, tb = sys.exc_info()
    return None if t is None else f'{t.__name__}: {v}'


print('outside:', describe())
try:
    raise KeyError('x')
except KeyError:
    print('inside:', describe())
    try:
        raise ValueError('nested')
    except ValueError:
        print('nested:', describe())
    print('back in outer handler:', describe())
print('after:', describe())


def in_generator():
    try:
        raise RuntimeError('gen')
    except RuntimeError:
        yield describe()


print('generator:', next(in_generator()))
