# NameError messages for undefined names, including CPython's "Did you mean" suggestions.
def lookup(code):
    try:
        exec(code, {'value': 1, 'counter': 2})
    except NameError as e:
        print(f'{code!r}: {e}')


lookup('valeu + 1')
lookup('print(undefined_thing)')
lookup('countr')
lookup('lenn([1])')


def use_before_global():
    return missing_global_name


try:
    use_before_global()
except NameError as e:
    print(type(e).__name__, e, e.name)
counter = 1
print(countr)
