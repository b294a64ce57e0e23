# lens-corpus: plugins register their instances in a class-level dict on construction; after each editing session ends, its plugins live on in the registry.


class Plugin:
    registry = {}

    def __init__(self, name, session):
        self.name = name
        self.session = session
        self.calls = 0
        Plugin.registry[name] = self  # expect: missing-weakref

    def run(self, text):
        self.calls += 1
        return text


class UpperCase(Plugin):
    def run(self, text):
        super().run(text)
        return text.upper()


class Trim(Plugin):
    def run(self, text):
        super().run(text)
        return " ".join(text.split())


class Exclaim(Plugin):
    def run(self, text):
        super().run(text)
        return text + "!"


def editing_session(session_id, lines):
    plugins = [Trim("trim", session_id), UpperCase("upper", session_id), Exclaim("exclaim", session_id)]
    out = []
    for line in lines:
        for plugin in plugins:
            line = plugin.run(line)
        out.append(line)
    return out


for sid, lines in enumerate([["  hello   world "], ["good  morning", " see you  "], ["bye"]]):
    print(sid, editing_session(sid, lines))

for name, plugin in sorted(Plugin.registry.items()):
    print("registered:", name, "from session", plugin.session, "calls", plugin.calls)
