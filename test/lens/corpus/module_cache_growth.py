# lens-corpus: a module-level cache of rendered pages keyed by (path, user id) grows with every request of the simulated server loop and is never evicted.

_rendered = {}


def render_page(path, user_id, visits):
    key = (path, user_id)
    page = _rendered.get(key)
    if page is None:
        title = path.strip("/").replace("/", " / ").title() or "Home"
        page = f"<h1>{title}</h1><p>user {user_id}</p>"
        _rendered[key] = page  # expect: long-lived-allocation
    visits[path] = visits.get(path, 0) + 1
    return page


def serve(requests):
    visits = {}
    size = 0
    for n in range(requests):
        path = ("/", "/docs", "/docs/api", "/blog", "/about")[n % 5]
        user_id = 1000 + n
        size += len(render_page(path, user_id, visits))
    return size, visits


total_bytes, visits = serve(300)
print("bytes served:", total_bytes)
for path, count in sorted(visits.items()):
    print(f"{path:10s} {count}")
print("cached pages:", len(_rendered))
