# Order of __del__ calls for a ring of four instances: the collector finalizes them in its list order.
import gc


class Member:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        print('__del__', self.name, '-> next is', self.next.name)


names = ['w', 'x', 'y', 'z']
ring = [Member(n) for n in names]
for i, m in enumerate(ring):
    m.next = ring[(i + 1) % 4]
del m
print('dropping the list that held them')
del ring
print('collect found:', gc.collect())
