// The standard-library modules the simulator runs from Python source (the ones CPython writes in Python), by
// module name. Each source is our own code, written to behave as CPython's module does.
import * as abc from './abc';
import * as collections from './collections';
import * as collectionsAbc from './collections_abc';
import * as collectionsAbcSub from './collections_abc_sub';
import * as contextlib from './contextlib';
import * as copy from './copy';
import * as copyreg from './copyreg';
import * as dataclasses from './dataclasses';
import * as decimal from './decimal';
import * as enumMod from './enum';
import * as fractions from './fractions';
import * as functools from './functools';
import * as heapq from './heapq';
import * as inspect from './inspect';
import * as json from './json';
import * as keyword from './keyword';
import * as numbers from './numbers';
import * as linecache from './linecache';
import * as pprintMod from './pprint';
import * as random from './random';
import * as reprlib from './reprlib';
import * as statistics from './statistics';
import * as stringMod from './string';
import * as textwrap from './textwrap';
import * as traceback from './traceback';
import * as tracemalloc from './tracemalloc';
import * as types from './types';
import * as typing from './typing';

export const pylibSources: Record<string, string> = {
  abc: abc.source,
  collections: collections.source,
  'collections.abc': collectionsAbcSub.source,
  _collections_abc: collectionsAbc.source,
  contextlib: contextlib.source,
  copy: copy.source,
  copyreg: copyreg.source,
  dataclasses: dataclasses.source,
  decimal: decimal.source,
  enum: enumMod.source,
  fractions: fractions.source,
  functools: functools.source,
  heapq: heapq.source,
  inspect: inspect.source,
  json: json.init,
  'json.decoder': json.decoder,
  'json.encoder': json.encoder,
  'json.scanner': json.scanner,
  keyword: keyword.source,
  numbers: numbers.source,
  linecache: linecache.source,
  pprint: pprintMod.source,
  random: random.source,
  reprlib: reprlib.source,
  statistics: statistics.source,
  string: stringMod.source,
  _string: stringMod.stringHelpers,
  textwrap: textwrap.source,
  traceback: traceback.source,
  tracemalloc: tracemalloc.source,
  types: types.source,
  typing: typing.source,
};
