# Generator expressions are lazy and single-use; the first iterable is evaluated at once.
def source(name, items):
    print(f'  evaluating {name}')
    return items


squares = (x * x for x in source('outer', [1, 2, 3]))
print('created')
print('sum:', sum(squares))
print('second pass is empty:', list(squares))
pairs = ((x, y) for x in source('xs', 'ab') for y in source('ys', [1, 2]))
print('created pairs')
print(list(pairs))
total = sum(len(w) for w in 'the quick brown fox'.split())
print('total letters:', total)
print('any even:', any(n % 2 == 0 for n in [1, 3, 4, 5]))
first_big = next((n for n in range(100) if n * n > 50), None)
print('first square over 50 from:', first_big)
