"""Sentence boundaries with character offsets, tuned for news prose.

A sentence ends at . ! ? (after any closing quotes or brackets) when the next
non-space character opens a new sentence; paragraph breaks always end one.
Abbreviations ("Mr.", "Sept.", "U.S.") and initials ("James E. Boasberg") do
not, and neither does a stray ". ," in the source.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt adm gov sen rep reps st jr sr inc ltd co corp
    no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft pres amb dept
    u.s u.k u.n e.u d.c a.m p.m ee uu ee.uu sra srta dra gral lic av s.a c.a s.l""".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*")
_BREAK = re.compile(r"\n\s*\n|\n")
_BLANK_LINE = re.compile(r"\n\s*\n")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Does the "." at ``dot`` close an abbreviation or an initial?"""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "James E. Boasberg"
        return True
    return word in _ABBREVIATIONS


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences in ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    para_start = start
    breaks = _BLANK_LINE if _hard_wrapped(text[start:end]) else _BREAK
    for para_end in [m.start() for m in breaks.finditer(text, start, end)] + [end]:
        spans.extend(_split_paragraph(text, para_start, para_end))
        para_start = para_end
    return spans


def _hard_wrapped(text: str) -> bool:
    """Plain text wrapped at a fixed width: a line break inside a paragraph is a space."""
    lines = [len(line) for line in text.split("\n") if line.strip()]
    if len(lines) < 5 or max(lines) > 110:
        return False
    return sum(30 <= n <= 100 for n in lines) >= 0.7 * len(lines)


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    sent_start = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        nxt = stop
        while nxt < end and text[nxt] in " \t\r\n":
            nxt += 1
        if nxt >= end:
            break
        if nxt == stop:  # no space: "U.S.-led", "3.5"
            continue
        follower = text[nxt]
        if not (follower.isupper() or follower.isdigit() or follower in "\"“‘'([—–-«¿¡"):
            continue  # ". ," or a lowercase continuation
        if match.group().startswith(".") and len(match.group().rstrip("\"'”’)]")) == 1:
            if _is_abbreviation(text, match.start()):
                continue
        out.append(stop)
    spans = []
    for stop in out + [end]:
        span = _trim(text, sent_start, stop)
        if span:
            spans.append(span)
        sent_start = stop
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
