# a freed float's memory is kept for the next float (the float free list), ahead of the allocator
import gc
n = int('3')
x = 1.5 * n
a = id(x)
del x
y = 2.5 * n
print('new float reuses the freed one:', id(y) == a)
t = (1, 2)
b = id(t)
del t
z = 0.25 * n
print('a float does not take a freed tuple:', id(z) == b)
fs = [float(i) * 1.5 for i in range(5)]
ids = [id(f) for f in fs]
del fs
again = [float(i) * 2.5 for i in range(5)]
print('reused in reverse order:', [id(f) for f in again] == ids[::-1])
del again
o = object()
c = id(o)
del o
w = 3.0 * n
print('object block not taken by float:', id(w) == c)
many = [i * 0.5 for i in range(150)]
mids = [id(f) for f in many]
del many
k = 1.0 / n
print('after 150 freed, newest kept:', id(k) == mids[0], id(k) in mids)
del k
gc.collect()
after = 7.0 / n
print('after collect:', id(after) in mids)
class F(float):
    pass
f = F(2.0 * n)
fid = id(f)
del f
g = 4.0 * n
print('subclass not on the list:', id(g) == fid)
f = 1.5 * n
i = 1000 * n
fa, ia = id(f), id(i)
del f
del i
g = 2.5 * n
print('float takes the float block, not the int freed after it:', id(g) == fa, id(g) == ia)
j = 2000 * n
print('the int takes the int block:', id(j) == ia)
