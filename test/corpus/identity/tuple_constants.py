# Constant tuples are built once by the compiler; tuples built at run time are new each time.
def constant():
    return (1, 2, 3)


def built(n):
    return tuple(range(1, n + 1))


def nested():
    return ((1, 2), ('a', 'b'))


print('constant tuple, two calls:', constant() is constant())
print('built tuple, two calls:', built(3) is built(3))
print('equal:', constant() == built(3))
print('nested constant:', nested() is nested(), nested()[0] is nested()[0])
t = constant()
print('tuple(t) is t:', tuple(t) is t)
print('t + () is t:', t + () is t)
print('t * 1 is t:', t * 1 is t)
print('list round trip is new:', tuple(list(t)) is t)
