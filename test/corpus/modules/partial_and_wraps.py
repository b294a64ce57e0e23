# functools.partial freezes arguments; functools.wraps copies the wrapped function's metadata.
from functools import partial, wraps


def log(level, message, *, sep=': '):
    return f'{level}{sep}{message}'


warn = partial(log, 'WARN')
debug = partial(log, 'DEBUG', sep=' | ')
print(warn('disk almost full'), debug('x=1'), debug('y', sep='='))
print(warn.func.__name__, warn.args, debug.keywords)
base2 = partial(int, base=2)
print(base2('1010'), base2('111'))


def traced(func):
    @wraps(func)
    def wrapper(*args):
        """wrapper docstring"""
        return func(*args)
    return wrapper


def bare(func):
    def wrapper(*args):
        return func(*args)
    return wrapper


@traced
def add(a, b):
    """Add two numbers."""
    return a + b


@bare
def sub(a, b):
    return a - b


print(add.__name__, add.__doc__, add(2, 3), sub.__name__, sub.__qualname__)
