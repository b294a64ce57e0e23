# Tuples are one block each, their items inline; a list of pairs costs a tuple and two ints a row.
import tracemalloc

tracemalloc.start()
pairs = [(i + 1000, i + 2000) for i in range(10000)]
print("10000 pairs:", tracemalloc.get_traced_memory()[0])
triples = [(i, i, i) for i in range(10000)]
print("plus 10000 triples of small ints:", tracemalloc.get_traced_memory()[0])
print("rows:", len(pairs) + len(triples))
tracemalloc.stop()
