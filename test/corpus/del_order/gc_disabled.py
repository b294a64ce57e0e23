# With automatic collection disabled, cycles pile up until gc.collect() is called explicitly.
import gc


class Cyclic:
    count = 0

    def __init__(self):
        self.me = self
        Cyclic.count += 1

    def __del__(self):
        Cyclic.count -= 1


gc.disable()
print('enabled:', gc.isenabled())
for _ in range(50):
    Cyclic()
print('alive after creating 50 cycles:', Cyclic.count)
print('collected:', gc.collect())
print('alive after collect:', Cyclic.count)
gc.enable()
print('enabled again:', gc.isenabled())
print('end')
