# How many objects one gc.collect() finds after `del` of a class with methods (differs between versions).
import gc


class Empty:
    pass


del Empty
print('empty class:', gc.collect())


class WithMethods:
    def a(self):
        pass

    def b(self):
        pass


del WithMethods
print('class with two methods:', gc.collect())


class WithSlots:
    __slots__ = ('x', 'y')


del WithSlots
print('class with two slots:', gc.collect())
