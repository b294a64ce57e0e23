# send() resumes a generator with a value: a running-average coroutine.
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count


avg = averager()
print('primed:', next(avg))
for v in [10, 20, 30, 5]:
    print(f'send({v}) ->', avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print('finished after', e.value, 'values')
fresh = averager()
try:
    fresh.send(1)
except TypeError as e:
    print('TypeError:', e)
