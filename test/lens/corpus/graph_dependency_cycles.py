# lens-corpus: a build dependency graph with a circular dependency, built and checked inside a function: nodes reference each other through their edge lists, and the recursive nested visit() holds itself through its closure cell, so both are cyclic garbage afterwards.


class Target:
    def __init__(self, name):
        self.name = name
        self.deps = []

    def depends_on(self, other):
        self.deps.append(other)  # expect: cycle-candidate


def find_cycle(targets):
    state = {}
    stack = []

    def visit(t):  # expect: cycle-candidate
        state[t.name] = "active"
        stack.append(t.name)
        for dep in t.deps:
            if state.get(dep.name) == "active":
                return stack[stack.index(dep.name):] + [dep.name]
            if dep.name not in state:
                found = visit(dep)
                if found:
                    return found
        state[t.name] = "done"
        stack.pop()
        return None

    for t in targets.values():
        if t.name not in state:
            found = visit(t)
            if found:
                return found
    return None


def check_build(spec):
    targets = {}
    for name, deps in spec:
        targets.setdefault(name, Target(name))
        for dep in deps:
            targets.setdefault(dep, Target(dep))
            targets[name].depends_on(targets[dep])
    return find_cycle(targets)


SPECS = {
    "clean": [("app", ["lib", "ui"]), ("ui", ["lib"]), ("lib", ["core"])],
    "broken": [("app", ["lib"]), ("lib", ["core"]), ("core", ["config"]), ("config", ["lib"])],
}
for label, spec in SPECS.items():
    cycle = check_build(spec)
    print(label, "->", " -> ".join(cycle) if cycle else "no cycle")
