# instance dicts of a class with several attributes set in __init__
import sys
class Config:
    def __init__(self):
        self.host = 'localhost'
        self.port = 8080
        self.debug = False
        self.user = None
        self.retries = 3
a = Config()
print(sys.getsizeof(a), sys.getsizeof(a.__dict__))
b = Config()
print(sys.getsizeof(b.__dict__), sys.getsizeof(a.__dict__))
b.timeout = 5
print(sys.getsizeof(b.__dict__))
print(sys.getsizeof(vars(a)) == sys.getsizeof(a.__dict__))
print(sys.getsizeof(dict(vars(a))))
