# set_threshold(0) turns automatic collection off even though isenabled() stays True.
import gc

count = 0


class Cyclic:
    def __init__(self):
        self.me = self

    def __del__(self):
        global count
        count += 1


gc.set_threshold(0)
print('threshold:', gc.get_threshold(), 'enabled:', gc.isenabled())
for _ in range(5000):
    Cyclic()
print('finalized by automatic collections:', count)
print('explicit collect found:', gc.collect())
print('finalized now:', count)
