# What exception objects carry: args, str() and repr(), and how KeyError quotes its key.
samples = [
    ValueError('bad value'),
    ValueError('two', 'args'),
    KeyError('missing'),
    KeyError(42),
    FileNotFoundError(2, 'No such file or directory'),
    IndexError(),
    StopIteration(7),
    TypeError('a', 1, None),
]
for e in samples:
    print(f'{type(e).__name__:18} args={e.args!r:38} str={str(e)!r}')
print(repr(ValueError('x')), repr(KeyError('k')))
os_error = FileNotFoundError(2, 'No such file or directory', 'data.txt')
print(os_error.errno, os_error.strerror, os_error.filename)
print(isinstance(os_error, OSError), str(os_error))
print(StopIteration(7).value)
