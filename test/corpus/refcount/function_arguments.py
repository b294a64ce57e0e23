# sys.getrefcount of an object inside functions it is passed to, by position, keyword and *args.
import sys


class Order:
    def __init__(self, number):
        self.number = number


def inspect_positional(order):
    return sys.getrefcount(order)


def inspect_keyword(*, order):
    return sys.getrefcount(order)


def inspect_star(*orders):
    return sys.getrefcount(orders[0])


def inspect_nested(order):
    return inspect_positional(order)


order = Order(7)
print('at module level:', sys.getrefcount(order))
print('positional argument:', inspect_positional(order))
print('keyword argument:', inspect_keyword(order=order))
print('inside *args tuple:', inspect_star(order))
print('two calls deep:', inspect_nested(order))
print('back at module level:', sys.getrefcount(order))
