# ExceptionGroup and except*: each handler takes the matching part of the group.
def run_all():
    errors = []
    for i, job in enumerate(['1', 'x', '3', None]):
        try:
            int(job)
        except (ValueError, TypeError) as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup('some jobs failed', errors)


try:
    run_all()
except* ValueError as group:
    print('value errors:', [str(e) for e in group.exceptions])
except* TypeError as group:
    print('type errors:', len(group.exceptions))
eg = ExceptionGroup('batch', [KeyError('a'), ValueError('b'), KeyError('c')])
print(eg)
keys, rest = eg.split(KeyError)
print('split:', [repr(e) for e in keys.exceptions], [repr(e) for e in rest.exceptions])
print('subgroup:', eg.subgroup(ValueError).exceptions)
