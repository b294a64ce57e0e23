# locals() inside a comprehension: its own frame on 3.11; 3.12+ (inlined) sees the enclosing scope's names too
import sys

def in_function():
    a = 1
    return [sorted(locals()) for b in range(1)]
print(in_function())

def f_locals_keys():
    a = 1
    return [sorted(sys._getframe().f_locals) for b in range(1)]
print(f_locals_keys())

x = 'global x'
seen = [(locals() is globals(), locals()['x'], 'seen' in locals()) for x in range(1)]
print(seen, x)
print([len(locals()) < len(globals()) for x in range(1)])
print(locals() is globals())

class C:
    y = 1
    print([(sorted(locals()), locals().get('y')) for z in range(1)])
    print(sorted(k for k in locals() if not k.startswith('__')))

def closure_names():
    outer = 'o'
    return [sorted(locals()) for i in range(1) if outer]
print(closure_names())
print(closure_names.__code__.co_cellvars, closure_names.__code__.co_varnames)
