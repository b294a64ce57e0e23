# yield from delegates to a subgenerator and receives its return value.
def read_chunk(name, size):
    for i in range(size):
        yield f'{name}[{i}]'
    return size


def read_all(files):
    total = 0
    for name, size in files:
        count = yield from read_chunk(name, size)
        print(f'  {name}: {count} items')
        total += count
    return total


gen = read_all([('a', 2), ('b', 3)])
items = []
try:
    while True:
        items.append(next(gen))
except StopIteration as stop:
    print('total from return value:', stop.value)
print(items)


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
