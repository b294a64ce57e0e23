# __exit__ returning True suppresses the exception; returning False lets it propagate.
class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print('  exit: no exception')
            return False
        handled = issubclass(exc_type, self.types)
        print(f'  exit: {exc_type.__name__}, suppressed={handled}')
        return handled


with Suppress(KeyError):
    {}['missing']
print('continued after KeyError')
with Suppress(KeyError):
    print('  body ran')
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print('propagated:', e)
