# The empty tuple, empty str and empty bytes are singletons; empty lists, dicts and sets are not.
def empty_tuple():
    return tuple([])


def empty_list():
    return list(())


print('() is ():', empty_tuple() is empty_tuple())
print('tuple() is ():', tuple() is empty_tuple())
print('[] is []:', empty_list() is empty_list())
print("str() is '':", str() is ''.join([]))
print("bytes() is b'':", bytes() is b''.join([]))
print('dict() is dict():', dict() is dict())
print('set() is set():', set() is set())
t = (1, 2)
print('t[2:] is ():', t[2:] is empty_tuple())
print('t[:0] is t[2:]:', t[:0] is t[2:])
print('t[:] is t:', t[:] is t)
print('tuple(t) is t:', tuple(t) is t)
