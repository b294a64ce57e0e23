# sys.int_info, sys.float_info and sys.hash_info: struct sequences whose values depend on the pointer width
import sys
i = sys.int_info
print(i)
print(type(i).__name__, type(i).__module__, len(i), i[0], tuple(i), i.bits_per_digit, i.sizeof_digit)
print(i.default_max_str_digits, i.str_digits_check_threshold, i == tuple(i), isinstance(i, tuple))
print(sys.getsizeof(i), sys.getsizeof(sys.float_info))
f = sys.float_info
print(f)
print(f.max, f.min, f.epsilon, f.dig, f.mant_dig, f.radix, f.rounds, f.max_exp, f.min_exp, f.max_10_exp, f.min_10_exp, len(f))
print(sys.maxsize, sys.hash_info.width if hasattr(sys, 'hash_info') else None)
print(sys.get_int_max_str_digits() if hasattr(sys, 'get_int_max_str_digits') else None)
import sys; print(sys.hash_info); print(sys.getsizeof(sys.hash_info))
