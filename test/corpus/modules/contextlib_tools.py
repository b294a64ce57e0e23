# contextlib: contextmanager generators, suppress, ExitStack unwinding in reverse, redirect_stdout.
import io
from contextlib import ExitStack, contextmanager, redirect_stdout, suppress


@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')


with tag('html') as upper:
    with tag('body'):
        print('  content', upper)
with suppress(KeyError, IndexError):
    [][1]
print('suppressed')
with ExitStack() as stack:
    for n in ['a', 'b', 'c']:
        stack.enter_context(tag(n))
    stack.callback(print, 'callback registered last, runs first')
buf = io.StringIO()
with redirect_stdout(buf):
    print('captured line')
print('buffer holds', repr(buf.getvalue()))
try:
    with tag('err'):
        raise ValueError('inside')
except ValueError as e:
    print('propagated', e)
