"""Normalisers: from a rule's match to a calendar value, the way a careful reader would.

Each normaliser takes the match's named groups, the candidate and the document
context, and returns a ``Resolved`` value, ``UNRESOLVED`` (a real but vague time
expression, kept without a date) or ``None`` (not a date after all: dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from . import grammar
from .calendar import (
    add_months, fmt_month, month_end, quarter_bounds, season_bounds, week_bounds,
)

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
MONTH_NAMES = ("January February March April May June July August September October "
               "November December").split()
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a couple of": 2, "a dozen": 12,
}
OPEN_ENDED = {"over", "more than", "at least", "less than", "fewer than", "under"}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


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


# ---- helpers --------------------------------------------------------------------


def month_number(name: str) -> int:
    return MONTHS[name.strip(".").lower()[:3]]


def number(word: str | None) -> int | None:
    """A count from digits or words; None when vague ("a few") or absent."""
    if word is None:
        return None
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def unit_name(unit: str) -> str:
    return unit.lower().rstrip("s")


@lru_cache(maxsize=4096)
def parse_day(year: int, month: int, day: int) -> date | None:
    """A calendar day, or None when there is none ("February 30"). The calendar alone decides:
    importing a date parser for this cost more than the tagging of a short article."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


WRONG_WAY = 5  # how much farther a date against the verb's tense may be and still win


def infer_year(ctx, first_day, last_day, tense: str | None) -> int | None:
    """The year the context implies for a year-less date or month.

    ``first_day(y)``/``last_day(y)`` give the interval in year ``y``. The year
    nearest to publication wins, where a year against the tense counts as
    WRONG_WAY times as far ("the July 28 election" in an August article is
    that July even beside "would prove"). "since" (and "last March") look
    strictly back, "ahead" ("next March") strictly forward.
    """
    pub = ctx.anchor
    if pub is None:
        return None
    years = [pub.year - 1, pub.year, pub.year + 1]
    if tense == "since":
        return max(y for y in years if first_day(y) <= pub)
    if tense == "ahead":
        return min(y for y in years if first_day(y) > pub)

    def cost(y: int) -> int:
        if first_day(y) <= pub <= last_day(y):
            return 0
        distance = min(abs((first_day(y) - pub).days), abs((last_day(y) - pub).days))
        backwards = last_day(y) < pub
        against = (tense == "past" and not backwards) or (tense == "future" and backwards)
        if tense is None and not backwards:
            return distance * 2  # news reports what happened more than what will
        return distance * (WRONG_WAY if against else 1)

    return min(years, key=cost)


def _day(d: date, resolution: str, confidence: float = 1.0) -> Resolved:
    return Resolved(d.isoformat(), d, d, "day", resolution, confidence)


def _month(year: int, month: int, resolution: str, confidence: float = 1.0) -> Resolved:
    return Resolved(fmt_month(year, month), date(year, month, 1), month_end(year, month),
                    "month", resolution, confidence)


def _year(year: int, resolution: str, confidence: float = 1.0) -> Resolved:
    return Resolved(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year", resolution, confidence)


def _month_span(first: date, last: date) -> str:
    return f"{fmt_month(first.year, first.month)}/{fmt_month(last.year, last.month)}"


def _days_range(first: date, last: date, resolution: str, granularity: str = "range") -> Resolved:
    return Resolved(f"{first.isoformat()}/{last.isoformat()}", first, last, granularity, resolution)


def _tense(cand, ctx) -> str | None:
    return grammar.tense(ctx.grammar, ctx.text, cand.start, cand.end, *ctx.sentence_span(cand.start))


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
        if other.rule.normaliser in ("weekday", "calendar_date"):
            found = NORMALISERS[other.rule.normaliser](other.groups, other, ctx)
            if isinstance(found, Resolved) and ctx.anchor and 0 <= (ctx.anchor - found.start).days <= 7:
                return found.start
    return None


def _quote_close(text: str, pos: int) -> int:
    """Where the quotation around ``pos`` closes (end of its paragraph at the latest)."""
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    closes = [i for i in (text.find(q, pos, para_end) for q in ("”", '"', "»")) if i >= 0]
    return min(closes) if closes else para_end


# ---- explicit calendar dates --------------------------------------------------


def calendar_date(g, cand, ctx):
    month = month_number(g["month"])
    day = int(re.match(r"\d+", g["day"]).group())
    if g.get("year"):
        d = parse_day(int(g["year"]), month, day)
        return _day(d, "explicit") if d else None
    if not ctx.has_anchor("year"):
        return UNRESOLVED if _valid_month_day(month, day) else None
    tense = _lean(cand, ctx)
    year = infer_year(ctx, lambda y: _safe_day(y, month, day), lambda y: _safe_day(y, month, day), tense)
    d = parse_day(year, month, day)
    return _day(d, "year-inferred", 0.97) if d else None


def _valid_month_day(month: int, day: int) -> bool:
    return parse_day(2024, month, day) is not None  # 2024 is a leap year


def _safe_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, month_end(year, month).day))


def _lean(cand, ctx) -> str | None:
    """Which way a year-less date leans: "since July" looks back; "until April" and
    "as of March 1" bound a period running on from now, unless the clause
    is told in the past ("he was in power until March")."""
    rel = (cand.groups.get("rel") or "").lower()
    if rel == "last" or _leading(cand, ctx, ("since",)):
        return "since"
    if _leading(cand, ctx, ("from", "after")):
        return "future" if _tense(cand, ctx) == "future" else "since"  # "flights would leave from March 30"
    if rel == "next":
        return "ahead"
    if _leading(cand, ctx, ("until", "till", "by", "as of", "through")):
        sent = ctx.sentence_span(cand.start)
        return "past" if grammar.stative_past(ctx.grammar, ctx.text, cand.start, cand.end, *sent) else "future"
    return _tense(cand, ctx)


def _told_in_past(cand, ctx) -> bool:
    """Is the clause told in the past ("estuvo abierta hasta el sábado")? Then "until" looks back."""
    sent = ctx.sentence_span(cand.start)
    return _tense(cand, ctx) == "past" or grammar.stative_past(ctx.grammar, ctx.text, cand.start, cand.end, *sent)


def _leading(cand, ctx, words) -> bool:
    """Does the expression open with one of these prepositions (a rule may capture it as `prep`)?"""
    if cand.groups.get("prep"):
        return cand.groups["prep"] in words
    head = ctx.text[cand.start:cand.end].lower()
    return head.startswith(tuple(w + " " for w in words))


def calendar_month(g, cand, ctx):
    month = month_number(g["month"])
    if g.get("year"):
        return _month(int(g["year"]), month, "explicit")
    rel = (g.get("rel") or "").lower()
    says_year = (g.get("unit") or "").lower() == "year" or "year" in ctx.text[cand.start:cand.end].lower()
    if rel and ctx.has_anchor("year") and says_year:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[rel]
        return _month(year, month, "relative")
    if not ctx.has_anchor("month"):
        return UNRESOLVED
    if rel == "this" and ctx.has_anchor("year"):
        return _month(ctx.anchor.year, month, "relative")  # "this September": this year's
    if rel == "last":
        tense = "since"
    elif rel == "next":
        tense = "ahead"
    else:
        tense = _lean(cand, ctx)
    year = infer_year(ctx, lambda y: date(y, month, 1), lambda y: month_end(y, month), tense)
    return _month(year, month, "year-inferred", 0.95)


def month_range(g, cand, ctx):
    m1, m2 = month_number(g["month"]), month_number(g["month2"])
    y1 = int(g["year"]) if g.get("year") else None
    y2 = int(g["year2"]) if g.get("year2") else None
    resolution = "explicit"
    if y1 is None and y2 is None:
        if not ctx.has_anchor("month"):
            return UNRESOLVED
        tense = _tense(cand, ctx)
        span = lambda y: (date(y, m1, 1), month_end(y + (m2 < m1), m2))  # noqa: E731
        y1 = infer_year(ctx, lambda y: span(y)[0], lambda y: span(y)[1], tense)
        resolution = "year-inferred"
    if y1 is None:
        y1 = y2 - (1 if m1 > m2 else 0)
    if y2 is None:
        y2 = y1 + (1 if m2 < m1 else 0)
    first, last = date(y1, m1, 1), month_end(y2, m2)
    if last < first:
        return None
    out = Resolved(f"{fmt_month(y1, m1)}/{fmt_month(y2, m2)}", first, last, "range", resolution)
    out.parts = (("month", "DATE", fmt_month(y1, m1)), ("month2", "DATE", fmt_month(y2, m2)))  # TimeML: two
    return out


def calendar_year(g, cand, ctx):
    year = int(g["year"])
    if ctx.anchor and year > ctx.anchor.year + 60:
        return None  # a number, not a year people write about
    return _year(year, "explicit")


def year_range(g, cand, ctx):
    y1 = int(g["year"])
    y2 = int(g["year2"]) if g.get("year2") else y1 // 100 * 100 + int(g["yy"])  # "1957-58"
    if y2 < y1 and g.get("yy"):
        y2 += 100  # "1999-00"
    if not 0 < y2 - y1 <= 200:
        return None
    return Resolved(f"{y1:04d}/{y2:04d}", date(y1, 1, 1), date(y2, 12, 31), "range", "explicit")


def decade(g, cand, ctx):
    first = int(g["decade"])
    mod = (g.get("mod") or "").lower()
    if mod:
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[mod]
        return Resolved(f"{first + lo}/{first + hi}", date(first + lo, 1, 1), date(first + hi, 12, 31),
                        "range", "explicit", timeml=("DATE", f"{first // 10}"))
    return Resolved(f"{first}/{first + 9}", date(first, 1, 1), date(first + 9, 12, 31), "decade", "explicit")


def season(g, cand, ctx):
    name = g["season"].lower()
    if g.get("year"):
        year, resolution = int(g["year"]), "explicit"
    else:
        if not ctx.has_anchor("month"):
            return UNRESOLVED
        pub = ctx.anchor
        rel = (g.get("rel") or "").lower().replace("the ", "")
        years = [pub.year - 1, pub.year, pub.year + 1]
        bounds = {y: season_bounds(y, name) for y in years}
        if rel in ("last", "past"):
            year = max(y for y in years if bounds[y][1] < pub)
        elif rel in ("next", "coming"):
            year = min(y for y in years if bounds[y][0] > pub)
        else:
            tense = "past" if rel == "" and _tense(cand, ctx) == "past" else _tense(cand, ctx)
            current = [y for y in years if bounds[y][0] <= pub <= bounds[y][1]]
            if rel == "this":
                year = current[0] if current else pub.year
            elif tense == "future":
                year = min(y for y in years if bounds[y][1] >= pub)
            else:
                year = max(y for y in years if bounds[y][0] <= pub)
        resolution = "relative"
    first, last = season_bounds(year, name)
    return Resolved(_month_span(first, last), first, last, "season", resolution)


def _year_from(g, ctx) -> tuple[int, str] | None:
    if g.get("year"):
        return int(g["year"]), "explicit"
    if not ctx.has_anchor("year"):
        return None
    rel = (g.get("rel") or "this").lower()
    return ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[rel], "relative"


def quarter(g, cand, ctx):
    ordinal = g["ordinal"].lower()
    q = int(ordinal) if ordinal.isdigit() else ORDINALS.get(ordinal, 4)
    found = _year_from(g, ctx)
    if found is None:
        return UNRESOLVED
    year, resolution = found
    first, last = quarter_bounds(year, q)
    return Resolved(_month_span(first, last), first, last, "quarter", resolution)


def half_year(g, cand, ctx):
    found = _year_from(g, ctx)
    if found is None:
        return UNRESOLVED
    year, resolution = found
    m1, m2 = (1, 6) if g["ordinal"].lower() == "first" else (7, 12)
    return Resolved(f"{fmt_month(year, m1)}/{fmt_month(year, m2)}", date(year, m1, 1),
                    month_end(year, m2), "range", resolution, timeml=("DATE", f"{year:04d}-H{1 if m1 == 1 else 2}"))


# ---- relative to publication -------------------------------------------------------


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
    elif _tense(cand, ctx) == "future" or (_leading(cand, ctx, ("until", "by")) and not _told_in_past(cand, ctx)):
        d = pub + timedelta(days=ahead)
    else:
        d = pub - timedelta(days=back)
    return _day(d, "relative")


def deictic_day(g, cand, ctx):
    if not ctx.has_anchor("day"):
        return UNRESOLVED
    word = " ".join(g["deixis"].lower().split())
    base = _speech_day(cand, ctx)
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1,
             "day before yesterday": -2, "day after tomorrow": 2}.get(word, 0)
    return _day(base + timedelta(days=shift), "relative")


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
            return _days_range(monday, pub, "relative")
        if step == 0 and mod == "later":
            return _days_range(pub, sunday, "relative")
        return _days_range(monday, sunday, "relative", "week")
    if unit == "month":
        first = add_months(pub.replace(day=1), step)
        return _month(first.year, first.month, "relative")
    return _year(pub.year + step, "relative")


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
    elif _tense(cand, ctx) == "future":
        sat = upcoming
    else:
        sat = saturday_back
    out = _days_range(sat, sat + timedelta(days=1), "relative")
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
    return _days_range(pub - timedelta(days=days), pub, "relative")


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
    from .timex3 import value_of

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
        return NotPlaced("DURATION", duration_value(n, unit), mod=_approx_mod(g))
    approx = (g.get("approx") or "").lower()
    if n is None or approx in OPEN_ENDED:
        return NotPlaced("DURATION", duration_value(n, unit), mod=_approx_mod(g), event=True)
    if not ctx.has_anchor("day" if unit in ("day", "week") else "month"):
        return UNRESOLVED
    return _as_duration(_back(ctx.anchor, n, unit), n, unit)


def _quarter_a_year_before(ctx, pos: int) -> Resolved | None:
    """"a year ago" in a report about a quarter is that quarter a year before."""
    if not any(tx.granularity == "quarter" and pos - tx.end < 1500 for tx in ctx.history if tx.start < pos):
        return None
    found = _reported_quarter(ctx, pos)
    return _quarter_result(found[0] - 1, found[1], "anchored") if found else None


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
        return _day(base - timedelta(hours=n) if n >= 24 else base, "relative")
    if unit == "day":
        return _day(base - timedelta(days=n), "relative", closeness)
    if unit == "week":
        day = base - timedelta(weeks=n)
        year, week, _ = day.isocalendar()
        return Resolved(day.isoformat(), day, day, "day", "relative", 0.8, timeml=("DATE", f"{year:04d}-W{week:02d}"))
    if unit == "month":
        first = add_months(base.replace(day=1), -n)
        return _month(first.year, first.month, "relative", closeness)
    years = n * (10 if unit == "decade" else 1)
    return _year(base.year - years, "relative", closeness)


def within_count(g, cand, ctx):
    """"in three years" ahead is a date; "in at least three years" back is not."""
    n = number(g.get("num"))
    approx = (g.get("approx") or "").lower()
    if n is None or approx or _tense(cand, ctx) != "future" or not ctx.has_anchor("day"):
        return UNRESOLVED
    unit = unit_name(g["unit"])
    pub = ctx.anchor
    if unit == "day":
        return _day(pub + timedelta(days=n), "relative")
    if unit == "week":
        return _day(pub + timedelta(weeks=n), "relative", 0.8)
    if unit == "month":
        first = add_months(pub.replace(day=1), n)
        return _month(first.year, first.month, "relative")
    return _year(pub.year + n * (10 if unit == "decade" else 1), "relative")


# ---- anchored to another date in the text ------------------------------------------------


def _shift(anchor, n: int, unit: str) -> Resolved | None:
    if unit in ("hour", "day", "morning", "night", "evening"):
        d = anchor.date_start + timedelta(days=n)
        return _day(d, "anchored", 0.9)
    if unit == "week":
        return _day(anchor.date_start + timedelta(weeks=n), "anchored", 0.8)
    if unit == "month":
        first = add_months(anchor.date_start.replace(day=1), n)
        return _month(first.year, first.month, "anchored", 0.9)
    if unit == "year":
        return _year(anchor.date_start.year + n, "anchored", 0.9)
    return None


def offset_from_anchor(g, cand, ctx):
    """"two days later" moves on from the last date; "a day after <clause>" dates the clause."""
    unit = unit_name(g["unit"])
    n = number(g.get("num")) if g.get("num") else (1 if not g["unit"].lower().endswith("s") else None)
    if unit in ("minute", "the hour"):
        n, unit = 0, "day"
    if unit == "hour":
        n, unit = (n or 0) // 24 if n else 0, "day"
    if n is None or unit == "decade":
        return UNRESOLVED
    direction = (g.get("dir") or cand.rule.params.get("dir", "later")).lower()
    if cand.rule.params.get("adverbial"):
        direction = {"after": "later", "before": "earlier"}[direction]
    if direction in ("later", "afterwards", "afterward", "earlier"):
        anchor = ctx.last_anchor(unit, cand.start)
        sign = -1 if direction == "earlier" else 1
    else:
        anchor = ctx.clause_anchor(cand.start)
        sign = -1 if direction == "after" else 1
    if anchor is None:
        return UNRESOLVED
    if anchor.granularity == "quarter" and unit == "year":
        year, q = _reported_quarter(ctx, cand.start) or _quarter_of(anchor.date_start)
        return _quarter_result(year + sign * n, q, "anchored")
    return _shift(anchor, sign * n, unit)


def same_period(g, cand, ctx):
    unit = g["unit"].lower()
    step = {"next": 1, "last": -1, "previous": -1}.get((g.get("next") or "").lower(), 0)
    anchor = ctx.last_anchor("day" if unit in ("morning", "night", "evening") else unit, cand.start)
    if anchor is None:
        return UNRESOLVED
    if unit == "week":
        monday, sunday = week_bounds(anchor.date_start + timedelta(weeks=step))
        return _days_range(monday, sunday, "anchored", "week")
    return _shift(anchor, step, "day" if unit in ("morning", "night", "evening") else unit)


def same_as_last(g, cand, ctx):
    """"until then": whatever time was named last."""
    anchor = ctx.last_anchor("year", cand.start)
    if anchor is None:
        return UNRESOLVED
    return Resolved(anchor.value, anchor.date_start, anchor.date_end, anchor.granularity, "anchored", 0.85)


# ---- periods from the actor knowledge base --------------------------------------------------


def term_of_office(g, cand, ctx):
    person = ctx.person_for(g, cand)
    if person is None or ctx.actors is None:
        return None if g.get("who") else UNRESOLVED
    terms = ctx.actors.terms(person)
    if not terms:
        return None
    pub = ctx.anchor
    ordinal = (g.get("ordinal") or "").lower()
    chosen = None
    if ordinal in ORDINALS:
        chosen = [t for t in terms if t.ordinal == ORDINALS[ordinal]]
    elif pub is not None:
        current = [t for t in terms if t.start <= pub and (t.end is None or pub <= t.end)]
        if ordinal in ("previous", "last"):
            past = [t for t in terms if t.end is not None and t.end < pub]
            chosen = past[-1:] if past else None
        else:
            chosen = current or [t for t in terms if t.start <= pub]
    if not chosen:
        return UNRESOLVED
    first = min(t.start for t in chosen)
    ends = [t.end for t in chosen]
    last = None if None in ends else max(ends)
    if pub is not None and (last is None or last > pub) and first <= pub:
        last = pub  # a term still running: the part of it so far
    if last is None:
        return UNRESOLVED
    return Resolved(f"{first.isoformat()}/{last.isoformat()}", first, last, "range", "actor-period", 0.95)


def term_start(g, cand, ctx):
    person = ctx.person_for(g, cand)
    if person is None or ctx.actors is None:
        return UNRESOLVED
    terms = ctx.actors.terms(person)
    pub = ctx.anchor
    starts = [t.start for t in terms if pub is None or t.start <= pub]
    if g.get("year"):
        starts = [s for s in starts if s.year == int(g["year"])]
    if not starts:
        return UNRESOLVED
    return _day(max(starts), "actor-period", 0.9)


def vague(g, cand, ctx):
    return UNRESOLVED


# ---- TimeML expressions that are no event: durations, sets, references ------------------

_UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "month": "M",
               "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "weekend": "WE"}
_TIME_UNITS = {"second", "minute", "hour"}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_TEENS = {"thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
          "eleven": 11, "twelve": 12, "fifteen": 15, "ten": 10}


def count(word: str | None) -> int | None:
    """A count in digits or words, compounds included ("twenty four", "twenty-four", "a hundred")."""
    if word is None:
        return None
    word = " ".join(word.lower().replace("-", " ").split())
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word in NUMBERS:
        return NUMBERS[word]
    if word in _TEENS:
        return _TEENS[word]
    parts = word.split()
    if parts and parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and NUMBERS.get(parts[1], 10) < 10)):
        return _TENS[parts[0]] + (NUMBERS[parts[1]] if len(parts) == 2 else 0)
    if parts[-1:] == ["hundred"] and len(parts) == 2:
        return (NUMBERS.get(parts[0]) or 0) * 100 or None
    return None


def unit_key(unit: str) -> str:
    unit = unit.lower()
    if unit.startswith("centur"):
        return "century"
    return unit.rstrip("s") if unit not in ("days",) else "day"


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
    return NotPlaced("DURATION", duration_value(n, unit), mod=_approx_mod(g))


def _approx_mod(g) -> str | None:
    from .timex3 import mod_of

    return mod_of(g)


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
    tense = _tense(cand, ctx)
    if tense == "future":
        options = [d for d in options if d >= pub] or options
    elif tense == "past":
        options = [d for d in options if d <= pub] or options
    return _day(min(options, key=lambda d: abs((d - pub).days)), "relative", 0.9)


def day_range(g, cand, ctx):
    """"entre el 4 y el 7 de julio de 2022": two days of one month, a range as an event;
    TimeML marks each day on its own."""
    last = calendar_date({**g, "day": g["day2"]}, cand, ctx)
    if not isinstance(last, Resolved):
        return last
    first_day = g.get("day") or g["day3"]
    first = parse_day(last.start.year, last.start.month, int(re.match(r"\d+", first_day).group()))
    if first is None or first > last.start:
        return None
    out = _days_range(first, last.start, last.resolution)
    out.parts = (("first" if g.get("first") else "first2", "DATE", first.isoformat()),
                 ("second", "DATE", last.start.isoformat()))
    return out


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
    return _day(d, "anchored", 0.9)


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


# ---- financial periods ----------------------------------------------------------------------


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _quarter_result(year: int, q: int, resolution: str) -> Resolved:
    first, last = quarter_bounds(year, q)
    return Resolved(_month_span(first, last), first, last, "quarter", resolution, timeml=("DATE", f"{year:04d}-Q{q}"))


def _reported_quarter(ctx, pos: int) -> tuple[int, int] | None:
    """The latest quarter named before ``pos`` as the period reported on (not a year-earlier one)."""
    for tx in reversed(ctx.history):
        if tx.granularity == "quarter" and tx.start < pos and tx.date_start and tx.resolution != "anchored" \
                and not _YEAR_BEFORE.search(tx.text):
            return _quarter_of(tx.date_start)
    return None


def _last_reported_quarter(ctx, pos: int) -> tuple[int, int] | None:
    """The quarter a report is about: the latest quarter named before, else the last one
    completed before publication (a company reports a quarter after it closes)."""
    for tx in reversed(ctx.history):
        if tx.granularity == "quarter" and tx.start < pos and tx.date_start and tx.resolution != "anchored" \
                and not _YEAR_BEFORE.search(tx.text):
            return _quarter_of(tx.date_start)
    return _last_completed_quarter(ctx)


_YEAR_BEFORE = re.compile(r"earlier|ago|last\s+year|previous\s+year|prior\s+year", re.IGNORECASE)


def _last_completed_quarter(ctx) -> tuple[int, int] | None:
    if ctx.anchor is None:
        return None
    y, q = _quarter_of(ctx.anchor)
    return (y, q - 1) if q > 1 else (y - 1, 4)


def fiscal_quarter(g, cand, ctx):
    """"third-quarter", "the fiscal first quarter", "the 1988 second quarter", "the year-earlier
    quarter", "the latest quarter", "this quarter": quarters as financial news uses them."""
    rel = " ".join((g.get("rel") or "").lower().split())
    earlier = bool(_YEAR_BEFORE.search(rel))
    ordinal = (g.get("ordinal") or g.get("ordinal2") or "").lower()
    if g.get("year"):
        if not ordinal:  # "the 1988 quarter": the quarter reported on, in that year
            found = _reported_quarter(ctx, cand.start)
            return _quarter_result(int(g["year"]), found[1], "explicit") if found else _year(int(g["year"]), "explicit")
        return _quarter_result(int(g["year"]), ORDINALS.get(ordinal, 4), "explicit")
    if ctx.anchor is None:
        return UNRESOLVED
    if ordinal:
        q = ORDINALS.get(ordinal, 4)
        year = ctx.anchor.year
        if rel.startswith("next year"):
            year += 1
        elif quarter_bounds(year, q)[0] > ctx.anchor and _tense(cand, ctx) == "past":
            year -= 1
    elif rel in ("this", "current", "the current", "the same"):
        year, q = _quarter_of(ctx.anchor)
    elif re.search(r"latest|recent|just", rel):
        year, q = _last_completed_quarter(ctx)
    else:
        found = _last_reported_quarter(ctx, cand.start)
        if found is None:
            return UNRESOLVED
        year, q = found
    if earlier:
        year -= 1
    return _quarter_result(year, q, "relative")


def fiscal_year(g, cand, ctx):
    """"fiscal 1989", "this fiscal year", "the fiscal year": the year it is named by."""
    if g.get("year"):
        return _year(int(g["year"]), "explicit")
    if ctx.anchor is None:
        return UNRESOLVED
    rel = (g.get("rel") or "this").lower()
    return _year(ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0), "relative")


# ---- times of day ---------------------------------------------------------------------------

def clock_time(g, cand, ctx):
    """"5 p.m. EST Nov. 9", "noon Thursday", "15:00 GMT Saturday": a time on a placed day;
    with no day named, the day of the story (kept out of the event table)."""
    day = None
    if g.get("month2"):
        g = {**g, "month": g["month2"], "day": g["day2"]}
    for key, norm in (("month", calendar_date), ("weekday", weekday), ("deixis", deictic_day)):
        if g.get(key):
            found = norm(g, cand, ctx)
            if isinstance(found, Resolved):
                day = found
            break
    clock = (g.get("clock") or g.get("clock2") or "").lower().replace(" ", "")
    if clock == "noon":
        hh = "12:00"
    elif clock == "midnight":
        hh = "24:00"
    else:
        m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?(a|p)?", clock)
        if m:
            h, minutes, half = int(m.group(1)), m.group(2) or "00", m.group(3)
        elif count(clock):
            h, minutes, half = count(clock), "00", None
        else:
            return None
        if half:
            h = h % 12 + (12 if half == "p" else 0)
        part = (g.get("part") or "").lower()
        if h < 12 and (part in ("evening", "afternoon") or (part == "night" and h >= 7)):
            h += 12  # "las ocho de la tarde"
        if h > 24:
            return None
        hh = f"{h:02d}:{minutes}"
    if g.get("gmt"):
        hh += "Z"
    if day is None:
        base = ctx.last_anchor("day", cand.start)
        base_day = base.date_start if base is not None else ctx.anchor
        if base_day is None:
            return NotPlaced("TIME", f"XXXX-XX-XXT{hh}")
        return NotPlaced("TIME", f"{base_day.isoformat()}T{hh}")
    return Resolved(day.value, day.start, day.end, "day", day.resolution, day.confidence,
                    timeml=("TIME", f"{day.start.isoformat()}T{hh}"))


# ---- spelled-out years ------------------------------------------------------------------------


def spelled_year(g, cand, ctx):
    """"nineteen ninety-six", "the year two thousand"."""
    if g.get("millennium"):
        rest = count(g.get("rest2")) if g.get("rest2") else 0
        if rest is None:
            return None
        return _year(2000 + rest, "explicit")
    century = count(g["century"])
    rest = count(g["rest"]) if g.get("rest") else 0
    if century is None or rest is None or not 10 <= century <= 20 or rest > 99:
        return None
    return _year(century * 100 + rest, "explicit")


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
        year, q = _quarter_of(ctx.anchor)
        found = _quarter_result(year, q, "relative")
    if not isinstance(found, Resolved):
        return found
    found.mod = "END"
    return found


_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                  "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


def century(g, cand, ctx):
    """"the 20th century" is TimeML 19 (the years 1900-1999)."""
    word = g["ordinal"].lower()
    n = int(re.match(r"\d+", word).group()) if word[0].isdigit() else (
        21 if word == "twenty-first" else _ORDINAL_WORDS.index(word) + 1)
    first = 100 * (n - 1)
    if not 1 <= n <= 21:
        return None
    return NotPlaced("DATE", f"{n - 1:02d}XX")  # TimeBank's notation for a century


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def decade_word(g, cand, ctx):
    """"the nineties": the decade of that name in the century before publication."""
    word = g["decade"].lower()
    tens = _DECADE_WORDS.get(word) or int(word[1])
    if ctx.anchor is None:
        return UNRESOLVED
    century_ = ctx.anchor.year // 100 * 100
    first = century_ + 10 * tens
    if first > ctx.anchor.year:
        first -= 100
    return Resolved(f"{first}/{first + 9}", date(first, 1, 1), date(first + 9, 12, 31), "decade", "relative",
                    timeml=("DATE", f"{first // 10}"))


NORMALISERS = {f.__name__: f for f in (
    calendar_date, calendar_month, month_range, calendar_year, year_range, decade, season, quarter,
    half_year, weekday, deictic_day, calendar_unit, weekend, span_back, span_for, ago, within_count,
    offset_from_anchor, same_period, same_as_last, term_of_office, term_start, vague,
    duration, reference, vague_span, set_expr, fiscal_quarter, fiscal_year, clock_time, spelled_year,
    period_end, century, decade_word, weekday_anchored, day_of_month, day_range,
)}


def parse_published(value: str | None) -> tuple[date | None, str | None]:
    """An ISO publication date, full or partial, as (first day, precision)."""
    if not value:
        return None, None
    value = value.strip()
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            return datetime.strptime(value[: len(datetime(2000, 1, 1).strftime(fmt))], fmt).date(), precision
        except ValueError:
            continue
    return None, None
