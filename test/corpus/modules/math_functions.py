# The math module: rounding, roots, gcd/lcm, factorial/comb/perm, isclose, trig and logs.
import math

print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7))
print(math.sqrt(16), math.isqrt(17), math.hypot(3, 4), math.pow(2, 0.5))
print(math.gcd(48, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.001, rel_tol=1e-2), math.isfinite(math.inf))
print(math.pi, math.e, math.tau, math.inf, math.isnan(math.nan))
print(round(math.sin(math.pi / 6), 10), math.cos(0), round(math.degrees(math.pi), 6))
print(math.log(math.e), math.log10(1000), math.log2(1024), math.log(8, 2), math.exp(0))
print(math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.copysign(3, -0.0), math.fabs(-4))
print(math.dist((0, 0), (3, 4)), math.remainder(10, 3), math.fmod(-7, 3), math.modf(3.75))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError:', e)
