// The standard-library modules the simulator runs from Python source (the ones CPython writes in Python), by
// module name. Each source is our own code, written to behave as CPython's module does.
import * as abc from './abc';
import * as collections from './collections';
import * as collectionsAbc from './collections_abc';
import * as collectionsAbcSub from './collections_abc_sub';
import * as copy from './copy';
import * as copyreg from './copyreg';
import * as functools from './functools';
import * as heapq from './heapq';
import * as keyword from './keyword';
import * as random from './random';
import * as reprlib from './reprlib';
import * as types from './types';

export const pylibSources: Record<string, string> = {
  abc: abc.source,
  collections: collections.source,
  'collections.abc': collectionsAbcSub.source,
  _collections_abc: collectionsAbc.source,
  copy: copy.source,
  copyreg: copyreg.source,
  functools: functools.source,
  heapq: heapq.source,
  keyword: keyword.source,
  random: random.source,
  reprlib: reprlib.source,
  types: types.source,
};
