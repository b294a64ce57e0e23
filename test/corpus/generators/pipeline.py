# A data pipeline of generators: each stage pulls one item at a time from the previous one.
def read_lines():
    data = ['10', 'x', '20', '', '30', '-5']
    for line in data:
        print(f'  read {line!r}')
        yield line


def parse(lines):
    for line in lines:
        if line.strip().lstrip('-').isdigit():
            yield int(line)


def positive(numbers):
    for n in numbers:
        if n > 0:
            yield n


def running_total(numbers):
    total = 0
    for n in numbers:
        total += n
        yield total


for t in running_total(positive(parse(read_lines()))):
    print('total so far:', t)
