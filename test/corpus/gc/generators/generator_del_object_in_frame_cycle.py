# A cycle of an object and the generator it owns, where the object has __del__: both finalized, once each.
import gc


class Task:
    def __init__(self, name):
        self.name = name
        self.steps = self.run()

    def run(self):
        try:
            yield self.name + ' step 1'
            yield self.name + ' step 2'
        finally:
            print(self.name, 'generator finally')

    def __del__(self):
        print(self.name, '__del__')


t = Task('t1')
print(next(t.steps))
del t
print('collect found:', gc.collect())
print('second collect found:', gc.collect())
