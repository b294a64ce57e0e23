# functools.partial wrapping a bound method, stored on the same instance, also closes a cycle.
import functools
import gc


class Logger:
    def __init__(self, prefix):
        self.prefix = prefix
        self.warn = functools.partial(self.log, 'WARN')

    def log(self, level, msg):
        return f'{self.prefix} {level}: {msg}'

    def __del__(self):
        print('logger', self.prefix, 'freed')


lg = Logger('[app]')
print(lg.warn('disk almost full'))
print('partial holds the bound method of lg:', lg.warn.func.__self__ is lg)
del lg
print('after del: kept by its own partial')
print('collect found:', gc.collect())
