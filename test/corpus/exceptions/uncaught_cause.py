# An uncaught exception raised `from` another: the cause prints first, then the direct cause line.
class ValidationError(Exception):
    pass


def validate(record):
    try:
        return record['age'] >= 0
    except KeyError as e:
        raise ValidationError('record has no age') from e


records = [{'age': 3}, {'name': 'x'}]
for r in records:
    print('valid:', validate(r))
