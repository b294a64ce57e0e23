# An object stored as an attribute of several instances: one reference per instance attribute.
import sys


class Engine:
    def __init__(self, power):
        self.power = power


class Car:
    def __init__(self, name, engine):
        self.name = name
        self.engine = engine


v8 = Engine(400)
print('engine alone:', sys.getrefcount(v8))
cars = [Car('first', v8), Car('second', v8), Car('third', v8)]
print('shared by three cars:', sys.getrefcount(v8))
cars[0].engine = Engine(150)
print('one car swapped engines:', sys.getrefcount(v8))
del cars[1].engine
print('attribute deleted:', sys.getrefcount(v8))
cars.pop()
print('car dropped:', sys.getrefcount(v8))
print('new engine held by car only:', sys.getrefcount(cars[0].engine))
