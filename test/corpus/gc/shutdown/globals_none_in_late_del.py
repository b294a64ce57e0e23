# If __main__ outlives shutdown's collections, a late __del__ sees globals already replaced by None.
import builtins
import sys

log_prefix = 'LOG:'


class Conn:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(self.name, 'closing; log_prefix is', log_prefix)


first = Conn('first')
second = Conn('second')
builtins.kept_main = sys.modules[__name__]
print('end of program body')
