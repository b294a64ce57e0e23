// keyword (Lib/keyword.py), per version.
export const source = String.raw`"""Keywords (from "Grammar/python.gram")"""
import sys as _sys

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
    'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
    'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'
]

softkwlist = ['_', 'case', 'match'] + (['type'] if _sys.version_info >= (3, 12) else [])

iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
del _sys
`;
