// collections.abc (Lib/collections/abc.py): the names of _collections_abc.
export const source = String.raw`from _collections_abc import *
from _collections_abc import __all__
`;
