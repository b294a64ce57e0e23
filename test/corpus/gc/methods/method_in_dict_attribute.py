# A bound method kept in a dict on its own instance; the count of unreachable objects includes dict and method.
import gc


class Handler:
    def __init__(self):
        self.routes = {'get': self.get, 'put': self.put}

    def get(self):
        return 'GET'

    def put(self):
        return 'PUT'

    def __del__(self):
        print('handler freed with', sorted(self.routes))


h = Handler()
print([h.routes[k]() for k in ('get', 'put')])
del h
print('collect found:', gc.collect())
print('end')
