# __new__ creates the instance before __init__ runs; here it returns one shared instance.
class Settings:
    _instance = None

    def __new__(cls, *args):
        print('  __new__')
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, value):
        print('  __init__', value)
        self.value = value


a = Settings(1)
b = Settings(2)
print(a is b, a.value)


class Celsius(float):
    def __new__(cls, value):
        return super().__new__(cls, round(value, 1))


c = Celsius(21.456)
print(c, type(c).__name__, c + 1, isinstance(c, float))
