# lens-corpus: clean library module with its demo under `if __name__ == "__main__":` (run as __main__, so the demo executes): pure functions over strings, nothing retained between calls.


def sentences(text):
    current = []
    for word in text.split():
        current.append(word)
        if word.endswith((".", "!", "?")):
            yield " ".join(current)
            current = []
    if current:
        yield " ".join(current)


def syllables(word):
    word = word.lower().strip(".,!?;:")
    vowels = "aeiouy"
    count, previous = 0, False
    for ch in word:
        is_vowel = ch in vowels
        if is_vowel and not previous:
            count += 1
        previous = is_vowel
    if word.endswith("e") and count > 1:
        count -= 1
    return max(count, 1)


def reading_ease(text):
    sents = list(sentences(text))
    words = text.split()
    syl = sum(syllables(w) for w in words)
    return 206.835 - 1.015 * (len(words) / len(sents)) - 84.6 * (syl / len(words))


if __name__ == "__main__":
    sample = (
        "The cat sat on the mat. It was a sunny day! "
        "Nobody expected the extraordinarily complicated bureaucratic procedure to finish quickly."
    )
    for s in sentences(sample):
        print(len(s.split()), "words:", s)
    print("reading ease:", round(reading_ease(sample), 1))
