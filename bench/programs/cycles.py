# Objects in reference cycles, found by the cyclic collector.
import gc


class Node:
    def __init__(self):
        self.other = None


gc.disable()
for round in range(5):
    for i in range(100000):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
    print(gc.collect())
