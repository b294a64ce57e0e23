# Deleting a captured variable empties its cell: the closure then raises NameError.
def make():
    value = 'present'

    def read():
        return value

    def drop():
        nonlocal value
        del value

    return read, drop


read, drop = make()
print(read())
drop()
try:
    read()
except NameError as e:
    print(type(e).__name__ + ':', e)
cell = read.__closure__[0]
try:
    cell.cell_contents
except ValueError as e:
    print('cell:', e)
cell.cell_contents = 'restored'
print(read())
