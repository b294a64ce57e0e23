// Struct sequences (Objects/structseq.c): tuples whose items also have names, like sys.int_info. Each kind is a
// tuple subclass named `module.name`, with one read-only attribute per field and a repr naming them.
import { reprText } from '../abstract';
import { PyTuple, PyType, type PyObject } from '../objects';
import { alloc, incref, newStr, rt } from '../runtime';
import { newDictObject } from './dict';
import { getter } from './common';

/** PyStructSequence_NewType: the type of a struct sequence with these fields (all visible). */
export function newStructSeqType(module: string, name: string, fields: string[]): PyType {
  const t = new PyType(rt.t.type, name, rt.t.tuple);
  t.module = module;
  t.mro = [t, rt.t.tuple, rt.t.object];
  t.dict = newDictObject();
  // tp_basicsize is sizeof(PyStructSequence) less one item, tp_itemsize a pointer: a tuple's layout.
  t.basicsize = rt.t.tuple.basicsize;
  t.itemsize = rt.t.tuple.itemsize;
  t.hasGC = true;
  t.baseType = false;
  fields.forEach((field, i) => getter<PyTuple>(t, field, (o) => incref(o.items[i])));
  // structseq_repr: "module.name(field=repr, ...)"
  t.slots.tp_repr = (o) => {
    const items = (o as PyTuple).items;
    return newStr(`${module}.${name}(${fields.map((f, i) => `${f}=${reprText(items[i])}`).join(', ')})`);
  };
  return t;
}

/** PyStructSequence_New, filled: owns the given references. */
export function newStructSeq(type: PyType, items: PyObject[]): PyTuple {
  return alloc(new PyTuple(type, items), type.basicsize + items.length * type.itemsize);
}
