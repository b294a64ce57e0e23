"""The oracle's driver: runs one Python program the way DESIGN.md says ("CPython is the judge") and returns
what it printed and its exit code, including what `__del__` methods print at interpreter shutdown.

The program is written to `filename` under the current directory first, as if run by `python3 <filename>`:
CPython's own traceback printing (the C one in 3.11 and 3.12) reads source lines from the file.

Two ways in:
- `python3 driver.py` (native CPython, run in an empty temporary directory): reads one JSON request
  {"source", "filename"} on stdin, writes one JSON result {"stdout", "stderr", "exitCode"} on stdout, then
  leaves with os._exit (the shutdown was emulated in run_program and must not print again after the result).
- imported (pyodide, one instance for many programs): call run_program_json(source, filename) per program.
  run_program undoes what a program changes in the interpreter, so programs do not see each other.

Not emulated: atexit callbacks (pyodide registers its own, which must not run), threads.
"""
import builtins
import gc
import io
import json
import linecache
import os
import sys
import types
import warnings
import weakref

_DRIVER_GLOBALS = globals()


def run_program(source, filename):
    saved = _InterpreterState()
    _write_file(filename, source)
    stdout, stderr = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr, sys.stdin = stdout, stderr, io.StringIO()
    try:
        exit_code = _run_then_shut_down(source, filename)
    finally:
        saved.restore()
        os.remove(filename)
    return {'stdout': stdout.getvalue(), 'stderr': stderr.getvalue(), 'exitCode': exit_code}


def run_program_json(source, filename):
    return json.dumps(run_program(source, filename))


def _run_then_shut_down(source, filename):
    # A script's globals are the dict of the `__main__` module: keep that link (pickle, dataclasses and
    # `import __main__` follow it) while giving the dict exactly the two keys DESIGN.md names.
    main = types.ModuleType('__main__')
    namespace = main.__dict__
    for key in ('__doc__', '__package__', '__loader__', '__spec__'):
        del namespace[key]
    namespace['__builtins__'] = builtins
    sys.modules['__main__'] = main
    modules_before = set(sys.modules)

    exit_code, last_exc = 0, None
    try:
        code = compile(source, filename, 'exec')
        gc.collect()  # garbage left by the loader must not show up in the program's gc.collect() counts
        exec(code, namespace)
    except SystemExit as e:
        # Python/pythonrun.c _Py_HandleSystemExit: the exception (and the frames its traceback holds) is freed
        # before finalization starts.
        exit_code = _system_exit_code(e)
    except BaseException as e:
        _print_traceback(e)
        exit_code = 1
        last_exc = e  # PyErr_Print keeps it as sys.last_value until finalization deletes it
    code = None

    # Py_FinalizeEx (Python/pylifecycle.c), the steps that can run a program's __del__:
    gc.collect()  # PyGC_Collect(), while every module is still intact
    last_exc = None  # finalize_modules_delete_special(): sys.last_value, sys.last_traceback
    main_ref = weakref.ref(main)
    del main, namespace
    # finalize_remove_modules(): sys.modules values dropped, __main__ first, then in import order
    sys.modules.pop('__main__', None)
    for name in [m for m in sys.modules if m not in modules_before]:
        del sys.modules[name]
    gc.collect()  # _PyGC_CollectNoFail()
    main = main_ref()
    if main is not None:  # something still holds __main__: finalize_modules_clear_weaklist() wipes it
        _module_clear_dict(main.__dict__)
        main = None
    gc.collect()  # "Collect garbage once more"
    return exit_code


def _system_exit_code(e):
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + '\n')
    return 1


def _print_traceback(exc):
    """Through sys.excepthook, as PyErr_Print does for a script: the program's frames only, not the driver's."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_globals is _DRIVER_GLOBALS:
        tb = tb.tb_next
    exc.__traceback__ = tb  # what the C printer of 3.11 and 3.12 reads, whatever tb it is given
    sys.excepthook(type(exc), exc, tb)


def _write_file(filename, source):
    folder = os.path.dirname(filename)
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(filename, 'w', encoding='utf-8') as f:
        f.write(source)


def _module_clear_dict(d):
    """Objects/moduleobject.c _PyModule_ClearDict: names starting with one underscore first, then the rest
    but __builtins__, each set to None in dict order."""
    for key in list(d):
        if isinstance(key, str) and key.startswith('_') and not key.startswith('__'):
            d[key] = None
    for key in list(d):
        if key != '__builtins__':
            d[key] = None


class _InterpreterState:
    """What a program may change in the interpreter, saved before it runs and put back after."""

    SYS_HOOKS = ('stdin', 'stdout', 'stderr', 'excepthook', 'unraisablehook', 'displayhook')

    def __init__(self):
        self.sys_hooks = {name: getattr(sys, name) for name in self.SYS_HOOKS}
        self.main = sys.modules.get('__main__')
        self.recursion_limit = sys.getrecursionlimit()
        self.gc_enabled = gc.isenabled()
        self.gc_threshold = gc.get_threshold()
        self.gc_debug = gc.get_debug()
        self.gc_callbacks = list(gc.callbacks)
        self.builtins = dict(builtins.__dict__)
        self.warning_filters = list(warnings.filters)
        self.linecache = dict(linecache.cache)
        self.cwd = os.getcwd()

    def restore(self):
        for name, value in self.sys_hooks.items():
            setattr(sys, name, value)
        if self.main is None:
            sys.modules.pop('__main__', None)
        else:
            sys.modules['__main__'] = self.main
        sys.setrecursionlimit(self.recursion_limit)
        (gc.enable if self.gc_enabled else gc.disable)()
        gc.set_threshold(*self.gc_threshold)
        gc.set_debug(self.gc_debug)
        gc.callbacks[:] = self.gc_callbacks
        del gc.garbage[:]
        current = builtins.__dict__
        for name in [n for n in current if n not in self.builtins]:
            del current[name]
        for name, value in self.builtins.items():
            if current.get(name) is not value:
                current[name] = value
        warnings.filters[:] = self.warning_filters
        getattr(warnings, '_filters_mutated', lambda: None)()  # drops the once-registries
        linecache.cache.clear()  # the next program may have the same file name
        linecache.cache.update(self.linecache)
        os.chdir(self.cwd)


def _warm_up():
    # Import now what printing a traceback imports lazily, so that it happens outside any program.
    stderr, sys.stderr = sys.stderr, io.StringIO()
    try:
        exec(compile('1/0\n', '<warm-up>', 'exec'), {})
    except ZeroDivisionError as e:
        sys.excepthook(type(e), e, e.__traceback__)
    finally:
        sys.stderr = stderr


_warm_up()

if __name__ == '__main__':
    request = json.loads(sys.stdin.read())
    result = run_program_json(request['source'], request['filename'])
    sys.stdout.write(result)
    sys.stdout.flush()
    os._exit(0)
