# Cycles are collected automatically once enough container objects were allocated since the last collection.
import gc

finalized = []


class Cycle:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        finalized.append(self.n)


for i in range(3000):
    Cycle(i)
    if finalized:
        print('first automatic collection during iteration', i)
        print('cycles finalized by it:', len(finalized))
        break
else:
    print('no automatic collection in 3000 iterations')
print('explicit collect finds:', gc.collect())
print('finalized in total:', len(finalized))
