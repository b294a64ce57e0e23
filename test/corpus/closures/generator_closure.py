# Closures and generators together: a generator function that closes over a growing history.
def make_logger():
    history = []

    def log(message):
        history.append(message)
        return len(history)

    def replay():
        for i, m in enumerate(history):
            yield f'{i}: {m}'

    return log, replay


log, replay = make_logger()
log('start')
log('work')
r = replay()
print(next(r))
log('added while replaying')
print(list(r))
print('both share one cell:', log.__closure__[0] is replay.__closure__[0])
print(list(replay())[-1])
