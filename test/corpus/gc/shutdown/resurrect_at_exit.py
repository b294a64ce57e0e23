# A finalizer that resurrects its object at shutdown: __del__ still runs only once.
saved = []


class Stubborn:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('__del__', self.name, '- saving myself')
        if saved is not None:
            saved.append(self)


s = Stubborn('s1')
t = Stubborn('t1')
t.me = t
del t
print('end of program body')
