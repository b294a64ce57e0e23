# Freeing a dict releases its values in insertion order; a deleted key frees its value at once.
class Value:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('free', self.name)


registry = {'a': Value('a'), 'b': Value('b'), 'c': Value('c')}
registry['b'] = Value('b2')
print('b replaced')
registry['d'] = Value('d')
del registry['a']
print('a deleted')
print('freeing the dict')
registry = None
table = {k: Value(k) for k in 'xyz'}
print('clear()')
table.clear()
print('end')
