# When annotations run: at definition time up to 3.13, on first access of __annotations__ from 3.14 (PEP 649)
order = []


def note(tag):
    order.append(tag)
    return tag


def f(a: note('a'), b: note('b') = note('default')) -> note('return'):
    return a


print('after def', order)
print(f.__annotations__)
print('after first access', order)
f.__annotations__
print('after second access', order)


class Point:
    x: note('x') = 1
    y: note('y')


print('after class', order)
print(Point.__annotations__, Point.x, hasattr(Point, 'y'))
print('after class access', order)

try:
    def g(node: Later) -> Later:
        return node
    print('defined with a forward reference')
except NameError as e:
    print('NameError at def:', e)
    g = None


class Later:
    pass


if g is not None:
    print({k: v.__name__ for k, v in g.__annotations__.items()})
