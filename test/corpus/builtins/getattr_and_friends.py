# getattr/setattr/hasattr/delattr, vars, dir filtering, isinstance and callable on ordinary objects.
class Settings:
    debug = False

    def __init__(self):
        self.level = 1


s = Settings()
print(getattr(s, 'level'), getattr(s, 'missing', 'n/a'), hasattr(s, 'debug'))
setattr(s, 'debug', True)
setattr(s, 'new_option', [1, 2])
print(vars(s))
delattr(s, 'new_option')
print(sorted(vars(s)), Settings.debug)
print([name for name in dir(s) if not name.startswith('_')])
print(isinstance(s, Settings), isinstance(3, (str, int)), isinstance(True, int))
print(callable(len), callable(s), callable(Settings), callable(s.__init__))
print(type(s).__name__, type(len).__name__, type(s.__init__).__name__, type(Settings.__init__).__name__)
try:
    getattr(s, 'nope')
except AttributeError as e:
    print('AttributeError:', e)
