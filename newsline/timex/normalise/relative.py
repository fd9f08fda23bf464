"""Dates relative to publication: weekdays, "yesterday", "last week", "three years ago",
"the past two months", "in three years". Quoted words count from the day they were said."""

from __future__ import annotations

from datetime import date, timedelta

from .. import grammar
from ..calendar import add_months, fmt_month, week_bounds
from ..timex3 import mod_of, value_of
from .calendar_dates import calendar_date
from .durations import duration_value
from .financial import quarter_of, quarter_result, reported_quarter
from .leaning import leading, tense_of, told_in_past
from .results import UNRESOLVED, NotPlaced, Resolved, days_range, in_month, in_year, on_day
from .words import NEARLY, OPEN_ENDED, WEEKDAYS, count, number, unit_name


def weekday(g, cand, ctx):
    if not ctx.has_anchor("day"):
        return UNRESOLVED
    pub = ctx.anchor
    target = WEEKDAYS[g["weekday"].lower()]
    rel = " ".join((g.get("rel") or "").lower().split())
    back = (pub.weekday() - target) % 7  # days since the latest such day (0 = today)
    ahead = (target - pub.weekday()) % 7
    if rel in ("last", "this past"):
        d = pub - timedelta(days=back or 7)
    elif rel in ("next", "this coming"):
        d = pub + timedelta(days=ahead or 7)
    elif back == 0:
        d = pub  # the publication weekday itself is that day
    elif tense_of(cand, ctx) == "future" or (leading(cand, ctx, ("until", "by")) and not told_in_past(cand, ctx)):
        d = pub + timedelta(days=ahead)
    else:
        d = pub - timedelta(days=back)
    return on_day(d, "relative")


def deictic_day(g, cand, ctx):
    if not ctx.has_anchor("day"):
        return UNRESOLVED
    word = " ".join(g["deixis"].lower().split())
    base = _speech_day(cand, ctx)
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1,
             "day before yesterday": -2, "day after tomorrow": 2}.get(word, 0)
    return on_day(base + timedelta(days=shift), "relative")


def _speech_day(cand, ctx) -> date | None:
    """The day words were said: inside a quotation, the day its attribution gives
    ("..., Maduro said on Saturday"), else the latest day reported just before it."""
    pub = ctx.anchor
    if grammar.in_quotation(ctx.text, cand.start):
        said = _attribution_day(cand, ctx)
        if said is not None:
            return said
        for tx in reversed(ctx.history):
            if tx.granularity == "day" and tx.date_start and pub and timedelta(0) <= pub - tx.date_start <= timedelta(days=7):
                return tx.date_start
            if tx.granularity == "day":
                break
    return pub


def _attribution_day(cand, ctx) -> date | None:
    """The day in the attribution after a quotation: from the quote's close to the
    end of that sentence, which may be a later one ("'...' Mr. X said on Sunday.")."""
    close = _quote_close(ctx.text, cand.end)
    _, sent_end = ctx.sentence_span(close)
    for other in ctx.candidates_between(close, sent_end):
        if grammar.in_quotation(ctx.text, other.start):
            continue
        normalise = {"weekday": weekday, "calendar_date": calendar_date}.get(other.rule.normaliser)
        if normalise is not None:
            found = normalise(other.groups, other, ctx)
            if isinstance(found, Resolved) and ctx.anchor and 0 <= (ctx.anchor - found.start).days <= 7:
                return found.start
    return None


def _quote_close(text: str, pos: int) -> int:
    """Where the quotation around ``pos`` closes (end of its paragraph at the latest)."""
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    closes = [i for i in (text.find(q, pos, para_end) for q in ("”", '"', "»")) if i >= 0]
    return min(closes) if closes else para_end


def calendar_unit(g, cand, ctx):
    unit = g["unit"].lower()
    if not ctx.has_anchor("day" if unit == "week" else unit):
        return UNRESOLVED
    pub = ctx.anchor
    rel = g["rel"].lower().split()[-1]
    mod = (g.get("mod") or "").lower()
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "week":
        monday, sunday = week_bounds(pub + timedelta(weeks=step))
        if step == 0 and mod == "earlier":
            return days_range(monday, pub, "relative")
        if step == 0 and mod == "later":
            return days_range(pub, sunday, "relative")
        return days_range(monday, sunday, "relative", "week")
    if unit == "month":
        first = add_months(pub.replace(day=1), step)
        return in_month(first.year, first.month, "relative")
    return in_year(pub.year + step, "relative")


def weekend(g, cand, ctx):
    if not ctx.has_anchor("day"):
        return UNRESOLVED
    pub = ctx.anchor
    rel = (g.get("rel") or "").lower().replace("the ", "")
    saturday_back = pub - timedelta(days=(pub.weekday() - 5) % 7)  # latest Saturday on/before pub
    upcoming = saturday_back if pub.weekday() >= 5 else saturday_back + timedelta(days=7)
    if rel in ("next", "coming"):
        sat = upcoming if pub.weekday() < 5 else upcoming + timedelta(days=7)
    elif rel in ("last", "past"):
        sat = saturday_back if pub.weekday() < 5 else saturday_back - timedelta(days=7)
        if pub.weekday() == 6:
            sat = saturday_back  # a Sunday article's "last weekend" is the one just ending
    elif tense_of(cand, ctx) == "future":
        sat = upcoming
    else:
        sat = saturday_back
    out = days_range(sat, sat + timedelta(days=1), "relative")
    year, week, _ = sat.isocalendar()
    out.timeml = ("DATE", f"{year:04d}-W{week:02d}-WE")
    return out


def _back(pub: date, n: int, unit: str) -> Resolved:
    if unit == "year":
        return Resolved(f"{pub.year - n:04d}/{pub.year:04d}", date(pub.year - n, 1, 1), pub, "range", "relative")
    if unit == "decade":
        return Resolved(f"{pub.year - 10 * n:04d}/{pub.year:04d}", date(pub.year - 10 * n, 1, 1), pub,
                        "range", "relative")
    if unit == "month":
        first = add_months(pub.replace(day=1), -n)
        return Resolved(f"{fmt_month(first.year, first.month)}/{fmt_month(pub.year, pub.month)}", first, pub,
                        "range", "relative")
    days = n * (7 if unit == "week" else 1)
    return days_range(pub - timedelta(days=days), pub, "relative")


class _Plain:
    """A candidate seen without its rule's TimeML parameters."""

    def __init__(self, cand):
        self.start, self.end, self.groups = cand.start, cand.end, cand.groups
        self.rule = type("R", (), {"params": {}, "name": cand.rule.name, "normaliser": cand.rule.normaliser})()


def _as_duration(result, n, unit):
    """A stretch ending now: placed as a range, a DURATION in TimeML."""
    if isinstance(result, Resolved):
        result.timeml = ("DURATION", duration_value(n, unit))
    return result


def timeml_value(result: Resolved) -> tuple[str, str]:
    return value_of(result.value, result.granularity, result.start)


def span_back(g, cand, ctx):
    if cand.rule.params.get("timeml_point"):  # "desde hace cinco años": TimeML dates the point
        point = ago(g, cand, ctx)
        result = span_back({**g, "approx": None}, _Plain(cand), ctx)
        if isinstance(result, Resolved) and isinstance(point, Resolved):
            result.timeml = point.timeml or timeml_value(point)
        return result
    unit = unit_name(g["unit"])
    n = count(g.get("num")) if g.get("num") else 1
    if n is None:
        return NotPlaced("DURATION", duration_value(None, unit), event=True)
    if unit == "hour":
        return NotPlaced("DURATION", duration_value(n, unit))
    if not ctx.has_anchor("day" if unit in ("day", "week") else "month"):
        return UNRESOLVED
    return _as_duration(_back(ctx.anchor, n, unit), n, unit)


def span_for(g, cand, ctx):
    sent_start, _ = ctx.sentence_span(cand.start)
    n = count(g.get("num"))
    unit = unit_name(g["unit"])
    if not grammar.perfect_before(ctx.grammar, ctx.text, cand.start, sent_start):
        # a plain duration ("sentenced for two years"), not a time
        return NotPlaced("DURATION", duration_value(n, unit), mod=mod_of(g))
    approx = (g.get("approx") or "").lower()
    if n is None or approx in OPEN_ENDED:
        return NotPlaced("DURATION", duration_value(n, unit), mod=mod_of(g), event=True)
    if not ctx.has_anchor("day" if unit in ("day", "week") else "month"):
        return UNRESOLVED
    return _as_duration(_back(ctx.anchor, n, unit), n, unit)


def _quarter_a_year_before(ctx, pos: int) -> Resolved | None:
    """"a year ago" in a report about a quarter is that quarter a year before."""
    if not any(tx.granularity == "quarter" and pos - tx.end < 1500 for tx in ctx.history if tx.start < pos):
        return None
    found = reported_quarter(ctx, pos)
    return quarter_result(found[0] - 1, found[1], "anchored") if found else None


def ago(g, cand, ctx):
    n = number(g.get("num"))
    approx = (g.get("approx") or "").lower()
    unit = unit_name(g["unit"])
    if n is None:
        return NotPlaced("DATE", "PAST_REF", event=True)  # "several years ago"
    if approx in OPEN_ENDED:
        # "more than 30 years ago": no day to place, but TimeML gives the point it names
        exact = ago({**g, "approx": None}, cand, ctx)
        if isinstance(exact, Resolved):
            return NotPlaced(*(exact.timeml or timeml_value(exact)), event=True)
        return UNRESOLVED
    if n == 1 and unit == "year" and not approx:
        found = _quarter_a_year_before(ctx, cand.start)
        if found is not None:
            return found
    if not ctx.has_anchor("day" if unit in ("hour", "day", "week") else "month"):
        return UNRESOLVED
    base = _speech_day(cand, ctx)
    closeness = 1.0 if not approx else 0.8
    if unit == "hour":
        return on_day(base - timedelta(hours=n) if n >= 24 else base, "relative")
    if unit == "day":
        return on_day(base - timedelta(days=n), "relative", closeness)
    if unit == "week":
        day = base - timedelta(days=7 * n - (1 if approx in NEARLY else 0))
        year, week, _ = day.isocalendar()
        return Resolved(day.isoformat(), day, day, "day", "relative", 0.8, timeml=("DATE", f"{year:04d}-W{week:02d}"))
    if unit == "month":
        first = add_months(base.replace(day=1), -n)
        return in_month(first.year, first.month, "relative", closeness)
    years = n * (10 if unit == "decade" else 1)
    return in_year(base.year - years, "relative", closeness)


def within_count(g, cand, ctx):
    """"in three years" ahead is a date; "in at least three years" back is not."""
    n = number(g.get("num"))
    approx = (g.get("approx") or "").lower()
    if n is None or approx or tense_of(cand, ctx) != "future" or not ctx.has_anchor("day"):
        return UNRESOLVED
    unit = unit_name(g["unit"])
    pub = ctx.anchor
    if unit == "day":
        return on_day(pub + timedelta(days=n), "relative")
    if unit == "week":
        return on_day(pub + timedelta(weeks=n), "relative", 0.8)
    if unit == "month":
        first = add_months(pub.replace(day=1), n)
        return in_month(first.year, first.month, "relative")
    return in_year(pub.year + n * (10 if unit == "decade" else 1), "relative")


def day_of_month(g, cand, ctx):
    """"el día 8": that day of this month, the month before or the month after, as the verb leans."""
    if not ctx.has_anchor("day"):
        return UNRESOLVED
    day, pub = int(g["day"]), ctx.anchor
    options = []
    for step in (-1, 0, 1):
        first = add_months(pub.replace(day=1), step)
        try:
            options.append(first.replace(day=day))
        except ValueError:
            continue
    tense = tense_of(cand, ctx)
    if tense == "future":
        options = [d for d in options if d >= pub] or options
    elif tense == "past":
        options = [d for d in options if d <= pub] or options
    return on_day(min(options, key=lambda d: abs((d - pub).days)), "relative", 0.9)


def period_end(g, cand, ctx):
    """"year-end", "the end of the month": the end of the period (mod END)."""
    unit = (g.get("unit") or g.get("unit2") or g.get("unit3")).lower()
    rel = (g.get("rel") or g.get("rel2") or "this").lower()
    if unit in ("decade", "century"):
        return UNRESOLVED
    found = calendar_unit({"unit": unit if unit != "quarter" else "month", "rel": rel}, cand, ctx) \
        if unit != "quarter" else None
    if unit == "quarter":
        if ctx.anchor is None:
            return UNRESOLVED
        year, q = quarter_of(ctx.anchor)
        found = quarter_result(year, q, "relative")
    if not isinstance(found, Resolved):
        return found
    found.mod = "END"
    return found
