# lens-corpus: a service memoises responses in a dict keyed by request objects; every request handled stays alive in the cache, which grows with each request served.


class Request:
    def __init__(self, method, path, body=""):
        self.method = method
        self.path = path
        self.body = body


class Response:
    def __init__(self, status, text):
        self.status = status
        self.text = text


class UserService:
    def __init__(self, users):
        self.users = users
        self._cache = {}

    def handle(self, request):
        cached = self._cache.get(request)
        if cached is not None:
            return cached
        response = self._dispatch(request)
        self._cache[request] = response  # expect: missing-weakref, long-lived-allocation
        return response

    def _dispatch(self, request):
        if request.method != "GET":
            return Response(405, "method not allowed")
        user_id = request.path.rsplit("/", 1)[-1]
        if user_id not in self.users:
            return Response(404, "no such user")
        return Response(200, self.users[user_id])


service = UserService({"1": "alice", "2": "bob", "3": "carol"})

incoming = [
    ("GET", "/users/1"),
    ("GET", "/users/2"),
    ("POST", "/users/9"),
    ("GET", "/users/3"),
    ("GET", "/users/7"),
]
status_counts = {}
for tick in range(40):
    method, path = incoming[tick % len(incoming)]
    response = service.handle(Request(method, path))
    status_counts[response.status] = status_counts.get(response.status, 0) + 1
    if tick % 10 == 0:
        print(tick, method, path, response.status, response.text)

print("statuses:", sorted(status_counts.items()))
