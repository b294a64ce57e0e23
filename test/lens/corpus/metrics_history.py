# lens-corpus: a process monitor appends a sample to its history list on every tick and never trims it: the history only ever grows while the program runs.
import random


class Sample:
    def __init__(self, tick, cpu, memory):
        self.tick = tick
        self.cpu = cpu
        self.memory = memory


class Monitor:
    def __init__(self, name):
        self.name = name
        self.history = []
        self.peak_cpu = 0.0

    def record(self, tick, cpu, memory):
        sample = Sample(tick, cpu, memory)
        self.history.append(sample)  # expect: long-lived-allocation
        self.peak_cpu = max(self.peak_cpu, cpu)

    def recent_average(self, n=10):
        window = self.history[-n:]
        return sum(s.cpu for s in window) / len(window)


rng = random.Random(42)
monitor = Monitor("worker-1")
load = 20.0
for tick in range(500):
    load = min(100.0, max(0.0, load + rng.uniform(-5, 5)))
    monitor.record(tick, round(load, 1), 512 + tick % 64)
    if tick % 100 == 99:
        print(f"tick {tick + 1}: avg cpu {monitor.recent_average():.1f}")

print("peak cpu:", monitor.peak_cpu)
print("samples kept:", len(monitor.history))
