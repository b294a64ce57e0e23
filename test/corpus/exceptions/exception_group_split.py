# ExceptionGroup.split and subgroup keep the nesting; each part copies the group's traceback, cause, context, notes.
class Batch(ExceptionGroup):
    def derive(self, excs):
        return Batch(self.message + '*', excs)

try:
    try:
        raise KeyError('ctx')
    except KeyError:
        raise Batch('batch', [ValueError(1), ExceptionGroup('sub', [TypeError(2), ValueError(3)]), OSError(4)])
except Batch as caught:
    eg = caught
eg.add_note('a note')

match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(str(match), '|', str(rest))
print(match.__traceback__ is eg.__traceback__, repr(match.__context__), match.__suppress_context__)
print(match.__notes__, match.__notes__ is eg.__notes__)
print(repr(eg.subgroup(lambda e: isinstance(e, OSError) or e is eg)))
print(repr(eg.subgroup(lambda e: isinstance(e, OSError))))
print(eg.subgroup((TypeError, OSError)).exceptions)
print(eg.split(Exception)[0] is eg, eg.subgroup(KeyError))
plain = ExceptionGroup('plain', [ValueError(1), TypeError(2)])
print(type(plain.derive([KeyError(0)])).__name__, plain.derive([KeyboardInterrupt()]).__class__.__name__)
print(BaseExceptionGroup('only exceptions', [ValueError()]).__class__.__name__)
print(isinstance(plain, Exception), issubclass(BaseExceptionGroup, Exception), plain.args[0], plain.message)
for bad in ([], 'ab', [1], [KeyboardInterrupt()]):
    try:
        ExceptionGroup('bad', bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    plain.split(42)
except TypeError as e:
    print(e)
