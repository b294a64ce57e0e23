# bytes holds its data in the object; a bytearray owns a separate buffer that over-allocates as it grows.
import tracemalloc

tracemalloc.start()
blob = bytes(300000)
print("bytes:", tracemalloc.get_traced_memory()[0])
buf = bytearray()
for i in range(5000):
    buf += b"0123456789"
print("plus bytearray:", tracemalloc.get_traced_memory()[0])
del blob
print("bytes freed:", tracemalloc.get_traced_memory()[0])
print("peak:", tracemalloc.get_traced_memory()[1])
tracemalloc.stop()
