"""Dumps CPython's own AST of each file named on stdin, one JSON line per file.

Used by the parser conformance suite: CPython is the judge of what our parser must produce.
"""
import ast
import json
import sys


def statement_lines(tree):
    """(type, lineno) of every statement, depth first in field order."""
    out = []

    def visit(node):
        if isinstance(node, ast.stmt):
            out.append([type(node).__name__, node.lineno])
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, ast.AST):
                visit(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        visit(item)

    visit(tree)
    return out


for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    try:
        with open(path, "rb") as f:
            source = f.read()
        tree = ast.parse(source, path)
        result = {"path": path, "ok": True, "dump": ast.dump(tree), "stmts": statement_lines(tree)}
    except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, MemoryError) as e:
        result = {"path": path, "ok": False, "error": f"{type(e).__name__}: {e}"}
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
