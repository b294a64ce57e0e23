// node out/bench/check.js (after npm run build): `memlens check` over a generated repository of 1,000 small
// Python files (classes, functions, loops, comprehensions, trees with parent pointers, __main__ guards, imports
// of a sibling module), with the lens budget per file. Prints the wall time and files per second. The goal
// (issue 6): 1,000 files in under a minute on two cores. A measurement, not a test.
// BENCH_CHECK_FILES sets the number of files, BENCH_CHECK_JOBS memlens's --jobs (default: one per core).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const FILES = Number(process.env.BENCH_CHECK_FILES ?? 1000);

/** The sibling module some files import. */
const COMMON = `"""Helpers shared by the modules of this package."""

def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def mean(values):
    return sum(values) / len(values) if values else 0.0
`;

/** Each template makes one file from its number, so that no two files are the same. */
const TEMPLATES: ((n: number) => string)[] = [
  (n) => `"""Accounts and their transactions."""


class Account${n}:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        self.history.append(("withdraw", amount))


def main():
    accounts = [Account${n}(f"user{i}", i * ${n % 7 + 1}) for i in range(20)]
    for account in accounts:
        account.deposit(${n % 50 + 10})
        try:
            account.withdraw(${n % 30 + 5})
        except ValueError:
            pass
    total = sum(a.balance for a in accounts)
    print(total, len(accounts[0].history))


if __name__ == "__main__":
    main()
`,
  (n) => `import collections


WORDS = "the quick brown fox jumps over the lazy dog number ${n}".split()


def frequencies(words):
    counts = collections.Counter()
    for word in words:
        counts[word.lower()] += 1
    return counts


def longest(words):
    best = ""
    for word in words:
        if len(word) > len(best):
            best = word
    return best


def report(words):
    counts = frequencies(words * ${n % 5 + 2})
    lines = []
    for word, count in sorted(counts.items()):
        lines.append(f"{word}: {count}")
    return "\\n".join(lines)


print(report(WORDS))
print(longest(WORDS))
`,
  (n) => `class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

    def path(self):
        node, parts = self, []
        while node is not None:
            parts.append(node.name)
            node = node.parent
        return "/".join(reversed(parts))


def build_tree(depth, width):
    root = Node("root")
    level = [root]
    for d in range(depth):
        level = [Node(f"n{d}_{i}", parent) for parent in level for i in range(width)]
    return root, level


def main():
    root, leaves = build_tree(${n % 3 + 2}, 2)
    print(len(leaves), leaves[-1].path())


if __name__ == "__main__":
    main()
`,
  (n) => `from common import chunks, mean


def scores(seed):
    value = seed
    out = []
    for _ in range(${n % 40 + 40}):
        value = (value * 1103515245 + 12345) % 2**31
        out.append(value % 100)
    return out


def summarize(values):
    return {
        "count": len(values),
        "mean": round(mean(values), 2),
        "max": max(values),
        "batches": [sum(batch) for batch in chunks(values, 8)],
    }


if __name__ == "__main__":
    result = summarize(scores(${n}))
    print(result["count"], result["mean"], result["max"], len(result["batches"]))
`,
  (n) => `def fib(k, cache={}):
    if k < 2:
        return k
    if k not in cache:
        cache[k] = fib(k - 1) + fib(k - 2)
    return cache[k]


def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit + 1, i):
                sieve[j] = False
    return [i for i, is_prime in enumerate(sieve) if is_prime]


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def transpose(self):
        return Matrix([list(col) for col in zip(*self.rows)])


squares = {i: i * i for i in range(${n % 20 + 5})}
print(fib(${n % 25 + 5}), len(primes(${n % 200 + 100})), sum(squares.values()))
print(Matrix([[1, 2, 3], [4, 5, 6]]).transpose().rows)
`,
];

function generate(folder: string): void {
  // Ten files a package (a common.py and nine modules), as a repository spreads its modules.
  for (let p = 0; p * 10 < FILES; p++) {
    const sub = path.join(folder, `pkg${p}`);
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'common.py'), COMMON);
    for (let n = p * 10 + 1; n < Math.min(p * 10 + 10, FILES); n++) {
      fs.writeFileSync(path.join(sub, `mod${n}.py`), TEMPLATES[n % TEMPLATES.length](n));
    }
  }
}

function main(): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'memlens-bench-check-'));
  try {
    generate(folder);
    const jobs = process.env.BENCH_CHECK_JOBS ? ['--jobs', process.env.BENCH_CHECK_JOBS] : [];
    const t0 = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', ...jobs], {
      cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30,
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (result.status !== 0 && result.status !== 1) throw new Error(`memlens check exited ${result.status}: ${result.stderr}`);
    const files: { path: string; diagnostics: unknown[]; notSimulated?: string; stopped?: { reason: string } }[] = JSON.parse(result.stdout).files;
    const findings = files.reduce((sum, file) => sum + file.diagnostics.length, 0);
    const stopped = files.filter((file) => file.stopped).length;
    const notSimulated = files.filter((file) => file.notSimulated).length;
    console.log(`memlens check: ${files.length} files in ${seconds.toFixed(1)} s, ${(files.length / seconds).toFixed(1)} files/s ` +
      `(${jobs[1] ?? os.availableParallelism()} threads on ${os.availableParallelism()} cores); ` +
      `${findings} findings, ${stopped} stopped by a budget, ${notSimulated} not simulated`);
    for (const file of files) if (file.stopped) console.log(`  ${file.path}: ${file.stopped.reason}`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main();
