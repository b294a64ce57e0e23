# print() with sep, end, several arguments, no arguments, and file=sys.stderr.
import sys

print('a', 'b', 'c')
print('a', 'b', 'c', sep='-')
print('no newline', end='')
print(' ... continued')
print()
print('x', 1, 2.5, None, [1], sep=' | ', end=' <end>\n')
print(*range(5))
print(*'abc', sep='')
print('to stderr', file=sys.stderr)
print('%d items' % 3, 'done', sep=': ')
sys.stdout.write('written directly\n')
print('multi\nline', 'text', sep='\n---\n')
print('', end='')
print('last line')
