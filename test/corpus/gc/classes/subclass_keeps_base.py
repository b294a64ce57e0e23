# A subclass holds its base through __bases__/__mro__; the base lists subclasses only weakly.
import gc
import weakref


class Base:
    pass


class Child(Base):
    pass


print('subclasses of Base:', [c.__name__ for c in Base.__subclasses__()])
base_ref, child_ref = weakref.ref(Base), weakref.ref(Child)
del Base
gc.collect()
print('Base alive through Child:', base_ref() is not None)
del Child
gc.collect()
print('after del Child and collect:', child_ref() is None, base_ref() is None)


class Other:
    pass


class Sub(Other):
    pass


del Sub
gc.collect()
print('Other.__subclasses__() after Sub collected:', Other.__subclasses__())
