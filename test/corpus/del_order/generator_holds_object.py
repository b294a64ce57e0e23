# A suspended generator keeps its locals alive; closing it runs its finally and frees them.
class Reader:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('free reader', self.name)


def lines(name):
    reader = Reader(name)
    try:
        for i in range(3):
            yield f'{reader.name}:{i}'
    finally:
        print('generator finally for', name)


g = lines('a')
print(next(g))
print('generator suspended, reader alive')
g.close()
print('after close')
h = lines('b')
print(next(h))
del h
print('after del of suspended generator')
for line in lines('c'):
    print(line)
print('end')
