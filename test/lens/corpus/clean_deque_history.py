# lens-corpus: clean: a rate limiter keeps only a bounded window of recent request times in a deque(maxlen=...), so its memory stays flat however long it runs.
from collections import deque


class RateLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.recent = deque(maxlen=limit)
        self.rejected = 0

    def allow(self, now):
        if len(self.recent) == self.limit and now - self.recent[0] < self.window:
            self.rejected += 1
            return False
        self.recent.append(now)
        return True


class Stats:
    __slots__ = ("accepted", "rejected", "bursts")

    def __init__(self):
        self.accepted = 0
        self.rejected = 0
        self.bursts = 0


limiter = RateLimiter(limit=5, window=10)
stats = Stats()
clock = 0
for n in range(400):
    clock += 1 if n % 50 < 40 else 7
    burst = n % 25 == 0
    if burst:
        stats.bursts += 1
    for _ in range(3 if burst else 1):
        if limiter.allow(clock):
            stats.accepted += 1
        else:
            stats.rejected += 1

print("accepted:", stats.accepted, "rejected:", stats.rejected, "bursts:", stats.bursts)
print("window holds:", len(limiter.recent), "times, last:", list(limiter.recent))
