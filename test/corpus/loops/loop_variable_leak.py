# A for loop's variable survives the loop with its last value; a comprehension's variable does not leak.
for i in range(3):
    pass
print('after for:', i)
squares = [j * j for j in range(4)]
try:
    print(j)
except NameError as e:
    print('comprehension variable:', e)
for k in []:
    pass
try:
    print(k)
except NameError as e:
    print('empty loop:', e)


def last_item(items):
    for item in items:
        pass
    return item


print('last item:', last_item('xyz'))
try:
    last_item([])
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
