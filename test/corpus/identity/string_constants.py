# String constants that are not identifier-like: shared within one code object, not always across functions.
def greeting():
    return 'hello, world!'


def same_greeting():
    return 'hello, world!'


def both():
    x = 'hello, world!'
    y = 'hello, world!'
    return x is y


print('within one function:', both())
print('equal across functions:', greeting() == same_greeting())
print('same function twice:', greeting() is greeting())
name = 'module_level_name'
other = 'module_level_name'
print('identifier-like at module level:', name is other)
spaced = 'two words'
again = 'two words'
print('non-identifier at module level:', spaced is again)
