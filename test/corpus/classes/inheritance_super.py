# Inheritance with super(): each __init__ runs once, in the order the calls chain.
class Animal:
    def __init__(self, name):
        print('  Animal.__init__')
        self.name = name

    def speak(self):
        return f'{self.name} makes a sound'

    def describe(self):
        return f'{type(self).__name__}({self.name}): {self.speak()}'


class Dog(Animal):
    def __init__(self, name, breed):
        print('  Dog.__init__')
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return f'{self.name} barks'


class Puppy(Dog):
    def speak(self):
        return super().speak() + ' softly'


for pet in (Animal('generic'), Dog('rex', 'lab'), Puppy('bit', 'pug')):
    print(pet.describe())
print(isinstance(Puppy('x', 'y'), Animal), issubclass(Dog, Puppy))
