"""Clues from the words around a date expression: tense and quotation."""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|won[’']t|shall|could|might|should|going\s+to|plans?\s+to|planned\s+to|expected\s+to|set\s+to|"
    r"scheduled|(?:is|are|was|were)\s+due\s+to|intends?\s+to|would|upcoming|is\s+to|are\s+to|next)\b|[’']ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|took|met|left|made|gave|came|went|won|lost|held|began|"
    r"sent|spoke|wrote|saw|led|fled|struck|sought|brought|kept|ran|broke|chose|flew|became|"
    r"paid|stood|fell|rose|grew|drew|threw|knew|thought|found|heard|felt|built|caught|"
    r"[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
_PERFECT = re.compile(r"\b(?:has|have|had|’ve|'ve)\s+(?:not\s+|also\s+|long\s+|been\s+)?\w+", re.IGNORECASE)
_PERFECT_AUX = re.compile(r"\b(?:has|have|’ve|'ve)\s+(?:not\s+|also\s+|already\s+)?$", re.IGNORECASE)
_MODAL_PASSIVE = re.compile(r"\b(?:will|would|could|might|shall|should|to)\s+(?:not\s+)?(?:be|have\s+been)\s+$",
                            re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:—–]|\s-\s")

_NOT_VERBS = frozenset({"red", "bed", "need", "feed", "seed", "speed", "indeed", "united", "based", "related",
                        "limited", "armed", "detained", "designated", "alleged", "reported", "so-called"})


def _clause(text: str, start: int, end: int, sent_start: int, sent_end: int) -> tuple[int, int]:
    left = sent_start
    for m in _CLAUSE_BREAK.finditer(text, sent_start, start):
        left = m.end()
    right = sent_end
    m = _CLAUSE_BREAK.search(text, end, sent_end)
    if m:
        right = m.start()
    return left, right


def tense(text: str, start: int, end: int, sent_start: int, sent_end: int) -> str | None:
    """'past', 'future' or None: the tense marker nearest the expression in its clause."""
    left, right = _clause(text, start, end, sent_start, sent_end)
    best: tuple[int, str] | None = None
    for regex, label in ((_FUTURE, "future"), (_PAST, "past")):
        for m in regex.finditer(text, left, right):
            if m.start() < end and m.end() > start:
                continue  # inside the expression itself ("next year")
            if label == "past":
                if m.group().lower() in _NOT_VERBS:
                    continue
                before = text[max(left, m.start() - 24):m.start()]
                if _PERFECT_AUX.search(before):
                    continue  # "has called for": present perfect speaks from now
                if _MODAL_PASSIVE.search(before):
                    label = "future"  # "will be inaugurated", "could be held"
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, label)
    return best[1] if best else None


def perfect_before(text: str, start: int, sent_start: int) -> bool:
    """Is the clause before ``start`` in a perfect tense ("has been held for ...")?"""
    return _PERFECT.search(text, max(sent_start, start - 80), start) is not None


_STATIVE_PAST = re.compile(r"\b(?:was|were|had|remained|stayed|lasted|continued|held|kept)\b", re.IGNORECASE)


def stative_past(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """Is a state told in the past around the expression ("was in power until March",
    "As of March 1, 300 prisoners remained")?"""
    return _STATIVE_PAST.search(text, max(sent_start, start - 60), min(sent_end, end + 60)) is not None


def in_quotation(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened earlier in its paragraph?"""
    para = text.rfind("\n", 0, pos) + 1
    segment = text[para:pos]
    opened = segment.count("“") - segment.count("”")
    if opened > 0:
        return True
    return segment.count('"') % 2 == 1
