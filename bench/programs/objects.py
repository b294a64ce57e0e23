# Creating and dropping many small instances with attributes.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


acc = 0
for i in range(300000):
    p = Point(i, i + 1)
    acc += p.norm2() % 1000
print(acc)
