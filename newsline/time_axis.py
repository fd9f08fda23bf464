"""The timeline's time axis: the default window, fitted to where the facts are, and the
period the facts are counted by when a window holds too many to draw one by one."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd

#: The share of the facts the default window holds (the rest, at both ends, are named in a note).
FITTED_SHARE = 0.95


def fitted_lower_by_year(years: list, placed: int, lo: date) -> date:
    """The default window's first day: all facts, except a few far older ones.

    News about today cites 1798 laws; fitting those would squeeze everything else into
    a sliver. Among the earliest 5% of facts, everything before a gap of more than ten
    years is left out. ``years``: per calendar year with facts, in order, the number of
    facts starting in it and its first and last start. A gap of more than ten years can
    only fall between two years, so these are enough to find it exactly.
    """
    head = int(placed * 0.05) + 1
    seen, widest, after = 0, 0, None
    for (n, first, last), (_, next_first, _) in zip(years, years[1:]):
        seen += int(n)
        if seen >= head:  # the next year's first fact is past the earliest 5%
            break
        gap = (next_first - last).days
        if gap > widest:
            widest, after = gap, next_first
    return after if after is not None and widest > 3652 else lo


def fitted_window(years: list, placed: int, extent: tuple[date, date],
                  central: tuple[date | None, date | None], today: date | None = None) -> tuple[date, date]:
    """The default window: where the facts are, not where the outliers stretch it.

    It holds the central ``FITTED_SHARE`` of the facts, from the first of January of its first
    year (and past any far older group, ``fitted_lower_by_year``) to the last fact, or to today
    when the latest facts reach it (an announced "2030" target is an outlier too).
    """
    lo, hi = extent
    q_lo, q_hi = (as_date(v) for v in central)
    start = fitted_lower_by_year(years, placed, lo)
    if q_lo is not None:
        start = max(start, date(q_lo.year, 1, 1))
    today = today or date.today()
    end = hi if hi <= today else max(q_hi or hi, min(hi, today), start)
    return start, max(end, start)


def as_date(value) -> date | None:
    """A DuckDB date (a ``date``, or a pandas Timestamp in a frame) as a ``date``; None for null."""
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime):
        return value.date()
    return value


def period_for(window: tuple[date, date]) -> str:
    """The counting period: about a hundred bins or fewer across the window."""
    span = (window[1] - window[0]).days
    if span > 365 * 15:
        return "year"
    if span > 365 * 3:
        return "quarter"
    return "month"


def period_end(start: date, period: str) -> date:
    months = {"year": 12, "quarter": 3, "month": 1}[period]
    total = start.year * 12 + start.month - 1 + months
    return date(total // 12, total % 12 + 1, 1) - timedelta(days=1)
