# Ints from -5 to 256 are cached singletons; ints created at run time outside that range are new objects.
def parse(text):
    return int(text)


for text in ['-6', '-5', '0', '100', '256', '257', '1000']:
    a = parse(text)
    b = parse(text)
    print(f'{text:>5}: equal={a == b} identical={a is b}')

x = 250
y = x + 6
print('250 + 6 is 256:', y is parse('256'))
z = x + 7
print('250 + 7 is 257:', z is parse('257'))
values = [n * 2 for n in range(126, 130)]
print('doubled:', values, [v is parse(str(v)) for v in values])
