# Two instances referencing each other: both __del__ run in one collection, peers still intact.
import gc


class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None

    def __del__(self):
        print(self.name, 'finalized; friend is', self.friend.name)


a = Person('ann')
b = Person('bob')
a.friend = b
b.friend = a
del a
print('ann kept alive by bob')
del b
print('both gone from the namespace')
print('collect found:', gc.collect())
print('second collect found:', gc.collect())
