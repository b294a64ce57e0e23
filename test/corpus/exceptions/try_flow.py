# The order in which try, except, else and finally blocks run, with and without an exception.
def attempt(value):
    print(f'attempt({value!r})')
    try:
        result = 10 / value
    except ZeroDivisionError:
        print('  except: division by zero')
        return 'failed'
    except TypeError as e:
        print('  except TypeError:', e)
        return 'bad type'
    else:
        print('  else: no exception, result', result)
        return 'ok'
    finally:
        print('  finally always runs')


for v in (2, 0, 'x'):
    print('  ->', attempt(v))
