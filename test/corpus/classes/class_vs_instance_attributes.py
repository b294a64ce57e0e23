# Class attributes are shared by all instances until an instance assignment shadows them.
class Robot:
    population = 0
    parts = []

    def __init__(self, name):
        self.name = name
        Robot.population += 1


r1 = Robot('r1')
r2 = Robot('r2')
print('population:', Robot.population, r1.population)
r1.population = 99
print('shadowed on r1:', r1.population, 'class:', Robot.population, 'r2:', r2.population)
r1.parts.append('arm')
print('shared mutable class list:', r2.parts, Robot.parts)
print('instance dict:', r1.__dict__)
print('in class dict:', 'population' in Robot.__dict__)
del r1.population
print('after del, r1 sees the class again:', r1.population)
print(vars(r2))
