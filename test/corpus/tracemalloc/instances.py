# Instances of a plain class: the object with its GC header and dict pointers, plus (3.11) a values array.
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


tracemalloc.start()
points = [Point(i, -i) for i in range(5000)]
print("5000 points:", tracemalloc.get_traced_memory()[0])
del points
print("freed:", tracemalloc.get_traced_memory()[0] < 3000)
tracemalloc.stop()
