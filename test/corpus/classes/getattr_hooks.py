# __getattr__ runs only for missing attributes; __setattr__ sees every assignment.
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, '_fields', dict(fields))

    def __getattr__(self, name):
        print(f'  __getattr__({name!r})')
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f'no field {name!r}') from None

    def __setattr__(self, name, value):
        print(f'  __setattr__({name!r}, {value!r})')
        self._fields[name] = value


r = Record(id=1, title='intro')
print(r.id, r.title)
r.title = 'preface'
print(r.title)
print(getattr(r, 'missing', 'default'))
try:
    r.other
except AttributeError as e:
    print('AttributeError:', e)
print(hasattr(r, '_fields'), r._fields)
