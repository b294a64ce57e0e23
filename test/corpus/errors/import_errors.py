# ImportError and ModuleNotFoundError messages for missing modules and missing names.
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e, '| name:', e.name)
try:
    from math import no_such_function
except ImportError as e:
    print('ImportError:', str(e).split(' (')[0], '| name:', e.name)  # the module's file path varies
try:
    from collections import abc, nope
except ImportError as e:
    print('ImportError:', str(e).split(' (')[0])
try:
    import os.nothing_here
except ImportError as e:
    print(type(e).__name__ + ':', e)
print(issubclass(ModuleNotFoundError, ImportError))
import json
print('json imported:', json.dumps([1]))
import another_missing_module
