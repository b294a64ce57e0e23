# A simple metaclass that records every class it creates and adds a method.
class Registered(type):
    classes = []

    def __new__(mcls, name, bases, namespace):
        cls = super().__new__(mcls, name, bases, namespace)
        mcls.classes.append(name)
        return cls

    def describe(cls):
        return f'{cls.__name__} with {sorted(k for k in cls.__dict__ if not k.startswith("_"))}'


class Model(metaclass=Registered):
    pass


class User(Model):
    name = 'anonymous'

    def greet(self):
        return 'hi ' + self.name


print(Registered.classes)
print(User.describe())
print(type(User).__name__, isinstance(User, Registered))
print(User().greet())
