# None, True, False, Ellipsis and NotImplemented are singletons: every way of getting them gives the same object.
def nothing():
    pass


values = [None, True, False, ...]
print('function result is None:', nothing() is None)
print('type(None)() is None:', type(None)() is None)
print('bool(1) is True:', bool(1) is True)
print('(3 > 2) is True:', (3 > 2) is True)
print('not 1 is False:', (not 1) is False)
print('Ellipsis is ...:', Ellipsis is values[3])
print('NotImplemented from a dunder:', (1).__add__('x') is NotImplemented)
print('dict.get default:', {}.get('k') is None)
print('bool of empty list is False:', bool([]) is False)
flags = [x > 1 for x in range(4)]
print('comparison results are the two bools:', [f is True for f in flags])
print('== vs is for 1 and True:', 1 == True, type(1) is type(True))
