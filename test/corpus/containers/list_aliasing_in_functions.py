# Functions receive references: mutating a list argument changes the caller's list, rebinding does not.
def add_item(items, item):
    items.append(item)


def replace_items(items):
    items = ['replaced']
    return items


def clear_in_place(items):
    items[:] = []


cart = ['bread']
add_item(cart, 'milk')
print('after add_item:', cart)
new = replace_items(cart)
print('after replace_items:', cart, new)
snapshot = cart
clear_in_place(cart)
print('after clear_in_place:', cart, snapshot, snapshot is cart)
matrix = [[1, 2], [3, 4]]
row = matrix[0]
row.append(99)
print('row is a view into matrix:', matrix)
copied = [r[:] for r in matrix]
copied[0].append(100)
print('copied rows are independent:', matrix[0], copied[0])
