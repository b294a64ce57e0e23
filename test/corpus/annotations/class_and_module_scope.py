# Annotations that name class attributes, enclosing locals and conditional module-level names, on every version
import sys


class Tree:
    Node = dict
    root: Node
    children: list
    if len(sys.argv) >= 0:
        depth: int = 0
    else:
        width: int = 0

    def grow(self, into: Node) -> 'Tree':
        return self


print(Tree.__annotations__)
print(Tree.grow.__annotations__)
print(sorted(k for k in vars(Tree) if k.startswith('__') and 'class' in k))


def factory():
    Local = float

    def make(value: Local) -> Local:
        return value
    return make


print(factory().__annotations__, factory.__code__.co_cellvars)

total: int = 0
if total:
    skipped: str = 'never'
names = sorted(k for k in globals() if k.startswith('__') and k != '__builtins__')
print(names)
print(sys.modules[__name__].__annotations__ if __name__ in sys.modules else 'no module')
try:
    print(__annotations__)
except NameError as e:
    print('NameError:', e)
