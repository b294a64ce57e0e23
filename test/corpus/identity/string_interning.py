# Identifier-like string literals are interned; strings built at run time are new objects unless interned.
import sys


def literal():
    return 'hello_world'


def built():
    return '_'.join(['hello', 'world'])


a = literal()
b = 'hello_world'
c = built()
print('literal vs literal:', a is b)
print('built == literal:', c == a)
print('built is literal:', c is a)
d = sys.intern(c)
print('sys.intern(built) is literal:', d is a)
e = built()
print('two built strings:', e is c)
print('interning both gives one object:', sys.intern(e) is sys.intern(c))
word = 'abc'
print('one-character strings are cached:', chr(97) is word[0])
print('empty string singleton:', ''.join([]) is str())
