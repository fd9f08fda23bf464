"""Dates named on the calendar: days, months, years and their ranges, seasons, quarters and
halves, decades and centuries, written in digits or words; a missing year is inferred."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..calendar import fmt_month, month_end, quarter_bounds, season_bounds
from .leaning import infer_year, leaning, tense_of
from .results import UNRESOLVED, NotPlaced, Resolved, days_range, in_month, in_year, month_span, on_day
from .words import ORDINALS, WEEKDAYS, count, month_number


@lru_cache(maxsize=4096)
def parse_day(year: int, month: int, day: int) -> date | None:
    """A calendar day, or None when there is none ("February 30"). The calendar alone decides:
    importing a date parser for this cost more than the tagging of a short article."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def calendar_date(g, cand, ctx):
    month = month_number(g["month"])
    day = int(re.match(r"\d+", g["day"]).group())
    if g.get("year"):
        d = parse_day(int(g["year"]), month, day)
        if d and g.get("weekday") and ctx.has_anchor("day"):
            fixed = _weekday_fix(d, WEEKDAYS[g["weekday"].lower()], ctx.anchor)
            if fixed:
                return on_day(fixed, "weekday-corrected", 0.9)
        return on_day(d, "explicit") if d else None
    if (labelled := _year_label(ctx, cand.start)) and (d := parse_day(labelled, month, day)):
        return on_day(d, "year-inferred", LABEL_YEAR_CONFIDENCE)
    if (carried := _year_carried(ctx, cand.start, month, day)) is not None:
        return on_day(carried, "year-inferred", TEXT_YEAR_CONFIDENCE)
    if (entry := _year_of_entries(ctx, cand, month, day)) is not None:
        return on_day(entry, "year-inferred", TEXT_YEAR_CONFIDENCE)
    if not ctx.has_anchor("year"):
        if not _valid_month_day(month, day):
            return None
        year = _year_written_before(ctx, cand.start)
        d = parse_day(year, month, day) if year else None
        return on_day(d, "year-inferred", TEXT_YEAR_CONFIDENCE) if d else UNRESOLVED
    tense = leaning(cand, ctx)
    year = infer_year(ctx, lambda y: _safe_day(y, month, day), lambda y: _safe_day(y, month, day), tense)
    d = parse_day(year, month, day)
    return on_day(d, "year-inferred", 0.97) if d else None


# How near publication a corrected date must be, and how far the written one is, for the year to
# count as a slip of the pen ("el sábado 3 de enero del 2025" in a report of 3 January 2026).
SLIP_NEAR_DAYS = 60
SLIP_FAR_DAYS = 300


def _weekday_fix(d: date, weekday: int, published: date) -> date | None:
    """The same day a year either side when the written year doesn't fit the weekday named and
    that one does, lies near publication and the written one far from it; else None."""
    if d.weekday() == weekday or abs((d - published).days) < SLIP_FAR_DAYS:
        return None
    fits = [f for f in (parse_day(d.year - 1, d.month, d.day), parse_day(d.year + 1, d.month, d.day))
            if f and f.weekday() == weekday and abs((f - published).days) <= SLIP_NEAR_DAYS]
    return fits[0] if len(fits) == 1 else None


#: A year taken from the text rather than from publication is a weaker guess.
TEXT_YEAR_CONFIDENCE = 0.8
#: ... unless the paragraph opens with it as a label ("2022: El 26 de noviembre, el Tesoro emite ...").
LABEL_YEAR_CONFIDENCE = 0.95
#: A chronology's entry: a paragraph opening with its year and a colon ("2022:", "Febrero – Marzo 2025:").
_LABEL = re.compile(r"[ \t\-•*]*[^\n:.]{0,30}?\b((?:19|20)\d{2})\s*:")


def year_label(text: str, pos: int) -> re.Match | None:
    """The year label that opens the paragraph holding ``pos`` ("2022: El 26 de noviembre, ..."), if any;
    group 1 is the year."""
    return _LABEL.match(text, text.rfind("\n", 0, pos) + 1)


def _year_label(ctx, pos: int) -> int | None:
    """The year a chronology's entry opens with, for the dates of that paragraph that name none."""
    m = year_label(ctx.text, pos)
    return int(m.group(1)) if m and m.end() <= pos else None


def _year_written_before(ctx, pos: int) -> int | None:
    """Without a publication date, the year of the last full date written before ``pos`` ("el 17 de
    octubre de 2023 ... Un día después, el 18 de octubre"), as a reader would take it. A bare year
    does not count: "the 2024 elections" names the year of another happening."""
    for tx in reversed(ctx.history):
        if tx.start < pos and tx.resolution == "explicit" and tx.granularity in ("day", "month") and tx.date_start:
            return tx.date_start.year
    return None


#: How far after a full date of another year a year-less day of its sentence may fall and still be of
#: that year: the story told on from it ("el 11 de abril de 2002 ... la madrugada del 12 de abril").
CARRIED_DAYS = 62


def _year_carried(ctx, pos: int, month: int, day: int) -> date | None:
    """A year-less day soon after a full date of another year than publication's, in one sentence, is of
    that year, as a reader takes it: "Tras los hechos del 11 de abril de 2002, la madrugada del 12 de abril
    Chávez se entregó"."""
    start, _ = ctx.sentence_span(pos)
    for tx in reversed(ctx.history):
        if tx.start >= pos:
            continue
        if tx.start < start:
            return None
        if tx.resolution == "explicit" and tx.granularity == "day" and tx.date_start:
            if ctx.has_anchor("year") and tx.date_start.year == ctx.anchor.year:
                return None
            d = parse_day(tx.date_start.year, month, day)
            return d if d and 0 <= (d - tx.date_start).days <= CARRIED_DAYS else None
    return None


#: A chronology's entry: a paragraph that opens with its date and a comma ("El 22 de febrero, Guaidó
#: burla ...", "On March 4, ..."): what may stand before the date, and after it.
_ENTRY_BEFORE = re.compile(r"[ \t\-•*]*(?:(?:el|on|en|in)\s+)?", re.IGNORECASE)
_ENTRY_AFTER = re.compile(r"\s*,")


def _entry(ctx, start: int, end: int) -> bool:
    return (_ENTRY_BEFORE.fullmatch(ctx.text, ctx.text.rfind("\n", 0, start) + 1, start) is not None
            and _ENTRY_AFTER.match(ctx.text, end) is not None)


#: How far after the entry before it an entry's year-less day may fall and still be of its year.
ENTRY_DAYS = 366


@dataclass
class Entries:
    """A chronology's entries among the dates tagged so far, kept up to date as the tagging goes
    (``Context.chronology``), so that each year-less day looks back once, not over the whole history."""
    scanned: int = 0  # how much of the history has been looked at
    count: int = 0
    last: object = None  # the last entry's Timex
    other_year_since: bool = False  # a full date of another year than the last entry's came after it


def _entries(ctx) -> Entries:
    seen = ctx.chronology = ctx.chronology or Entries()
    for tx in ctx.history[seen.scanned:]:
        if _entry(ctx, tx.start, tx.end):
            seen.count, seen.last, seen.other_year_since = seen.count + 1, tx, False
        elif (seen.last is not None and seen.last.date_start and tx.resolution == "explicit" and tx.date_start
              and tx.date_start.year != seen.last.date_start.year):
            seen.other_year_since = True
    seen.scanned = len(ctx.history)
    return seen


def _year_of_entries(ctx, cand, month: int, day: int) -> date | None:
    """In a chronology, a year-less day is of the year of the entry before it, when that one is of
    another year than publication and the day follows it: "El 23 de enero de 2019, Guaidó se proclama
    ..." ... "El 22 de febrero, Guaidó burla una prohibición" ... "antes de regresar a Caracas el 4 de
    marzo", in a chronology published in June 2020, are all of 2019. A day inside an entry's paragraph
    counts once two entries have shown the article to be a chronology."""
    seen = _entries(ctx)
    if seen.count < (1 if _entry(ctx, cand.start, cand.end) else 2):
        return None
    last = seen.last
    if last.granularity != "day" or not last.date_start or last.resolution not in ("explicit", "year-inferred"):
        return None
    if ctx.has_anchor("year") and last.date_start.year == ctx.anchor.year:
        return None
    # (no full date of another year told since: "... el 5 de enero de 2020, ... el 4 de marzo")
    if seen.other_year_since:
        return None
    d = parse_day(last.date_start.year, month, day)
    return d if d and 0 <= (d - last.date_start).days <= ENTRY_DAYS else None


def _valid_month_day(month: int, day: int) -> bool:
    return parse_day(2024, month, day) is not None  # 2024 is a leap year


def _safe_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, month_end(year, month).day))


def calendar_month(g, cand, ctx):
    month = month_number(g["month"])
    if g.get("year"):
        return in_month(int(g["year"]), month, "explicit")
    rel = (g.get("rel") or "").lower()
    says_year = (g.get("unit") or "").lower() == "year" or "year" in ctx.text[cand.start:cand.end].lower()
    if rel and ctx.has_anchor("year") and says_year:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[rel]
        return in_month(year, month, "relative")
    if not rel and (labelled := _year_label(ctx, cand.start)):
        return in_month(labelled, month, "year-inferred", LABEL_YEAR_CONFIDENCE)
    if not ctx.has_anchor("month"):
        year = None if rel or ctx.anchor else _year_written_before(ctx, cand.start)
        return in_month(year, month, "year-inferred", TEXT_YEAR_CONFIDENCE) if year else UNRESOLVED
    if rel == "this" and ctx.has_anchor("year"):
        return in_month(ctx.anchor.year, month, "relative")  # "this September": this year's
    if rel == "last":
        tense = "since"
    elif rel == "next":
        tense = "ahead"
    else:
        tense = leaning(cand, ctx)
    year = infer_year(ctx, lambda y: date(y, month, 1), lambda y: month_end(y, month), tense)
    return in_month(year, month, "year-inferred", 0.95)


def month_range(g, cand, ctx):
    m1, m2 = month_number(g["month"]), month_number(g["month2"])
    y1 = int(g["year"]) if g.get("year") else None
    y2 = int(g["year2"]) if g.get("year2") else None
    resolution = "explicit"
    if y1 is None and y2 is None:
        if not ctx.has_anchor("month"):
            return UNRESOLVED
        tense = tense_of(cand, ctx)
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
    return in_year(year, "explicit")


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
            tense = "past" if rel == "" and tense_of(cand, ctx) == "past" else tense_of(cand, ctx)
            current = [y for y in years if bounds[y][0] <= pub <= bounds[y][1]]
            if rel == "this":
                year = current[0] if current else pub.year
            elif tense == "future":
                year = min(y for y in years if bounds[y][1] >= pub)
            else:
                year = max(y for y in years if bounds[y][0] <= pub)
        resolution = "relative"
    first, last = season_bounds(year, name)
    return Resolved(month_span(first, last), first, last, "season", resolution)


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
    return Resolved(month_span(first, last), first, last, "quarter", resolution)


def half_year(g, cand, ctx):
    found = _year_from(g, ctx)
    if found is None:
        return UNRESOLVED
    year, resolution = found
    m1, m2 = (1, 6) if g["ordinal"].lower() == "first" else (7, 12)
    return Resolved(f"{fmt_month(year, m1)}/{fmt_month(year, m2)}", date(year, m1, 1),
                    month_end(year, m2), "range", resolution, timeml=("DATE", f"{year:04d}-H{1 if m1 == 1 else 2}"))


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
    out = days_range(first, last.start, last.resolution)
    out.parts = (("first" if g.get("first") else "first2", "DATE", first.isoformat()),
                 ("second", "DATE", last.start.isoformat()))
    return out


def spelled_year(g, cand, ctx):
    """"nineteen ninety-six", "the year two thousand"."""
    if g.get("millennium"):
        rest = count(g.get("rest2")) if g.get("rest2") else 0
        if rest is None:
            return None
        return in_year(2000 + rest, "explicit")
    century = count(g["century"])
    rest = count(g["rest"]) if g.get("rest") else 0
    if century is None or rest is None or not 10 <= century <= 20 or rest > 99:
        return None
    return in_year(century * 100 + rest, "explicit")


_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                  "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


def century(g, cand, ctx):
    """"the 20th century" is TimeML 19 (the years 1900-1999)."""
    word = g["ordinal"].lower()
    n = int(re.match(r"\d+", word).group()) if word[0].isdigit() else (
        21 if word == "twenty-first" else _ORDINAL_WORDS.index(word) + 1)
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
