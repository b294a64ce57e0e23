# A return statement in a generator ends it; the value travels in StopIteration.value.
def first_match(items, predicate):
    seen = 0
    for item in items:
        seen += 1
        if predicate(item):
            return f'found {item} after {seen}'
        yield item


g = first_match([1, 3, 4, 5], lambda n: n % 2 == 0)
print(list(g))
g = first_match([1, 3, 4, 5], lambda n: n % 2 == 0)
while True:
    try:
        print('yielded', next(g))
    except StopIteration as stop:
        print('returned:', stop.value)
        break


def empty():
    return 'nothing'
    yield


print('empty generator:', list(empty()))
