# A list comprehension builds every item at once; a generator builds them one by one as they are used.
class Record:
    alive = 0

    def __init__(self, n):
        self.n = n
        Record.alive += 1

    def __del__(self):
        Record.alive -= 1


def peak_alive(iterable):
    peak = 0
    for record in iterable:
        peak = max(peak, Record.alive)
        del record
    return peak


print('list comprehension peak:', peak_alive([Record(i) for i in range(100)]))
print('after it:', Record.alive)
print('generator expression peak:', peak_alive(Record(i) for i in range(100)))
print('after it:', Record.alive)
print('sum via generator:', sum(Record(i).n for i in range(100)))
