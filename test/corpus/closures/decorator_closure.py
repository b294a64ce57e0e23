# A decorator is a closure over the wrapped function; state in the closure counts calls.
import functools


def counted(func):
    calls = 0

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        print(f'call #{calls} of {func.__name__}{args}')
        return func(*args, **kwargs)

    wrapper.get_calls = lambda: calls
    return wrapper


@counted
def area(w, h):
    return w * h


print(area(2, 3))
print(area(4, 5))
print('calls:', area.get_calls(), 'name:', area.__name__)
print('wrapped is the original:', area.__wrapped__(1, 1))
