# An instance stored as a class attribute: class -> instance -> class. del of the class leaves both to the gc.
import gc


class Registry:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('__del__ of', self.name, 'its class is', type(self).__name__)


Registry.default = Registry('default')
print('default is an instance of Registry:', isinstance(Registry.default, Registry))
del Registry
print('class name gone; nothing finalized yet')
found = gc.collect()
print('collected a class and its default instance:', found > 2)
print('end')
