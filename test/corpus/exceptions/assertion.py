# Assertions raise AssertionError with the given message; an uncaught one exits with code 1.
def mean(values):
    assert values, 'mean of an empty list'
    return sum(values) / len(values)


print(mean([1, 2, 3, 4]))
try:
    mean([])
except AssertionError as e:
    print('caught:', e, e.args)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print('no message:', repr(e))


def ratio(a, b):
    assert b != 0, f'ratio({a}, {b}) needs a non-zero divisor'
    return a / b


print(ratio(1, 4))
print(ratio(1, 0))
