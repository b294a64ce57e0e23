# Building dicts with comprehensions and zip, inverting and filtering them.
names = ['ada', 'grace', 'linus']
langs = ['analytical engine', 'cobol', 'c']
creators = dict(zip(names, langs))
print(creators)
lengths = {name: len(name) for name in names}
print(lengths)
inverted = {lang: name for name, lang in creators.items()}
print(inverted['cobol'])
long_names = {k: v for k, v in lengths.items() if v > 3}
print(long_names)
squares = {n: n * n for n in range(6)}
print(squares)
by_parity = {}
for n, sq in squares.items():
    by_parity.setdefault('even' if n % 2 == 0 else 'odd', []).append(sq)
print(by_parity)
print(dict(enumerate('abc', start=1)))
print(dict([('x', 1), ('y', 2)], z=3))
