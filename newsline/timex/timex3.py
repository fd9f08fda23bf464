"""TIMEX3 attributes of a tagged expression: TimeML type, value, mod and span.

The event table highlights the phrase a reader would mark ("in October"); TimeML
marks the expression alone ("October") and keeps its modifiers ("early next
year"). A normaliser may state the TimeML type and value itself (a duration, a
quarter, a reference to the present); otherwise they follow from the calendar
value and its granularity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Prepositions (and Spanish articles before a date) that open a phrase but are not part of the
#: TimeML expression.
_LEADING = re.compile(
    r"^(?:(?:as\s+of|as\s+early\s+as|as\s+late\s+as|starting(?:\s+(?:in|on|from))?|beginning(?:\s+(?:in|on))?|"
    r"in|on|at|since|until|till|by|from|during|through|throughout|before|after|for|over|within|"
    r"between|of|to|into|under|"
    r"a\s+partir\s+de|antes\s+de|despu[eé]s\s+de|a\s+finales\s+de|a\s+principios\s+de|"
    r"en|desde|hasta|durante|entre|tras|para|por|de|del|a|al)\s+)+",
    re.IGNORECASE,
)

_MODS = {
    "early": "START", "the beginning of": "START", "the start of": "START", "the first days of": "START",
    "mid": "MID", "the middle of": "MID",
    "late": "END", "the end of": "END", "the last days of": "END",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX", "approximately": "APPROX",
    "close to": "APPROX", "nearly": "APPROX", "almost": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN", "barely": "LESS_THAN",
}

_SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


@dataclass(frozen=True)
class Timex3:
    type: str
    value: str
    mod: str | None
    start: int
    end: int


def span(text: str, start: int, end: int) -> tuple[int, int]:
    """The TimeML span inside a matched phrase: no leading preposition, no trailing possessive."""
    phrase = text[start:end]
    m = _LEADING.match(phrase)
    if m and m.end() < len(phrase):
        start += m.end()
    while end > start and text[end - 1] in " ,":
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def mod_of(groups: dict) -> str | None:
    for key in ("mod", "approx"):
        word = " ".join((groups.get(key) or "").lower().split())
        if word in _MODS:
            return _MODS[word]
    return None


def value_of(value: str | None, granularity: str, first=None) -> tuple[str, str]:
    """TimeML (type, value) from a calendar value and its granularity."""
    if value is None:
        return "DATE", "XXXX-XX-XX"
    if granularity == "season" and first is not None:
        return "DATE", f"{first.year:04d}-{_SEASON_CODES.get(first.month, 'SU')}"
    if granularity == "quarter" and first is not None:
        return "DATE", f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
    if granularity == "week" and first is not None:
        year, week, _ = first.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}"
    if granularity == "decade":
        return "DATE", value[:3]
    if "/" in value:
        return "DATE", value.split("/")[0]
    if "T" in value:
        return "TIME", value
    return "DATE", value
