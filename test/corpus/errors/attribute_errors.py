# AttributeError messages on instances, None, modules, classes and builtins, with suggestions.
import math


class User:
    def __init__(self):
        self.name = 'ada'
        self.email = 'ada@example.org'


u = User()
tries = [
    lambda: u.nmae,
    lambda: u.age,
    lambda: None.strip(),
    lambda: math.squareroot(4),
    lambda: User.missing,
    lambda: [].push(1),
    lambda: (1).real.imag.foo,
    lambda: 'text'.lenght,
]
for attempt in tries:
    try:
        attempt()
    except AttributeError as e:
        print('AttributeError:', e)
try:
    (1).x = 5
except AttributeError as e:
    print('AttributeError:', e)
print(u.emial)
