# A return in finally overrides the try block's return and swallows an exception.
def override():
    try:
        return 'from try'
    finally:
        print('finally runs before the return completes')


def swallow():
    for _ in range(1):
        try:
            raise ValueError('lost')
        finally:
            break
    return 'exception swallowed by break'


def cleanup_order():
    log = []
    try:
        try:
            log.append('inner try')
            raise KeyError('k')
        finally:
            log.append('inner finally')
    except KeyError:
        log.append('outer except')
    finally:
        log.append('outer finally')
    return log


print(override())
print(swallow())
print(cleanup_order())
