# Properties with a getter, a validating setter and a deleter.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f'{value} is below absolute zero')
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print('  deleting')
        del self._celsius

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print('ValueError:', e)
del t.celsius
print('has _celsius:', hasattr(t, '_celsius'))
print(type(Temperature.celsius).__name__)
