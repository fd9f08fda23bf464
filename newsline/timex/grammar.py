"""Clues from the words around a date expression: tense and quotation.

The cue words are data ([grammar] in each language's rules file); this module
only knows how to weigh them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

_PUNCTUATION_BREAK = r"[;:—–]|\s-\s"
_REACH = 160  # characters either side of an expression that can hold its verb


@dataclass(frozen=True)
class Grammar:
    future: re.Pattern        # a future or modal marker: "will", "is expected to"
    past: re.Pattern          # a past-tense verb
    perfect: re.Pattern       # a perfect-tense clause ("has been held")
    perfect_aux: re.Pattern   # right before a participle, makes it present perfect ("has called")
    modal_passive: re.Pattern  # right before a participle, makes it future ("will be inaugurated")
    stative_past: re.Pattern  # a state told in the past ("remained", "was")
    not_verbs: frozenset      # words the past pattern catches that are not verbs
    clause_break: re.Pattern  # where a clause ends: punctuation, and a word opening a reported clause
    relative: re.Pattern      # an aside opening: ", which", ", who"
    event_before: re.Pattern  # a happening the date names, before it: "las elecciones del" (28 de julio)
    event_after: re.Pattern   # and after it: (the July 28) "election"

    @classmethod
    def from_table(cls, table: dict) -> "Grammar":
        flags = re.IGNORECASE
        return cls(
            future=re.compile(table["future"], flags),
            past=re.compile(table["past"], flags),
            perfect=re.compile(table["perfect"], flags),
            perfect_aux=re.compile(table["perfect_aux"] + "$", flags),
            modal_passive=re.compile(table["modal_passive"] + "$", flags),
            stative_past=re.compile(table["stative_past"], flags),
            not_verbs=frozenset(w.lower() for w in table.get("not_verbs", [])),
            clause_break=re.compile(_PUNCTUATION_BREAK + ("|" + table["clause_break"] if "clause_break" in table else "")),
            relative=re.compile(r",\s+(?:" + table.get("relative", "(?!)") + r")\b[^,]*$", flags),
            event_before=re.compile(r"\b(?:" + table.get("event_before", "(?!)") + r")\s*$", flags),
            event_after=re.compile(r"\s*(?:" + table.get("event_after", "(?!)") + r")\b", flags),
        )


def _clause(g: Grammar, text: str, start: int, end: int, sent_start: int, sent_end: int) -> tuple[int, int]:
    left = sent_start
    for m in g.clause_break.finditer(text, sent_start, start):
        left = m.end()
    right = sent_end
    m = g.clause_break.search(text, end, sent_end)
    if m:
        right = m.start()
    return left, right


def tense(g: Grammar, text: str, start: int, end: int, sent_start: int, sent_end: int) -> str | None:
    """'past', 'future' or None: the tense marker nearest the expression in its clause."""
    # A window, not the whole sentence: a run-on "sentence" of a thousand dates stays linear.
    sent_start, sent_end = max(sent_start, start - _REACH), min(sent_end, end + _REACH)
    left, right = _clause(g, text, start, end, sent_start, sent_end)
    best: tuple[int, str] | None = None
    for regex, label in ((g.future, "future"), (g.past, "past")):
        for m in regex.finditer(text, left, right):
            if m.start() < end and m.end() > start:
                continue  # inside the expression itself ("next year")
            found = label
            if label == "past":
                if m.group().lower() in g.not_verbs:
                    continue
                before = text[max(left, m.start() - 24):m.start()]
                if g.perfect_aux.search(before):
                    continue  # "has called for": present perfect speaks from now
                if g.modal_passive.search(before):
                    found = "future"  # "will be inaugurated", "could be held"
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, found)
    return best[1] if best else None


def perfect_before(g: Grammar, text: str, start: int, sent_start: int) -> bool:
    """Is the clause before ``start`` in a perfect tense ("has been held for ...")?"""
    return g.perfect.search(text, max(sent_start, start - 80), start) is not None


def stative_past(g: Grammar, text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """Is a state told in the past around the expression ("was in power until March",
    "As of March 1, 300 prisoners remained")?"""
    return g.stative_past.search(text, max(sent_start, start - 60), min(sent_end, end + 60)) is not None


def names_a_happening(g: Grammar, text: str, start: int, end: int) -> bool:
    """Does the date name a happening it is the day of ("las elecciones del 28 de julio", "the July 28
    election")? Then the verb of the clause tells when it was spoken of, not which way the date lies."""
    return bool(g.event_before.search(text[max(0, start - 60):start]) or g.event_after.match(text, end))


def in_closed_aside(g: Grammar, text: str, pos: int, before: int, sent_start: int) -> bool:
    """Is ``pos`` inside an aside such as ", which began Jan. 10," that closes
    before ``before``? Such a date is not where the story line stands."""
    if g.relative.search(text, sent_start, pos) is None:
        return False
    return "," in text[pos:before]


def in_quotation(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened earlier in its paragraph?"""
    para = text.rfind("\n", 0, pos) + 1
    segment = text[para:pos]
    opened = segment.count("“") - segment.count("”") + segment.count("«") - segment.count("»")
    if opened > 0:
        return True
    return segment.count('"') % 2 == 1
