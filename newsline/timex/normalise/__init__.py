"""Normalisers: from a rule's match to a calendar value, the way a careful reader would.

Each normaliser takes the match's named groups, the candidate and the document
context, and returns a ``Resolved`` value, ``UNRESOLVED`` (a real but vague time
expression, kept without a date) or ``None`` (not a date after all: dropped).
A rule names its normaliser (``normaliser = "..."`` in rules/*.toml); the modules
here group them by what the date is read against.
"""

from __future__ import annotations

from .actor_periods import term_of_office, term_start
from .anchored import month_of_that_year, offset_from_anchor, same_as_last, same_period, weekday_anchored
from .calendar_dates import (
    calendar_date, calendar_month, calendar_year, century, day_range, decade, decade_word, half_year, month_range,
    quarter, season, spelled_year, year_range,
)
from .durations import duration, duration_value, reference, set_expr, vague_span
from .financial import fiscal_quarter, fiscal_year
from .relative import (
    ago, calendar_unit, day_of_month, deictic_day, period_end, span_back, span_for, weekday, weekend, within_count,
)
from .results import UNRESOLVED, NotPlaced, Resolved, vague
from .times_of_day import clock_time
from .words import count

__all__ = ["NORMALISERS", "UNRESOLVED", "NotPlaced", "Resolved", "count", "duration_value"]

NORMALISERS = {f.__name__: f for f in (
    calendar_date, calendar_month, month_range, calendar_year, year_range, decade, season, quarter,
    half_year, weekday, deictic_day, calendar_unit, weekend, span_back, span_for, ago, within_count,
    offset_from_anchor, same_period, same_as_last, month_of_that_year, term_of_office, term_start, vague,
    duration, reference, vague_span, set_expr, fiscal_quarter, fiscal_year, clock_time, spelled_year,
    period_end, century, decade_word, weekday_anchored, day_of_month, day_range,
)}
