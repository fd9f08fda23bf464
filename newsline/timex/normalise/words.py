"""The words dates are made of: month and weekday names, counts in digits or words, units."""

from __future__ import annotations

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}

WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a couple of": 2, "a dozen": 12,
}

#: "nearly two weeks", "casi dos semanas": a day short of the weeks counted, not the day they end on.
NEARLY = frozenset({"nearly", "almost", "just under", "casi", "poco menos de"})

OPEN_ENDED = {"over", "more than", "at least", "less than", "fewer than", "under"}

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}

_TEENS = {"thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
          "eleven": 11, "twelve": 12, "fifteen": 15, "ten": 10}


def month_number(name: str) -> int:
    return MONTHS[name.strip(".").lower()[:3]]


def number(word: str | None) -> int | None:
    """A count from digits or words; None when vague ("a few") or absent."""
    if word is None:
        return None
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def count(word: str | None) -> int | None:
    """A count in digits or words, compounds included ("twenty four", "twenty-four", "a hundred")."""
    if word is None:
        return None
    word = " ".join(word.lower().replace("-", " ").split())
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word in NUMBERS:
        return NUMBERS[word]
    if word in _TEENS:
        return _TEENS[word]
    parts = word.split()
    if parts and parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and NUMBERS.get(parts[1], 10) < 10)):
        return _TENS[parts[0]] + (NUMBERS[parts[1]] if len(parts) == 2 else 0)
    if parts[-1:] == ["hundred"] and len(parts) == 2:
        return (NUMBERS.get(parts[0]) or 0) * 100 or None
    return None


def unit_name(unit: str) -> str:
    return unit.lower().rstrip("s")


def unit_key(unit: str) -> str:
    unit = unit.lower()
    if unit.startswith("centur"):
        return "century"
    return unit.rstrip("s") if unit not in ("days",) else "day"
