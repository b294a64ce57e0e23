# The sieve of Eratosthenes with nested loops and a boolean list.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for multiple in range(n * n, limit + 1, n):
                is_prime[multiple] = False
    return [n for n, prime in enumerate(is_prime) if prime]


primes = sieve(100)
print(primes)
print('count:', len(primes), 'sum:', sum(primes))
gaps = [b - a for a, b in zip(primes, primes[1:])]
print('largest gap:', max(gaps), 'twin primes:', gaps.count(2))
print('primes below 1000:', len(sieve(1000)))
