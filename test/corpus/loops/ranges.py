# range() with start, stop and step, negative steps, and range objects as sequences.
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)))
print(list(range(10, 0, -3)), list(range(5, 5)), list(range(5, 0)))
r = range(0, 100, 7)
print(r, len(r), r[3], r[-1], 49 in r, 50 in r)
print(r[2:5], r[::-1][:3])
print(r.index(21), r.count(14))
print(range(3) == range(0, 3, 1), range(0) == range(5, 5))
squares = 0
for i in range(1, 11):
    squares += i * i
print('sum of squares 1..10:', squares)
for i in range(3, -1, -1):
    print('countdown', i)
print(sum(range(1, 101)), max(range(-5, 3)))
