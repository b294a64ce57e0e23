# Objects referenced by a suspended generator's frame stay alive until the generator finishes or is freed.
class Page:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('  free page', self.n)


def paginate(count):
    for i in range(count):
        page = Page(i)
        yield page.n


pages = paginate(3)
print('first:', next(pages))
print('second:', next(pages))
print('the second page is alive while suspended')
print('finish:', list(pages))
print('generator exhausted')
more = paginate(5)
next(more)
print('dropping a suspended generator')
del more
print('end')
