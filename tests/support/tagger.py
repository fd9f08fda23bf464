"""The tagger's invariants, checked on whatever it returns for a text.

Every offset points at the text it claims, expressions come in order without overlapping,
each lies inside its sentence, and every value is a well-formed calendar value whose first
and last days fall inside it (an unresolved one has no days at all).
"""

from __future__ import annotations

import re
from datetime import date

from newsline.model import GRANULARITIES, RESOLUTIONS

PART = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
VALUE = re.compile(rf"{PART}(?:/{PART})?")


def iso_span(part: str) -> tuple[date, date]:
    """First and last day of an ISO year, month or day."""
    pieces = [int(p) for p in part.split("-")]
    if len(pieces) == 3:
        d = date(*pieces)
        return d, d
    if len(pieces) == 2:
        year, month = pieces
        following = date(year + (month == 12), month % 12 + 1, 1) if (year, month) != (9999, 12) else None
        return date(year, month, 1), (date.fromordinal(following.toordinal() - 1) if following else date(9999, 12, 31))
    return date(pieces[0], 1, 1), date(pieces[0], 12, 31)


def check_timexes(text: str, timexes) -> None:
    last_end = -1
    for tx in timexes:
        assert 0 <= tx.start < tx.end <= len(text)
        assert text[tx.start:tx.end] == tx.text
        assert tx.start >= last_end, "expressions overlap or are out of order"
        last_end = tx.end
        s_start, s_end = tx.sentence
        assert 0 <= s_start <= tx.start and tx.end <= s_end <= len(text), (tx.text, tx.sentence)
        assert tx.granularity in GRANULARITIES and tx.resolution in RESOLUTIONS
        assert 0.0 <= tx.confidence <= 1.0
        assert tx.tense in (None, "past", "future", "present")
        if tx.value is None:
            assert tx.granularity == "unresolved" and tx.date_start is None and tx.date_end is None
            continue
        assert VALUE.fullmatch(tx.value), tx.value
        assert tx.date_start <= tx.date_end
        first, *rest = tx.value.split("/")
        lo, _ = iso_span(first)
        _, hi = iso_span(rest[0] if rest else first)
        assert lo <= tx.date_start <= tx.date_end <= hi, (tx.value, tx.date_start, tx.date_end)
