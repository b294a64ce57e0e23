# Equal int constants in one code object are one object; ints computed at run time are not.
BIG = 123456789


def same_function():
    a = 123456789
    b = 123456789
    return a is b


def other_function():
    return 123456789


def computed():
    n = 123456788
    return n + 1


print('two literals in one function:', same_function())
print('literals in two code objects are equal:', other_function() == BIG)
print('computed equals literal:', computed() == BIG)
print('computed is literal:', computed() is BIG)
print('folded expression:', (10 ** 6 + 1) == 1000001)
c1, c2 = computed(), computed()
print('two computed results:', c1 is c2)
