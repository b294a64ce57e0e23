# An instance registering its bound method in a list it owns: freed as a cycle of instance, list and method.
import gc


class Emitter:
    def __init__(self, name):
        self.name = name
        self.listeners = []
        self.listeners.append(self.log)

    def log(self, event):
        print(self.name, 'got', event)

    def emit(self, event):
        for fn in self.listeners:
            fn(event)

    def __del__(self):
        print('emitter', self.name, 'freed')


e = Emitter('bus')
e.emit('start')
del e
print('collect found:', gc.collect())
f = Emitter('quiet')
f.listeners.clear()
del f
print('end')
