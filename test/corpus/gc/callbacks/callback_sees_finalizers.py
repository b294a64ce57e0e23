# __del__ methods of the garbage run between the 'start' and the 'stop' callbacks of a collection.
import gc


class Noisy:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print('  __del__', self.name)


def cb(phase, info):
    print(phase, 'collected so far:', info['collected'])


gc.callbacks.append(cb)
Noisy('one')
Noisy('two')
gc.collect()
gc.callbacks.remove(cb)
print('end')
