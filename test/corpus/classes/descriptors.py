# A data descriptor with __set_name__ validating typed attributes.
class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = name
        print(f'  __set_name__ {owner.__name__}.{name}')

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__[self.name]

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f'{self.name} must be {self.kind.__name__}, not {type(value).__name__}')
        obj.__dict__[self.name] = value


class Product:
    name = Typed(str)
    price = Typed(float)

    def __init__(self, name, price):
        self.name = name
        self.price = price


p = Product('pen', 1.5)
print(p.name, p.price)
try:
    p.price = 'cheap'
except TypeError as e:
    print('TypeError:', e)
print(type(Product.name).__name__, p.__dict__)
