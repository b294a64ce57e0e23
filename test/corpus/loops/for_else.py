# for/else and while/else: the else block runs only when the loop was not left with break.
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print(f'  found {target!r} at {i}')
            break
    else:
        print(f'  {target!r} not found')


find(['a', 'b', 'c'], 'b')
find(['a', 'b', 'c'], 'z')
n = 17
d = 2
while d * d <= n:
    if n % d == 0:
        print(n, 'is divisible by', d)
        break
    d += 1
else:
    print(n, 'is prime')
for _ in []:
    pass
else:
    print('else of an empty loop runs')
