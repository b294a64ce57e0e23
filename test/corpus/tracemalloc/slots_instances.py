# Instances with __slots__ hold their attributes inline: no dict, no values array.
import tracemalloc


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


tracemalloc.start()
points = [Point(1000 + i, 2000 + i) for i in range(5000)]
print("5000 slotted points:", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
