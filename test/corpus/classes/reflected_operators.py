# Returning NotImplemented lets Python try the other operand's reflected method.
class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print(f'  Meters.__add__({type(other).__name__})')
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        return NotImplemented

    def __radd__(self, other):
        print(f'  Meters.__radd__({type(other).__name__})')
        return self + other

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return f'{self.v}m'


print(Meters(2) + Meters(3))
print(Meters(2) + 5)
print(5 + Meters(2))
print(sum([Meters(1), Meters(2), Meters(3)]))
print(sorted([Meters(3), Meters(1)]), Meters(1) > Meters(0))
try:
    Meters(1) + 'x'
except TypeError as e:
    print('TypeError:', e)
