# Strings are immutable: methods return new strings, item assignment fails, += builds a new object.
s = 'hello'
t = s
s += ' world'
print(s, '|', t, '|', s is t)
try:
    s[0] = 'H'
except TypeError as e:
    print('TypeError:', e)
print(s.capitalize(), s)
chars = list(s)
chars[0] = 'J'
print(''.join(chars))
print(s * 2, '-' * 10, 3 * 'ab')
parts = []
for word in ['build', 'strings', 'with', 'join']:
    parts.append(word.upper())
print(' '.join(parts))
print(s.encode(), 'ABC'.lower().encode('ascii'), str(b'abc', 'ascii'))
print(s[1:4], s[-5:], s[::2], len(s), s.index('w'))
