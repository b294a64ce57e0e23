# Three levels of nesting: each inner function reads variables of every enclosing function.
def outer(a):
    b = a * 2

    def middle(c):
        d = c + b

        def inner(e):
            return a + b + c + d + e

        return inner

    return middle


f = outer(1)(10)
print(f(100))
print('inner free variables:', sorted(f.__code__.co_freevars))
print('values:', sorted(cell.cell_contents for cell in f.__closure__))
x = 'global'


def shadow():
    x = 'enclosing'

    def show():
        return x

    return show()


print(shadow(), x)
