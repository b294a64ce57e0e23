# ZeroDivisionError messages differ between int, float and divmod operations.
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0.0,
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
    lambda: pow(0, -2),
]
for case in cases:
    try:
        case()
    except ZeroDivisionError as e:
        print('ZeroDivisionError:', e)


def average(values):
    return sum(values) / len(values)


print(average([1, 2]))
print(average([]))
