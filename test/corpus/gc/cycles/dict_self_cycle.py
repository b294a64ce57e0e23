# A dict stored as one of its own values is a self-cycle; its other values are freed with it.
import gc


class Value:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('value', self.name, 'freed')


d = {'first': Value('first'), 'second': Value('second')}
d['self'] = d
print('keys:', list(d))
print('d["self"]["self"] is d:', d['self']['self'] is d)
del d
print('after del: nothing printed yet')
print('collect found:', gc.collect())
e = {'x': 1}
e['e'] = e
print('repr of a self-dict:', e)
del e
print('small self-dict, collect found:', gc.collect())
