"""TIMEX3 attributes of a tagged expression: TimeML type, value, mod and span.

The event table highlights the phrase a reader would mark ("in October"); TimeML
marks the expression alone ("October") and keeps its modifiers ("early next
year"). A normaliser may state the TimeML type and value itself (a duration, a
quarter, a reference to the present); otherwise they follow from the calendar
value and its granularity.
"""

from __future__ import annotations

from dataclasses import dataclass

_MODS = {
    "early": "START", "the beginning of": "START", "the start of": "START", "the first days of": "START",
    "mid": "MID", "the middle of": "MID",
    "late": "END", "the end of": "END", "the last days of": "END",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX", "approximately": "APPROX",
    "close to": "APPROX", "nearly": "APPROX", "almost": "APPROX", "just under": "LESS_THAN", "just over": "MORE_THAN",
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


def span(text: str, start: int, end: int, leading) -> tuple[int, int]:
    """The TimeML span inside a matched phrase: no leading preposition (``leading``, from the
    language's rules), no trailing possessive."""
    while start < end and text[start].isspace():
        start += 1
    phrase = text[start:end]
    m = leading.match(phrase)
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


#: The days of a month its start, middle and end hold: "early September" is no report of 15 September.
_PART_OF_MONTH = {"START": (1, 10), "MID": (11, 20), "END": (21, 31)}


def part_of_month(start, end, granularity: str, mod: str | None):
    """The first and last day a month told with "early", "mid", "late" ("a principios de", "a finales
    de") can mean; the whole month otherwise. The value stays the month, as TimeML writes it."""
    if granularity != "month" or mod not in _PART_OF_MONTH or start is None:
        return start, end
    lo, hi = _PART_OF_MONTH[mod]
    return start.replace(day=lo), min(end, start.replace(day=min(hi, end.day)))


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


def with_part_of_day(phrase: str, type_: str, value: str, parts) -> tuple[str, str]:
    """A day with a part of the day named ("Thursday evening", "esta tarde") is a TimeML TIME;
    ``parts`` (from the language's rules) maps each TimeML code to the words that name it."""
    if type_ != "DATE" or len(value) != 10:
        return type_, value
    found = [(m.start(), code) for code, rx in parts.items() for m in rx.finditer(phrase)]
    if not found:
        return type_, value
    return "TIME", f"{value}T{max(found)[1]}"
