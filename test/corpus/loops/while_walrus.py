# while loops with the walrus operator, reading chunks until an empty one.
data = list(range(1, 12))


def read(n):
    chunk = data[:n]
    del data[:n]
    return chunk


while chunk := read(4):
    print('chunk:', chunk, 'sum', sum(chunk))
words = ['alpha', 'beta', '', 'gamma']
it = iter(words)
while (w := next(it, None)) is not None and w:
    print('word:', w)
values = [3, 8, 1, 9, 4]
if (big := [v for v in values if v > 5]):
    print('big values:', big, len(big))
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print('collatz steps for 27:', steps)
