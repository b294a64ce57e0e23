# A class body is not an enclosing scope for its methods, and class-body comprehensions cannot see class names.
x = 'module x'


class Config:
    x = 'class x'
    doubled = [x * 2 for _ in range(1)]
    names = [n.upper() for n in ['a', 'b']]

    def show(self):
        return x

    def show_class(self):
        return self.x


c = Config()
print('method sees:', c.show())
print('via self:', c.show_class())
print('comprehension in class body sees module x:', Config.doubled)
print(Config.names)


def factory():
    y = 'function y'

    class Inner:
        value = y

        def get(self):
            return y

    return Inner


print(factory().value, factory()().get())
