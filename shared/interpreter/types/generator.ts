// Generators (Objects/genobject.c): next/send/throw/close over a suspended frame, StopIteration carrying the
// return value, and the finalizer that closes a generator dropped while suspended (running its finally blocks).
import { addressHex, call, excType, isInstance, isRaised } from '../abstract';
import { PyBaseException, PyGenerator, PyObject, PyType } from '../objects';
import { PyRaise, decref, incref, newException, newInt, newStr, raise, rt } from '../runtime';
import { generatorHeaderSize, interpreterFrameHeaderSize } from '../sizes';
import type { TypeTable } from '../typetable';
import { clearFrame, frameObject, genSend, makeExceptionFrom, takeReturnValue } from '../vm';
import { Op } from '../opcodes';
import { method } from './util';

/** Whether the generator's frame has run past its start (gen.gi_frame.f_lasti >= 0 in CPython terms). */
function started(g: PyGenerator): boolean {
  const f = g.frame;
  return !!f && f.pc > 0 && f.code.code[(f.pc - 1) * 2] !== Op.RETURN_GENERATOR;
}

/** send(): the yielded value, or StopIteration(return value). */
function send(g: PyGenerator, value: PyObject): PyObject {
  const r = genSend(g, value, false);
  if (r) return r;
  return stopIteration(g);
}

function stopIteration(g: PyGenerator): never {
  const v = takeReturnValue(g);
  const args = v === rt.None ? [] : [v];
  if (v === rt.None) decref(v);
  throw new PyRaise(newException(excType('StopIteration'), args));
}

/** gen.throw(exc): raise exc where the generator is suspended. */
function throwInto(g: PyGenerator, exc: PyBaseException): PyObject {
  if (!g.frame) throw new PyRaise(exc);
  const r = genSend(g, null, false, exc);
  if (r) return r;
  return stopIteration(g);
}

/** gen.close(): GeneratorExit at the suspension point; yielding again is a RuntimeError. */
export function closeGenerator(g: PyGenerator): void {
  if (!g.frame) return;
  if (!started(g)) {
    // Never started: just drop the frame.
    const f = g.frame;
    g.frame = null;
    clearFrame(f);
    return;
  }
  const exit = newException(excType('GeneratorExit'), []);
  let r: PyObject | null;
  try {
    r = genSend(g, null, true, exit);
  } catch (e) {
    if (isRaised(e, excType('GeneratorExit')) || isRaised(e, excType('StopIteration'))) {
      decref(e.exc);
      return;
    }
    throw e;
  }
  if (r) {
    decref(r);
    raise(excType('RuntimeError'), 'generator ignored GeneratorExit');
  }
  const v = takeReturnValue(g);
  decref(v);
}

export function install(t: TypeTable): void {
  const gen: PyType = t.generator;
  gen.slots.tp_iter = (self) => incref(self);
  gen.slots.tp_iternext = (self) => {
    // gen_iternext: exhausted; a return value other than None travels in StopIteration(value).
    const g = self as PyGenerator;
    const r = genSend(g, rt.None, false);
    if (r) return r;
    const v = takeReturnValue(g);
    if (v === rt.None) {
      decref(v);
      return null;
    }
    throw new PyRaise(newException(excType('StopIteration'), [v]));
  };
  gen.slots.tp_repr = (self) => newStr(`<generator object ${(self as PyGenerator).qualname.value} at ${addressHex(self)}>`);
  gen.slots.tp_finalize = (self) => {
    const g = self as PyGenerator;
    // _PyGen_Finalize: gen_close. 3.11 closes a never-started generator by running its frame into GeneratorExit
    // (which clears the frame); 3.12+ only marks it completed and the frame keeps its locals.
    if (g.frame && (started(g) || rt.v < 312)) closeGenerator(g);
  };
  gen.slots.tp_clear = (self) => {
    const g = self as PyGenerator;
    const f = g.frame;
    g.frame = null;
    if (f) clearFrame(f);
    decref(g.name);
    decref(g.qualname);
  };
  gen.slots.tp_traverse = (self, visit) => {
    const f = (self as PyGenerator).frame;
    if (!f) return;
    // _PyFrame_Traverse: frame_obj, f_locals, f_func, then the locals and the stack.
    if (f.frameObject) visit(f.frameObject);
    if (f.localsSnapshot) visit(f.localsSnapshot);
    if (f.func) visit(f.func);
    for (const o of f.fast) if (o) visit(o);
    for (let i = 0; i < f.sp; i++) {
      const o = f.stack[i];
      if (o) visit(o);
    }
  };
  gen.slots.tp_getattro = (self, name) => {
    const g = self as PyGenerator;
    switch (name.value) {
      case '__name__': return incref(g.name);
      case '__qualname__': return incref(g.qualname);
      case 'gi_running': return incref(g.running ? rt.True : rt.False);
      case 'gi_suspended': return incref(g.frame && started(g) && !g.running ? rt.True : rt.False);
      case 'gi_frame': {
        if (!g.frame) return incref(rt.None);
        return incref(frameObject(g.frame));
      }
      case 'gi_code': return g.frame ? incref(g.frame.code) : incref(rt.None);
      default: return null;
    }
  };
  method(gen, 'send', (args, _k, self) => send(self as PyGenerator, args[0]));
  method(gen, 'throw', (args, _k, self) => {
    let exc: PyBaseException;
    const typ = args[0];
    if (args.length >= 2 && args[1] !== rt.None) {
      exc = makeExceptionFrom(args[1]);
    } else {
      exc = makeExceptionFrom(typ);
    }
    if (!isInstance(exc, excType('BaseException'))) raise(excType('TypeError'), 'exceptions must derive from BaseException');
    return throwInto(self as PyGenerator, exc);
  });
  // gen_sizeof (Objects/genobject.c): the generator up to gi_iframe, the interpreter frame's header, its slots.
  method(gen, '__sizeof__', (_a, _k, self) => newInt(
    generatorHeaderSize() + interpreterFrameHeaderSize() + (self as PyGenerator).frameSlots * rt.version.ptr));
  method(gen, 'close', (_a, _k, self) => {
    closeGenerator(self as PyGenerator);
    return incref(rt.None);
  });
  void call;
}
