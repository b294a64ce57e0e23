# `raise ... from` sets __cause__; raising inside a handler sets __context__ implicitly.
class ConfigError(Exception):
    pass


def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f'bad setting {text!r}') from e


def load_implicit(text):
    try:
        return int(text)
    except ValueError:
        raise ConfigError('implicit')


for loader in (load, load_implicit):
    try:
        loader('abc')
    except ConfigError as e:
        print(loader.__name__, '->', e)
        print('  cause:', repr(e.__cause__))
        print('  context:', repr(e.__context__))
        print('  suppress_context:', e.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError:
        raise RuntimeError('hidden') from None
except RuntimeError as e:
    print('from None:', e.__cause__, e.__suppress_context__, repr(e.__context__))
