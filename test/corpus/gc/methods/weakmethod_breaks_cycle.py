# weakref.WeakMethod stored on the instance avoids the bound-method cycle; the method dies with it.
import gc
import weakref


class Worker:
    def __init__(self, name):
        self.name = name
        self.task = weakref.WeakMethod(self.run)

    def run(self):
        return self.name + ' running'

    def __del__(self):
        print('worker', self.name, 'freed')


gc.disable()
w = Worker('w1')
task = w.task
print('calling through WeakMethod:', task()())
print('plain weakref.ref to a bound method dies at once:', weakref.ref(w.run)() is None)
del w
print('WeakMethod now:', task())
print('collect found:', gc.collect())
gc.enable()
