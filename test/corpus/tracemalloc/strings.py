# Strings keep their characters inside the object: 1, 2 or 4 bytes a character after the header.
import tracemalloc

tracemalloc.start()
ascii_text = "a" * 200000
print("ascii:", tracemalloc.get_traced_memory()[0])
latin = "\xe9" * 200000
print("plus latin-1:", tracemalloc.get_traced_memory()[0])
wide = "\u20ac" * 200000
print("plus ucs-2:", tracemalloc.get_traced_memory()[0])
words = ["word%d" % i for i in range(20000)]
print("plus 20000 short strings:", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
