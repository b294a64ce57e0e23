# Only allocations made while tracing count; stop() forgets the traces, clear_traces() empties them.
import tracemalloc

before = list(range(10000))
print("tracing:", tracemalloc.is_tracing())
tracemalloc.start()
print("tracing:", tracemalloc.is_tracing())
print("traceback limit:", tracemalloc.get_traceback_limit())
after = list(range(20000, 40000))
print("current:", tracemalloc.get_traced_memory()[0])
del before
print("freeing an untraced list changes nothing:", tracemalloc.get_traced_memory()[0])
tracemalloc.clear_traces()
current, peak = tracemalloc.get_traced_memory()
print("after clear_traces, small:", current < 1000, peak < 1000)
del after
current, peak = tracemalloc.get_traced_memory()
print("freeing cleared blocks, still small:", current < 1000, peak < 1000)
tracemalloc.stop()
print("after stop:", tracemalloc.get_traced_memory(), tracemalloc.is_tracing())
