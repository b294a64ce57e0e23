# When something still holds __main__ at shutdown, its globals are set to None: _single names first.
import builtins
import sys


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('freed at exit:', self.name)


alpha = Tracked('alpha')
_hidden = Tracked('_hidden')
__dunder = Tracked('__dunder')
beta = Tracked('beta')
_also = Tracked('_also')
builtins.kept_main = sys.modules[__name__]
print('end of program body; __main__ is kept alive by builtins')
