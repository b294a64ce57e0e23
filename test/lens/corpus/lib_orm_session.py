# lens-corpus: library module (definitions only): a tiny unit-of-work session that tracks entities, each entity holding a strong reference to its session; nothing runs at import time.


class Entity:
    def __init__(self, table, key, fields):
        self.table = table
        self.key = key
        self.fields = dict(fields)
        self.session = None
        self.dirty = False

    def set(self, name, value):
        if self.fields.get(name) != value:
            self.fields[name] = value
            self.dirty = True


class Session:
    def __init__(self, database_name):
        self.database_name = database_name
        self.identity_map = {}
        self.flushed = 0

    def add(self, table, key, **fields):
        entity = Entity(table, key, fields)
        entity.session = self  # expect: missing-weakref
        self.identity_map[(table, key)] = entity  # expect: cycle-candidate
        return entity

    def get(self, table, key):
        return self.identity_map.get((table, key))

    def flush(self):
        statements = []
        for (table, key), entity in sorted(self.identity_map.items()):
            if entity.dirty:
                cols = ", ".join(f"{k}={v!r}" for k, v in sorted(entity.fields.items()))
                statements.append(f"UPDATE {table} SET {cols} WHERE id={key!r}")
                entity.dirty = False
        self.flushed += len(statements)
        return statements
