# Every collection calls each gc.callbacks entry twice: phase 'start' then phase 'stop'.
import gc

calls = []


def first(phase, info):
    calls.append(('first', phase))


def second(phase, info):
    calls.append(('second', phase))


gc.callbacks.append(first)
gc.callbacks.append(second)
gc.collect()
gc.callbacks.remove(first)
gc.collect(0)
gc.callbacks.remove(second)
gc.collect()
for who, phase in calls:
    print(who, phase)
print('callbacks left:', len(gc.callbacks))
