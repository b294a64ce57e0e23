# A set's table leaves the object's small table at 8 slots and is reallocated 4x as it fills.
import tracemalloc

tracemalloc.start()
members = set()
for n in (100, 1000, 10000, 50000):
    while len(members) < n:
        members.add(len(members) * 7 + 100000)
    print(f"{n} members: {tracemalloc.get_traced_memory()[0]}")
frozen = frozenset(members)
print("with a frozenset copy:", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
