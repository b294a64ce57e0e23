# A freed object's memory is reused at once: two temporaries in a row can have the same id().
class Probe:
    pass


print('id([]) == id([]):', id([]) == id([]))
print('id(Probe()) == id(Probe()):', id(Probe()) == id(Probe()))
keep = []
print('kept list vs new list:', id(keep) == id([]))
first = Probe()
first_id = id(first)
del first
second = Probe()
print('object after del gets the old id:', id(second) == first_id)
a = Probe()
b = Probe()
print('two live objects never share an id:', id(a) != id(b))
