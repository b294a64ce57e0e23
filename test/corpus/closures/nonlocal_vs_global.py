# global rebinds a module variable, nonlocal rebinds the enclosing function's, a plain assignment makes a local.
total = 0


def add_global(n):
    global total
    total += n


def outer():
    total = 100

    def add_nonlocal(n):
        nonlocal total
        total += n

    def add_local(n):
        total = n
        return total

    add_nonlocal(5)
    add_local(1)
    return total


add_global(3)
add_global(4)
print('module total:', total)
print('enclosing total:', outer())
print('module total unchanged by outer:', total)
