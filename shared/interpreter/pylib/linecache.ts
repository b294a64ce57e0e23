// linecache (Lib/linecache.py): source lines by file name, read from the simulator's own copies of the
// program's files (the simulation never reads the disk).
export const source = String.raw`"""Cache lines from Python source files."""

from _simsupport import getlines as _read_lines

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard cache entries that are out of date (the simulated files never change)."""
    pass


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines."""
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    lines = _read_lines(filename)
    if not lines:
        return []
    size = sum(len(line) for line in lines)
    cache[filename] = size, None, lines, filename
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals (nothing to do here)."""
    return False
`;
