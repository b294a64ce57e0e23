# lens-corpus: clean: a scheduler holds bound methods of jobs only until it runs them (heapq, popped on run), so a job lives exactly as long as it has work queued.
import heapq


class Scheduler:
    def __init__(self):
        self._queue = []
        self._counter = 0
        self.now = 0

    def call_at(self, when, callback, *args):
        self._counter += 1
        heapq.heappush(self._queue, (when, self._counter, callback, args))

    def run(self):
        while self._queue:
            when, _, callback, args = heapq.heappop(self._queue)
            self.now = when
            callback(*args)


class Backup:
    def __init__(self, scheduler, name, every, times):
        self.name = name
        self.every = every
        self.left = times
        scheduler.call_at(scheduler.now + every, self.tick, scheduler)

    def tick(self, scheduler):
        self.left -= 1
        print(f"t={scheduler.now:3d} backup {self.name} ({self.left} left)")
        if self.left:
            scheduler.call_at(scheduler.now + self.every, self.tick, scheduler)


def plan(scheduler):
    Backup(scheduler, "db", 30, 3)
    Backup(scheduler, "files", 45, 2)
    Backup(scheduler, "logs", 100, 1)


sched = Scheduler()
plan(sched)
sched.run()
print("queue empty:", not sched._queue, "at t =", sched.now)
