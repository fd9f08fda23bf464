"""What a normaliser answers: a placed ``Resolved`` value, a ``NotPlaced`` TimeML expression,
``UNRESOLVED`` (a real but vague time, kept without a date) or ``None`` (no date after all)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..calendar import fmt_month, month_end


@dataclass
class Resolved:
    value: str
    start: date
    end: date
    granularity: str
    resolution: str
    confidence: float = 1.0  # multiplies the rule's confidence
    timeml: tuple[str, str] | None = None  # TimeML (type, value) when it is not the calendar value's
    mod: str | None = None
    parts: tuple = ()  # TimeML marks each of several named groups: (group, type, value) each


@dataclass
class NotPlaced:
    """A TimeML expression that is no event on a timeline: a bare duration ("a decade"),
    a set ("every month"), a reference to the present, past or future ("now")."""

    type: str
    value: str
    mod: str | None = None
    event: bool = False  # True: kept in the event table, unresolved ("recent years")


class _Unresolved:
    def __repr__(self) -> str:
        return "UNRESOLVED"


UNRESOLVED = _Unresolved()


def vague(g, cand, ctx):
    return UNRESOLVED


def on_day(d: date, resolution: str, confidence: float = 1.0) -> Resolved:
    return Resolved(d.isoformat(), d, d, "day", resolution, confidence)


def in_month(year: int, month: int, resolution: str, confidence: float = 1.0) -> Resolved:
    return Resolved(fmt_month(year, month), date(year, month, 1), month_end(year, month),
                    "month", resolution, confidence)


def in_year(year: int, resolution: str, confidence: float = 1.0) -> Resolved:
    return Resolved(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year", resolution, confidence)


def month_span(first: date, last: date) -> str:
    return f"{fmt_month(first.year, first.month)}/{fmt_month(last.year, last.month)}"


def days_range(first: date, last: date, resolution: str, granularity: str = "range") -> Resolved:
    return Resolved(f"{first.isoformat()}/{last.isoformat()}", first, last, granularity, resolution)
