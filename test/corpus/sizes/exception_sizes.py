# exception objects: BaseException's fields plus those each subclass adds
import sys
for cls in (BaseException, Exception, ValueError, KeyError, StopIteration, SystemExit, OSError, SyntaxError,
            ImportError, ModuleNotFoundError, AttributeError, NameError, UnicodeError):
    print(cls.__name__, sys.getsizeof(cls()))
print(sys.getsizeof(ValueError('a long message ' * 10)))
class MyError(Exception):
    pass
class Rich(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
print(sys.getsizeof(MyError()), sys.getsizeof(Rich(3)))
try:
    raise KeyError('k')
except KeyError as e:
    print(sys.getsizeof(e), sys.getsizeof(e.__traceback__))
