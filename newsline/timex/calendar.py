"""Calendar arithmetic with no parsing: the intervals behind TIMEX3-style values."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

SEASONS = {  # meteorological, northern hemisphere: (first month, TIMEX3 code)
    "spring": (3, "SP"), "summer": (6, "SU"), "autumn": (9, "FA"), "fall": (9, "FA"), "winter": (12, "WI"),
}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def week_bounds(day: date) -> tuple[date, date]:
    """Monday to Sunday around ``day`` (weeks run Monday to Sunday)."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def season_bounds(year: int, name: str) -> tuple[date, date]:
    first, _ = SEASONS[name]
    start = date(year, first, 1)
    return start, month_end(*divmod_month(year, first + 2))


def divmod_month(year: int, month: int) -> tuple[int, int]:
    extra, month0 = divmod(month - 1, 12)
    return year + extra, month0 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_end(year, first + 2)


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"
