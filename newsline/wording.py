"""The words and figures of a sentence that say what it states, used to compare two reports.

Dates and actor names are blanked out first, case and accents are folded, and stop words in
English and Spanish are dropped, so two sentences compare on what they say happened.
"""

from __future__ import annotations

import re

from .actors import ActorMatcher, fold

STOP_WORDS = frozenset("""
a about above after again against ago all also am an and any are as at be because been before being
but by can could did do does doing down during each few for from further had has have having he her
here hers him his how i if in into is it its itself just more most no nor not now of off on once only
or other our out over own same she should so some such than that the their them then there these they
this those through to too under until up very was we were what when where which while who whom why
will with would you your yours may might must shall yet per via
said says say saying told tell reported reports reporting according added statement
de del la las el los lo y o en que por para con sin un una unos unas se su sus al como mas más pero
sobre este esta estos estas ese esa fue ha han dijo según
""".split())

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def blank(text: str, spans) -> str:
    chars = list(text)
    for start, end in spans:
        for k in range(max(0, start), min(len(chars), end)):
            chars[k] = " "
    return "".join(chars)


def content_words(sentence: str, date_span: tuple[int, int] | None = None) -> list[str]:
    """The words that carry a sentence's statement: no date expression, actor names or stop words."""
    spans = [date_span] if date_span else []
    spans += [(m.start, m.end) for m in ActorMatcher.default().find(sentence)]
    folded = fold(blank(sentence, spans))
    return [w for w in WORD.findall(folded) if len(w) > 1 and w not in STOP_WORDS]


def numbers_of(sentence: str, date_span: tuple[int, int] | None = None) -> frozenset[str]:
    """Figures in a sentence outside its date expression, years left out ("$25 million" gives 25)."""
    text = blank(sentence, [date_span] if date_span else [])
    found = set()
    for match in _NUMBER.finditer(text):
        number = match.group().replace(",", "")
        if _YEAR.fullmatch(number):
            continue
        found.add(number.rstrip("0").rstrip(".") if "." in number else number)
    return frozenset(found)


_MONEY = re.compile(
    r"(?:[$€£]\s?|US\$\s?|USD\s?)(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s?(?:million|billion|m\b|bn\b|millones|mil millones)",
    re.IGNORECASE)


def money_of(sentence: str) -> frozenset[str]:
    """Sums of money in a sentence ("$25 million", "50 millones de dólares" give 25 and 50)."""
    out = set()
    for m in _MONEY.finditer(sentence or ""):
        number = (m.group(1) or m.group(2)).replace(",", ".")
        out.add(number.rstrip("0").rstrip(".") if "." in number else number)
    return frozenset(out)
