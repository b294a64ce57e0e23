# lens-corpus: clean: text statistics computed with short-lived temporaries (split lists, slices, joined strings) that are freed as soon as each expression is done.

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""


def words(text):
    cleaned = text.lower().replace(",", " ").replace("\n", " ")
    return [w for w in cleaned.split(" ") if w]


def top_words(text, n):
    counts = {}
    for w in words(text):
        counts[w] = counts.get(w, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:n]


def title_case(line):
    return " ".join(w[:1].upper() + w[1:] for w in line.split())


def initials(text):
    return "".join(w[0] for w in words(text) if len(w) > 5).upper()


for word, count in top_words(TEXT, 5):
    print(f"{word:8s} {count}")
print(title_case(TEXT.splitlines()[0]))
print("initials:", initials(TEXT))
lengths = [len(line) for line in TEXT.splitlines()]
print("line lengths:", lengths, "longest:", max(lengths))
print("palindromes:", sorted(w for w in words("level noon stats civic radar kayak") if w == w[::-1]))
