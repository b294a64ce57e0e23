# which operations give a non-ASCII str its UTF-8 copy (PyUnicode_AsUTF8AndSize): naming a class, compiling text
import sys
def fresh(text):
    return ''.join([text, '\xe9'])
for name, op in [('encode', lambda s: s.encode()), ('print', lambda s: print(s)), ('format', lambda s: '%s!' % s),
                 ('dict key', lambda s: {s: 1}), ('setattr', lambda s: setattr(fresh, s, 1)), ('hash', hash),
                 ('join', lambda s: '-'.join([s, s])), ('repr', repr), ('bytes', lambda s: bytes(s, 'utf-8')),
                 ('type()', lambda s: type(s, (), {})), ('exec', lambda s: exec(s)), ('eval', eval),
                 ('compile', lambda s: compile(s, 'f', 'exec'))]:
    s = fresh('1 # caf')
    before = sys.getsizeof(s)
    op(s)
    print(name, sys.getsizeof(s) - before)
n = fresh('x')
T = type(n, (), {})
print(sys.getsizeof(n), T.__name__ is n, T.__qualname__ is n, sys.getsizeof(T.__qualname__))
q = fresh('q')
V = type('V', (), {'__qualname__': q})
print(sys.getsizeof(q), V.__qualname__ is q)
class Café:
    pass
print(sys.getsizeof(Café.__name__), Café.__name__ is Café.__qualname__)
m = fresh('m\u0101')
Café.__name__ = m
print(sys.getsizeof(m), Café.__name__ is m, Café.__qualname__)
Café.__qualname__ = fresh('z')
print(sys.getsizeof(Café.__qualname__))
