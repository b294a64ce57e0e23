# get_object_traceback: where an object was allocated (None for objects made before tracing started).
import tracemalloc

early = [1, 2, 3]
tracemalloc.start(3)


def make():
    return {"a": [1, 2, 3] * 1000}


late = make()
tb = tracemalloc.get_object_traceback(late)
print("dict made at line:", tb[-1].lineno)
print("frames:", len(tb))
tb = tracemalloc.get_object_traceback(late["a"])
print("list made at line:", tb[-1].lineno)
print("early list:", tracemalloc.get_object_traceback(early))
tracemalloc.stop()
