# The name bound by `except ... as e` is deleted when the handler ends, so the traceback cycle is broken.
e = 'outer value'
try:
    raise ValueError('inside')
except ValueError as e:
    print('in handler:', repr(e))
try:
    print(e)
except NameError as err:
    print('after handler:', err)


def keep_exception():
    try:
        int('not a number')
    except ValueError as exc:
        saved = exc
    return saved


kept = keep_exception()
print('kept by another name:', type(kept).__name__, kept.args)
print('traceback still attached:', kept.__traceback__ is not None)
