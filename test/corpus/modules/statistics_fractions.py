# statistics and fractions/decimal give exact or well-defined results where floats would drift.
import statistics
from decimal import Decimal
from fractions import Fraction

marks = [70, 85, 90, 85, 60, 95]
print(statistics.mean(marks), statistics.median(marks), statistics.mode(marks))
print(round(statistics.stdev(marks), 6), statistics.median_low([1, 3, 5, 7]))
third = Fraction(1, 3)
print(third + Fraction(1, 6), third * 3, Fraction('0.75'), Fraction(0.5), float(third))
print(sum([Fraction(1, 10)] * 10) == 1, Fraction(10, 4), Fraction(3, 4).limit_denominator(2))
print(Decimal('0.1') + Decimal('0.2'), Decimal('1.10') * 3, Decimal(1) / Decimal(8))
print(Decimal('2.675').quantize(Decimal('0.01')), Decimal('7').sqrt())
print(sum([Decimal('0.1')] * 10) == Decimal('1'), repr(Decimal('3.140')))
