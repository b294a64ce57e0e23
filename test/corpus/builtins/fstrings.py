# f-strings: expressions, conversions, format specs, the = specifier, nesting and quotes.
name = 'Ada'
year = 1815
pi = 3.141592653589793
items = ['x', 'y']
print(f'{name} was born in {year}.')
print(f'{name!r} {name!s} {name!a} {"é"!a}')
print(f'{pi:.3f} {pi:10.2f}| {year:,} {year:08d} {255:#x}')
print(f'{year=} {pi=:.2f} {name.upper()=}')
width, prec = 12, 4
print(f'[{pi:{width}.{prec}f}]')
print(f'{len(items)} items: {", ".join(items)}')
print(f'{"quoted"} {{literal braces}} {year % 100:02d}')
print(f'{3 + 4 * 2} {[n * n for n in range(4)]} {dict(a=1)}')
print(f'{name:>10}|{name:<10}|{name:^10}|')
value = None
print(f'{value} {value!r} {True} {1 / 3}')
