# The loop variable is one more reference to the current item; it keeps the last item after the loop.
import sys


class Job:
    def __init__(self, name):
        self.name = name


jobs = [Job('parse'), Job('check'), Job('emit')]
for job in jobs:
    print(job.name, sys.getrefcount(job))

print('after the loop, last job:', sys.getrefcount(jobs[-1]))
print('first job:', sys.getrefcount(jobs[0]))
del job
print('loop variable deleted:', sys.getrefcount(jobs[-1]))


def count_in_function(items):
    counts = []
    for item in items:
        counts.append(sys.getrefcount(item))
    return counts


print('inside a function:', count_in_function(jobs))
