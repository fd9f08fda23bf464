"""Dates anchored to another date in the text: "two days later", "the same day", "until then",
"the previous Friday"."""

from __future__ import annotations

from datetime import timedelta

from ..calendar import add_months, week_bounds
from .financial import quarter_of, quarter_result, reported_quarter
from .results import UNRESOLVED, Resolved, days_range, in_month, in_year, on_day
from .words import NEARLY, WEEKDAYS, month_number, number, unit_name

#: "less than a week after the vote": the happening lies anywhere from the anchor up to the offset,
#: not on the offset's day.
UPPER_BOUND = frozenset({"less than", "under", "fewer than", "within"})


def _shift(anchor, n: int, unit: str) -> Resolved | None:
    if unit in ("hour", "day", "morning", "night", "evening"):
        d = anchor.date_start + timedelta(days=n)
        return on_day(d, "anchored", 0.9)
    if unit == "week":
        return on_day(anchor.date_start + timedelta(weeks=n), "anchored", 0.8)
    if unit == "month":
        first = add_months(anchor.date_start.replace(day=1), n)
        return in_month(first.year, first.month, "anchored", 0.9)
    if unit == "year":
        return in_year(anchor.date_start.year + n, "anchored", 0.9)
    return None


def offset_from_anchor(g, cand, ctx):
    """"two days later" moves on from the last date; "a day after <clause>" dates the clause."""
    unit = unit_name(g["unit"])
    n = number(g.get("num")) if g.get("num") else (1 if not g["unit"].lower().endswith("s") else None)
    within_day = unit in ("minute", "the hour") or unit == "hour" and (n or 0) < 24
    if unit in ("minute", "the hour"):
        n, unit = 0, "day"
    if unit == "hour":
        n, unit = (n or 0) // 24 if n else 0, "day"
    if n is None or unit == "decade":
        return UNRESOLVED
    direction = (g.get("dir") or cand.rule.params.get("dir", "later")).lower()
    if cand.rule.params.get("adverbial"):
        direction = {"after": "later", "before": "earlier"}.get(direction, direction)
    if direction in ("later", "afterwards", "afterward", "earlier"):
        if cand.rule.params.get("story_day") and ctx.has_anchor("day") and unit == "day":
            # "en la víspera": the eve of the story's own day, whatever day the text named last
            return on_day(ctx.anchor + timedelta(days=-n if direction == "earlier" else n), "relative", 0.85)
        anchor = ctx.last_anchor(unit, cand.start)
        sign = -1 if direction == "earlier" else 1
    else:
        anchor = ctx.clause_anchor(cand.start)
        sign = -1 if direction == "after" else 1
    if anchor is None and within_day and ctx.has_anchor("day"):
        # ("Unos minutos después, la Casa Blanca confirmó ..." with no day told before: the story's own day)
        return on_day(ctx.anchor, "relative", 0.7)
    if anchor is None:
        return UNRESOLVED
    if anchor.granularity == "quarter" and unit == "year":
        year, q = reported_quarter(ctx, cand.start) or quarter_of(anchor.date_start)
        return quarter_result(year + sign * n, q, "anchored")
    if (g.get("approx") or "").lower() in NEARLY and unit == "week" and anchor.granularity == "day":
        return on_day(anchor.date_start + timedelta(days=sign * (7 * n - 1)), "anchored", 0.8)
    if (g.get("approx") or "").lower() in UPPER_BOUND and unit in ("day", "week") and anchor.granularity == "day":
        far = anchor.date_start + timedelta(days=sign * n * (7 if unit == "week" else 1))
        return days_range(min(anchor.date_start, far), max(anchor.date_start, far), "anchored")
    return _shift(anchor, sign * n, unit)


def same_period(g, cand, ctx):
    unit = g["unit"].lower()
    step = {"next": 1, "last": -1, "previous": -1}.get((g.get("next") or "").lower(), 0)
    anchor = ctx.last_anchor("day" if unit in ("morning", "night", "evening") else unit, cand.start)
    if anchor is None:
        return UNRESOLVED
    if unit == "week":
        monday, sunday = week_bounds(anchor.date_start + timedelta(weeks=step))
        return days_range(monday, sunday, "anchored", "week")
    return _shift(anchor, step, "day" if unit in ("morning", "night", "evening") else unit)


def month_of_that_year(g, cand, ctx):
    """"in January of that year", "en enero del año siguiente": the month in the year the story is at."""
    step = {"following": 1, "next": 1, "siguiente": 1, "posterior": 1,
            "previous": -1, "preceding": -1, "prior": -1, "anterior": -1,
            "last": -1}.get((g.get("next") or "").lower(), 0)  # ("previous" reaches here as "last")
    anchor = ctx.last_anchor("year", cand.start)
    if anchor is None:
        return UNRESOLVED
    return in_month(anchor.date_start.year + step, month_number(g["month"]), "anchored", 0.85)


def same_as_last(g, cand, ctx):
    """"until then": whatever time was named last."""
    anchor = ctx.last_anchor("year", cand.start)
    if anchor is None:
        return UNRESOLVED
    return Resolved(anchor.value, anchor.date_start, anchor.date_end, anchor.granularity, "anchored", 0.85)


def weekday_anchored(g, cand, ctx):
    """"the previous Friday": the Friday before the day the story is at, not the latest one."""
    anchor = ctx.last_anchor("day", cand.start)
    base = anchor.date_start if anchor is not None else ctx.anchor
    if base is None:
        return UNRESOLVED
    target = WEEKDAYS[g["weekday"].lower()]
    rel = g["rel"].lower()
    if rel in ("previous", "preceding", "last"):
        d = base - timedelta(days=(base.weekday() - target) % 7 or 7)
    else:
        d = base + timedelta(days=(target - base.weekday()) % 7 or 7)
    return on_day(d, "anchored", 0.9)
