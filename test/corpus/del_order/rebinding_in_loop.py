# Rebinding a name in a loop frees the previous object before the next iteration's object is printed.
class Frame:
    def __init__(self, n):
        self.n = n
        print('  create', n)

    def __del__(self):
        print('  free', self.n)


print('loop start')
for i in range(3):
    current = Frame(i)
    print('  using', current.n)
print('loop end, last frame still bound')
previous = None
for i in range(3, 5):
    previous, current = current, Frame(i)
print('pairs done')
del previous
print('end')
