# An object captured by a closure lives as long as the closure, even after the enclosing call returned.
class Connection:
    def __init__(self, url):
        self.url = url
        print('connect', url)

    def __del__(self):
        print('disconnect', self.url)


def make_fetcher(url):
    conn = Connection(url)

    def fetch(path):
        return conn.url + path

    return fetch


def make_constant(url):
    conn = Connection(url)
    return lambda: 'no reference to conn'


fetch = make_fetcher('db://main')
print(fetch('/users'))
const = make_constant('db://unused')
print(const())
print('dropping fetch')
del fetch
print('end')
