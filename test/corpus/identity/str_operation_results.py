# Some str operations return the very same object when nothing changes; others always build a new one.
def make(text):
    return ''.join(list(text))


s = make('memory lens')
print('s + "" is s:', (s + make('')) is s)
print('s * 1 is s:', s * 1 is s)
print('str(s) is s:', str(s) is s)
print('s.strip() with nothing to strip:', s.strip() is s)
print('s.replace with no match:', s.replace('x', 'y') is s)
print('s[:] is s:', s[:] is s)
print('s.lower() when already lower:', s.lower() is s)
print('s.upper() is new:', s.upper() is s)
print('format(s) is s:', format(s) is s)
print('f-string of s alone:', f'{s}' is s)
print('s.split()[0] is new:', s.split()[0] is s)
