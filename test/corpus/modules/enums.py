# enum.Enum, auto, IntEnum and Flag: members, values, iteration, lookup and combination.
from enum import Enum, Flag, IntEnum, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Priority(IntEnum):
    LOW = auto()
    HIGH = auto()


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED is Color(1), Color.RED == 1)
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, int(Priority.LOW), sorted([Priority.HIGH, Priority.LOW]))
rw = Perm.READ | Perm.WRITE
print(rw, Perm.READ in rw, Perm.EXEC in rw, bool(Perm.READ & Perm.EXEC))
print(str(Priority.LOW), f'{Color.BLUE}', format(Priority.HIGH))
try:
    Color(7)
except ValueError as e:
    print('ValueError:', e)
