"""Quarters and fiscal years as financial news uses them: the quarter a report is about,
the year-earlier one, the latest completed one."""

from __future__ import annotations

import re
from datetime import date

from ..calendar import quarter_bounds
from .leaning import tense_of
from .results import UNRESOLVED, Resolved, in_year, month_span
from .words import ORDINALS


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_result(year: int, q: int, resolution: str) -> Resolved:
    first, last = quarter_bounds(year, q)
    return Resolved(month_span(first, last), first, last, "quarter", resolution, timeml=("DATE", f"{year:04d}-Q{q}"))


def reported_quarter(ctx, pos: int) -> tuple[int, int] | None:
    """The latest quarter named before ``pos`` as the period reported on (not a year-earlier one)."""
    for tx in reversed(ctx.history):
        if tx.granularity == "quarter" and tx.start < pos and tx.date_start and tx.resolution != "anchored" \
                and not _YEAR_BEFORE.search(tx.text):
            return quarter_of(tx.date_start)
    return None


def _last_reported_quarter(ctx, pos: int) -> tuple[int, int] | None:
    """The quarter a report is about: the latest quarter named before, else the last one
    completed before publication (a company reports a quarter after it closes)."""
    for tx in reversed(ctx.history):
        if tx.granularity == "quarter" and tx.start < pos and tx.date_start and tx.resolution != "anchored" \
                and not _YEAR_BEFORE.search(tx.text):
            return quarter_of(tx.date_start)
    return _last_completed_quarter(ctx)


_YEAR_BEFORE = re.compile(r"earlier|ago|last\s+year|previous\s+year|prior\s+year", re.IGNORECASE)


def _last_completed_quarter(ctx) -> tuple[int, int] | None:
    if ctx.anchor is None:
        return None
    y, q = quarter_of(ctx.anchor)
    return (y, q - 1) if q > 1 else (y - 1, 4)


def fiscal_quarter(g, cand, ctx):
    """"third-quarter", "the fiscal first quarter", "the 1988 second quarter", "the year-earlier
    quarter", "the latest quarter", "this quarter": quarters as financial news uses them."""
    rel = " ".join((g.get("rel") or "").lower().split())
    earlier = bool(_YEAR_BEFORE.search(rel))
    ordinal = (g.get("ordinal") or g.get("ordinal2") or "").lower()
    if g.get("year"):
        if not ordinal:  # "the 1988 quarter": the quarter reported on, in that year
            found = reported_quarter(ctx, cand.start)
            return quarter_result(int(g["year"]), found[1], "explicit") if found else in_year(int(g["year"]), "explicit")
        return quarter_result(int(g["year"]), ORDINALS.get(ordinal, 4), "explicit")
    if ctx.anchor is None:
        return UNRESOLVED
    if ordinal:
        q = ORDINALS.get(ordinal, 4)
        year = ctx.anchor.year
        if rel.startswith("next year"):
            year += 1
        elif quarter_bounds(year, q)[0] > ctx.anchor and tense_of(cand, ctx) == "past":
            year -= 1
    elif rel in ("this", "current", "the current", "the same"):
        year, q = quarter_of(ctx.anchor)
    elif re.search(r"latest|recent|just", rel):
        year, q = _last_completed_quarter(ctx)
    else:
        found = _last_reported_quarter(ctx, cand.start)
        if found is None:
            return UNRESOLVED
        year, q = found
    if earlier:
        year -= 1
    return quarter_result(year, q, "relative")


def fiscal_year(g, cand, ctx):
    """"fiscal 1989", "this fiscal year", "the fiscal year": the year it is named by."""
    if g.get("year"):
        return in_year(int(g["year"]), "explicit")
    if ctx.anchor is None:
        return UNRESOLVED
    rel = (g.get("rel") or "this").lower()
    return in_year(ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0), "relative")
