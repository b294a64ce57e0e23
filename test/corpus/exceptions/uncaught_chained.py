# An uncaught exception raised while handling another: both tracebacks print and the exit code is 1.
def parse_port(text):
    try:
        return int(text)
    except ValueError:
        raise LookupError(f'no port in {text!r}')


def connect(address):
    host, _, port = address.partition(':')
    print('connecting to', host)
    return parse_port(port)


print(connect('example.org:80'))
print(connect('example.org:http'))
print('never printed')
