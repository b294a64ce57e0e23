# The iteration variable stays inside the comprehension on every version; 3.12+ lends it the enclosing frame's slot
def shadow():
    x = 'outer'
    squares = [x * x for x in range(4)]
    return x, squares

def restored_after_error():
    v = 'kept'
    try:
        [1 // v for v in (1, 0)]
    except ZeroDivisionError:
        pass
    return v

def never_bound():
    [w for w in range(2)]
    try:
        return w
    except NameError as e:
        return str(e)

print(shadow(), restored_after_error(), never_bound())

# The enclosing code object: its locals, cells and nested code objects
def cells():
    return [lambda: i for i in range(3)]

def code_info(fn):
    code = fn.__code__
    nested = [c.co_name for c in code.co_consts if hasattr(c, 'co_name')]
    return code.co_varnames, code.co_cellvars, code.co_nlocals, nested

for fn in (shadow, restored_after_error, cells):
    print(fn.__name__, code_info(fn))
print([g() for g in cells()])

x = 'module x'
print([x for x in 'ab'], x)
print({x: 1 for x in 'c'}, x)

class K:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
    try:
        [v for v in range(1) if vals]
    except NameError as e:
        print('class scope:', e)
print(K.doubled, hasattr(K, 'v'))
