# close() raises GeneratorExit at the paused yield: finally blocks run and the generator is done.
def worker(name):
    print(f'  {name}: setup')
    try:
        i = 0
        while True:
            yield i
            i += 1
    except GeneratorExit:
        print(f'  {name}: got GeneratorExit')
        raise
    finally:
        print(f'  {name}: cleanup')


w = worker('w1')
print(next(w), next(w))
w.close()
print('closed; next gives StopIteration:', next(w, 'done'))
unstarted = worker('w2')
unstarted.close()
print('closing an unstarted generator runs nothing')
w3 = worker('w3')
next(w3)
print('dropping the last reference closes it too')
w3 = None
print('end')
