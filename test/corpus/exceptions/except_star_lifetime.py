# except*: the parts of a group live as long as something holds them; __del__ shows when each goes.
import gc, sys

class Job(Exception):
    def __del__(self):
        print('  del', self.args[0])

def handle():
    try:
        raise ExceptionGroup('jobs', [Job('a'), ValueError('b'), Job('c')])
    except* Job as eg:
        print('  handling', len(eg.exceptions), 'jobs')
        first = eg.exceptions[0]
    except* ValueError:
        print('  value error handled')
    print('  handlers done')
    return first

print('handle')
kept = handle()
print('kept', kept.args[0], sys.getrefcount(kept))
del kept
print('collected', gc.collect())

print('split')
group = ExceptionGroup('pair', [Job('d'), Job('e')])
d_part, e_part = group.split(lambda e: e.args[0] == 'd')
print(d_part.exceptions[0] is group.exceptions[0], sys.getrefcount(group.exceptions[1]))
del group, d_part
print('e still held by its part')
del e_part
print('collected', gc.collect())

print('escaping group')
def escape():
    try:
        raise ExceptionGroup('out', [Job('f'), KeyError('g')])
    except* KeyError:
        pass
try:
    escape()
except ExceptionGroup as eg:
    print('  caught', repr(eg))
print('after the except clause')
print('collected', gc.collect())
print('end')
