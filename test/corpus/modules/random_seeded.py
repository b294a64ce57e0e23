# random with a fixed seed gives the same sequence every run.
import random

random.seed(2024)
print([random.randint(1, 6) for _ in range(10)])
print(round(random.random(), 12), round(random.uniform(10, 20), 12))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.choice('abcdef'), random.sample(range(100), 5))
print(random.choices(['red', 'green', 'blue'], weights=[5, 1, 1], k=6))
rng = random.Random(7)
print([rng.randrange(0, 100, 5) for _ in range(5)], rng.getrandbits(16))
random.seed('text seed')
first = random.random()
random.seed('text seed')
print('string seeds repeat:', first == random.random())
