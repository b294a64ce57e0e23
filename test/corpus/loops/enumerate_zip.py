# enumerate with a start value, zip of several iterables, and zip(strict=True).
fruits = ['apple', 'banana', 'cherry']
prices = [1.2, 0.5, 3.0]
stock = [10, 0, 7]
for i, fruit in enumerate(fruits, start=1):
    print(i, fruit)
for fruit, price, count in zip(fruits, prices, stock):
    print(f'{fruit:8} {price:5.2f} {"in stock" if count else "sold out"}')
print(list(zip(range(5), 'ab')))
print(list(zip(*[(1, 'a'), (2, 'b')])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print('ValueError:', e)
print(dict(enumerate('xyz')))
print([(i, x) for i, x in enumerate(range(10, 40, 10))])
