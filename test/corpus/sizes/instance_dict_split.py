# an instance's __dict__ shares its keys with the class: it holds only the values
import sys
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
a = Node(1)
d = a.__dict__
print(len(d), sys.getsizeof(d))
b = Node(2)
print(sys.getsizeof(b.__dict__), sys.getsizeof(d))
plain = {'value': 1, 'next': None}
print(sys.getsizeof(plain))
a.extra = 3
print(len(a.__dict__), sys.getsizeof(a.__dict__))
c = Node(3)
print(sys.getsizeof(c.__dict__))
print(sys.getsizeof(d.copy()))
