# except*: each handler takes its part of the group; what is left, re-raised or newly raised goes on.
def run(raise_it):
    try:
        raise_it()
    except* ValueError as eg:
        print('  value part:', repr(eg))
    except* KeyError:
        print('  key part, then re-raised')
        raise
    except* TypeError:
        raise RuntimeError('from a handler')

def whole():
    raise ExceptionGroup('all', [ValueError(1), ExceptionGroup('inner', [ValueError(2)])])

def mixed():
    raise ExceptionGroup('mixed', [ValueError(1), KeyError(2), OSError(3)])

def naked():
    raise ValueError('bare')

def with_new():
    raise ExceptionGroup('new', [TypeError(4), KeyError(5)])

for case in (whole, mixed, naked, with_new):
    print(case.__name__)
    try:
        run(case)
    except BaseException as e:
        print('  escaped:', type(e).__name__, repr(e))
        if isinstance(e, ExceptionGroup):
            for sub in e.exceptions:
                print('    ', repr(sub), type(sub.__context__).__name__)

try:
    raise TypeError('plain')
except* TypeError as eg:
    print('wrapped:', repr(eg), repr(eg.exceptions[0]))
else:
    print('never')

# Nothing handles this one: CPython prints the group's boxed traceback.
raise ExceptionGroup('left over', [ValueError('a'), ExceptionGroup('nested', [KeyError('b')])])
