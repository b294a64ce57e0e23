# AttributeError messages for read-only properties, deleting missing attributes and frozen objects.
class Account:
    def __init__(self):
        self._balance = 0

    @property
    def balance(self):
        return self._balance


a = Account()
try:
    a.balance = 100
except AttributeError as e:
    print('AttributeError:', e)
try:
    del a.balance
except AttributeError as e:
    print('AttributeError:', e)
try:
    del a.nothing
except AttributeError as e:
    print('AttributeError:', e)
try:
    object().x = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    (1, 2).append(3)
except AttributeError as e:
    print('AttributeError:', e)
try:
    str.upper = None
except TypeError as e:
    print('TypeError:', e)
