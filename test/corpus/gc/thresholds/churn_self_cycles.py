# Five thousand self-referencing lists made and dropped in a loop: 3.11-3.13's young collections free them as
# they go; 3.14's first increments spend their work marking what startup left alive and free none.
import gc

events = []


def on_collect(phase, info):
    if phase == "stop":
        events.append((info["generation"], info["collected"]))


def churn():
    for i in range(5000):
        box = []
        box.append(box)


gc.callbacks.append(on_collect)
churn()
gc.callbacks.remove(on_collect)
print("collections:", len(events))
print("collected during the loop:", sum(c for g, c in events))
print("generations:", sorted(set(g for g, c in events)))
