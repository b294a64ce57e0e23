# While disabled no automatic collection runs; after enable() the next threshold crossing collects the backlog.
import gc

gc.set_threshold(100)
stops = []
gc.callbacks.append(lambda phase, info: phase == 'stop' and stops.append(info['generation']))
gc.disable()
print('isenabled:', gc.isenabled())
for _ in range(500):
    x = []
    x.append(x)
print('collections while disabled:', len(stops))
gc.enable()
print('isenabled:', gc.isenabled())
for _ in range(150):
    y = []
    y.append(y)
print('collections after enable:', len(stops) > 0)
gc.callbacks.clear()
print('gc.disable() returns:', gc.disable(), 'gc.enable() returns:', gc.enable())
