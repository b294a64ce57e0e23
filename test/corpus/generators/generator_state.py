# inspect.getgeneratorstate follows a generator through created, suspended, running and closed.
import inspect


def stepper():
    print('  running state:', inspect.getgeneratorstate(gen))
    yield 1
    yield 2


gen = stepper()
print(inspect.getgeneratorstate(gen))
next(gen)
print(inspect.getgeneratorstate(gen))
print('frame locals while suspended:', gen.gi_frame is not None)
list(gen)
print(inspect.getgeneratorstate(gen))
print('frame after close:', gen.gi_frame)
g2 = stepper()
g2.close()
print('closed before start:', inspect.getgeneratorstate(g2))
print('gi_running:', gen.gi_running)
