# Floats are never cached: equal floats made at run time are different objects, constants are shared.
def half():
    return 0.5


def parse(text):
    return float(text)


a = 2.5
b = 2.5
print('same constant twice in module code:', a is b)
print('constant from two calls:', half() is half())
print('parsed twice:', parse('0.5') is parse('0.5'))
print('equal:', parse('0.5') == half())
x = 1.0
y = x * 1
print('x * 1 is x:', y is x, y == x)
print('float(x) is x:', float(x) is x)
nan = float('nan')
print('nan == nan:', nan == nan, 'nan is nan:', nan is nan)
print('list with nan contains it:', nan in [nan])
