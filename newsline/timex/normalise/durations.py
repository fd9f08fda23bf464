"""TimeML expressions that are no event on a timeline: lengths of time ("a decade"), sets
("every month") and references to the present, past or future ("now")."""

from __future__ import annotations

from ..timex3 import mod_of
from .results import NotPlaced
from .words import WEEKDAYS, count, unit_key

_UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "month": "M",
               "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "weekend": "WE"}

_TIME_UNITS = {"second", "minute", "hour"}


def duration_value(n: int | None, unit: str) -> str:
    unit = unit_key(unit)
    code = _UNIT_CODES.get(unit, "D")
    amount = "X" if n is None else str(n)
    if unit == "decade" and n is not None:
        amount, code = str(10 * n), "Y"
    if unit == "century" and n is not None:
        amount, code = str(100 * n), "Y"
    if unit == "quarter" and n is not None:
        amount, code = str(3 * n), "M"
    return f"PT{amount}{code}" if unit in _TIME_UNITS else f"P{amount}{code}"


def duration(g, cand, ctx):
    """"a decade", "90 days", "two-year", "the first nine months": a length of time, no event."""
    num = g.get("num")
    unit = g.get("unit") or g["unit2"]
    if unit.lower() in ("period", "nine months", "six months"):  # "the period ended Sept. 30"
        return NotPlaced("DURATION", {"period": "P3M", "nine months": "P9M", "six months": "P6M"}[unit.lower()])
    n = count(num) if num else (1 if not unit.lower().endswith("s") else None)
    return NotPlaced("DURATION", duration_value(n, unit), mod=mod_of(g))


def reference(g, cand, ctx):
    """"now", "recently", "the future": TimeML's PRESENT_REF, PAST_REF, FUTURE_REF (no event)."""
    return NotPlaced(cand.rule.params.get("timex_type", "DATE"), cand.rule.params["timex_value"])


def vague_span(g, cand, ctx):
    """"in years", "the coming months": kept unresolved as an event; in TimeML an unknown
    stretch (PXY), or what the rule names ("recent years" is PAST_REF)."""
    params = cand.rule.params
    if "timex_value" in params:
        return NotPlaced(params.get("timex_type", "DATE"), params["timex_value"], event=True)
    n = count(g.get("num")) if g.get("num") else None
    return NotPlaced("DURATION", duration_value(n, g.get("unit") or g["unit2"]), event=True)


_SET_VALUES = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
               "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "hourly": "PT1H"}


def set_expr(g, cand, ctx):
    """"every month", "each season", "annually", "each Thursday": a recurring time, never placed."""
    if g.get("weekday"):
        return NotPlaced("SET", f"XXXX-WXX-{WEEKDAYS[g['weekday'].lower()] + 1}")
    every = g.get("every") or g.get("every2")
    if every:
        return NotPlaced("SET", _SET_VALUES.get(every.lower(), "P1Y"))
    n = count(g.get("num")) if g.get("num") else 1
    return NotPlaced("SET", duration_value(n, g["unit"]))
