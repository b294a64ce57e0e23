# OverflowError and related range errors from math, float conversion and ints that are too large.
import math

cases = [
    lambda: math.exp(1000),
    lambda: float(10 ** 400),
    lambda: math.pow(10, 400),
    lambda: math.factorial(-1),
    lambda: math.ldexp(1.0, 5000),
    lambda: (2 ** 70).to_bytes(4, 'big'),
    lambda: int(float('inf')),
    lambda: int(float('nan')),
    lambda: chr(0x110000),
    lambda: round(float('inf')),
]
for case in cases:
    try:
        case()
    except (OverflowError, ValueError) as e:
        print(f'{type(e).__name__}: {e}')
print(10 ** 400 > 10 ** 399, math.inf > 10 ** 400)
