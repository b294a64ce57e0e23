# gc.disable() only stops automatic collections; an explicit gc.collect() still runs and finds cycles.
import gc


class Node:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        finalized.append(self.n)


finalized = []
gc.disable()
print('enabled:', gc.isenabled())
for i in range(5000):
    Node(i)
print('finalized while disabled:', len(finalized))
print('explicit collect found:', gc.collect())
print('finalized now:', len(finalized), 'first and last:', min(finalized), max(finalized))
gc.enable()
print('enabled again:', gc.isenabled())
