// copy (Lib/copy.py): shallow and deep copies through the same dispatch tables, reduction protocol and memo
// (which keeps every copied original alive until the deepcopy returns) as CPython's, per version.
export const source = String.raw`"""Generic (shallow and deep) copying operations."""

import sys
import types
import weakref
from copyreg import dispatch_table

_V = sys.version_info[:2]


class Error(Exception):
    pass


error = Error

__all__ = ["Error", "copy", "deepcopy"]
if _V >= (3, 13):
    __all__.append("replace")


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _V >= (3, 14):
        if cls in _copy_atomic_types:
            return x
        if cls in _copy_builtin_containers:
            return cls.copy(x)
    else:
        copier = _copy_dispatch.get(cls)
        if copier:
            return copier(x)

    if issubclass(cls, type):
        return x

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    reductor = dispatch_table.get(cls, None)
    if reductor is not None:
        rv = reductor(x)
    else:
        reductor = getattr(x, "__reduce_ex__", None)
        if reductor is not None:
            rv = reductor(4)
        else:
            reductor = getattr(x, "__reduce__", None)
            if reductor:
                rv = reductor()
            else:
                raise Error("un(shallow)copyable object of type %s" % cls)

    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_atomic_types = {types.NoneType, int, float, bool, complex, str, tuple,
                      bytes, frozenset, type, range, slice, property,
                      types.BuiltinFunctionType, types.EllipsisType,
                      types.NotImplementedType, types.FunctionType, types.CodeType,
                      weakref.ref}
if _V >= (3, 14):
    _copy_atomic_types.add(super)
_copy_builtin_containers = {list, dict, set, bytearray}


def _copy_immutable(x):
    return x


_copy_dispatch = {}
for _t in (types.NoneType, int, float, bool, complex, str, tuple,
           bytes, frozenset, type, range, slice, property,
           types.BuiltinFunctionType, types.EllipsisType,
           types.NotImplementedType, types.FunctionType, weakref.ref, types.CodeType):
    _copy_dispatch[_t] = _copy_immutable
_copy_dispatch[list] = list.copy
_copy_dispatch[dict] = dict.copy
_copy_dispatch[set] = set.copy
_copy_dispatch[bytearray] = bytearray.copy
del _t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if _V >= (3, 14):
        cls = type(x)
        if cls in _atomic_types:
            return x
        d = id(x)
        if memo is None:
            memo = {}
        else:
            y = memo.get(d, _nil)
            if y is not _nil:
                return y
    elif _V >= (3, 13):
        d = id(x)
        if memo is None:
            memo = {}
        else:
            y = memo.get(d, _nil)
            if y is not _nil:
                return y
        cls = type(x)
    else:
        if memo is None:
            memo = {}
        d = id(x)
        y = memo.get(d, _nil)
        if y is not _nil:
            return y
        cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = x
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                reductor = dispatch_table.get(cls)
                if reductor:
                    rv = reductor(x)
                else:
                    reductor = getattr(x, "__reduce_ex__", None)
                    if reductor is not None:
                        rv = reductor(4)
                    else:
                        reductor = getattr(x, "__reduce__", None)
                        if reductor:
                            rv = reductor()
                        else:
                            raise Error(
                                "un(deep)copyable object of type %s" % cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # An object that is its own copy is not remembered.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_atomic_types = {types.NoneType, types.EllipsisType, types.NotImplementedType,
                 int, float, bool, complex, bytes, str, types.CodeType, type, range,
                 types.BuiltinFunctionType, types.FunctionType, weakref.ref, property}

_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


if _V < (3, 14):
    for _t in (types.NoneType, types.EllipsisType, types.NotImplementedType, int, float, bool, complex,
               bytes, str, types.CodeType, type, range, types.BuiltinFunctionType, types.FunctionType,
               weakref.ref, property):
        d[_t] = _deepcopy_atomic
    del _t


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # A tuple that contains itself: the copy made on the way in is the answer.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


d[types.MethodType] = _deepcopy_method

del d


def _keep_alive(x, memo):
    """Keeps a reference to x in the memo, so that its id is not reused while the copy is made."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y


del types, weakref

if _V >= (3, 13):
    def replace(obj, /, **changes):
        """Return a new object replacing specified fields with new values."""
        cls = obj.__class__
        func = getattr(cls, '__replace__', None)
        if func is None:
            raise TypeError(f"replace() does not support {cls.__name__} objects")
        return func(obj, **changes)
`;
