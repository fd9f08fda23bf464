"""Who did what to whom: the source and target actors of an event.

Roles come from where actors stand around the action's trigger in the sentence, by
one of a few general rules (each event records which one, in ``roles_rule``):

- ``active``: actors before the trigger act, actors after it are acted upon
  ("The United States recognised Guaidó").
- ``passive``: a form of "to be"/"ser" before the trigger and "by"/"por" after it
  swap them ("Guaidó was recognised by the United States", "fue reconocido por").
- ``reported``: in "X said Y did Z" only Y acts; X merely speaks ("Officials said
  Venezuela freed ten Americans", "..., the State Department said Sunday").
- ``verb-first``: Spanish puts the subject after the verb ("Reconoció Estados
  Unidos a González"): the first actor after the verb not marked by "a" acts.
- ``speaker``: for a statement, the speaker is the source and what they speak
  about the target.
- ``no-trigger``: no action word: the first actor named is taken to act.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actions import Trigger

#: Classes whose happening is words said: whoever says them acts, even when a verb of saying
#: introduces them ("Maduro said Gonzalez must face justice" is Maduro's threat).
SPOKEN = frozenset({"statement", "threat"})

_BE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|has been|have been|had been|fue|fueron|sido|ha sido|han sido|"
    r"será|serán|es|son)\s+(?:\w+\s+)?$", re.IGNORECASE)
_BY = re.compile(r"\b(?:by|por)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?$", re.IGNORECASE)
_PERSONAL_A = re.compile(r"\b(?:a|al|contra)\s+(?:la\s+|los\s+|las\s+)?$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;—–]")


@dataclass(frozen=True)
class Placed:
    """Actors named at a place in the sentence (a name, or a pronoun standing for them)."""

    start: int
    end: int
    names: tuple[str, ...]
    surface: str


@dataclass(frozen=True)
class Roles:
    source: list[str]
    target: list[str]
    rule: str


def _names(placed: list[Placed], exclude=()) -> list[str]:
    out: list[str] = []
    for p in placed:
        for n in p.names:
            if n not in out and n not in exclude:
                out.append(n)
    return out


def assign(sentence: str, language: str, placed: list[Placed], trigger: Trigger | None,
           speech: list[Trigger], date_span: tuple[int, int] | None = None) -> Roles:
    """Source and target of the happening ``trigger`` names; ``speech`` are the sentence's
    words of saying. In "X said Y did Z" Y acts; X is a source too when the date expression
    dates the saying as well ("Mr. Trump said Tuesday that the U.S. had struck the boat"):
    whoever makes a dated statement takes part in what that date dates."""
    roles = _assign(sentence, language, placed, trigger, speech)
    if trigger is None or trigger.speech or date_span is None or not roles.rule.startswith("reported"):
        return roles
    framing = [s for s in speech if _frames(sentence, s, trigger)]
    dated = [s for s in framing if _dates_saying(sentence, s, trigger, date_span)]
    if not dated:
        return roles
    placed = sorted(placed, key=lambda p: p.start)
    speakers = _names([p for s in dated for p in _speakers(sentence, placed, s)])
    extra = [n for n in speakers if n not in roles.source]
    if not extra:
        return roles
    return Roles(roles.source + extra, [n for n in roles.target if n not in extra],
                 roles.rule + f"; speaker of the dated saying {sentence[dated[0].start:dated[0].end]!r} also acts")


def _frames(sentence: str, s: Trigger, trigger: Trigger) -> bool:
    """Does the saying ``s`` introduce the clause of ``trigger`` (before it, or after it past a comma)?"""
    if s.last < trigger.first:
        return True
    return s.first > trigger.last and _CLAUSE.search(sentence, trigger.end, s.start) is not None


def _dates_saying(sentence: str, s: Trigger, trigger: Trigger, date_span: tuple[int, int]) -> bool:
    """Does the date expression date the saying too: it stands nearer the verb of saying than
    the action's trigger is ("said Tuesday that ... had struck")?"""
    from .actions import _gap, _tokens_of

    d = _tokens_of(sentence, date_span)
    return _gap(s, d) < _gap(trigger, d)


def _speakers(sentence: str, placed: list[Placed], s: Trigger) -> list[Placed]:
    """Who says: the last actor in the clause before the verb of saying, else one right after it
    ("..., said Hegseth")."""
    breaks = [m.end() for m in _CLAUSE.finditer(sentence, 0, s.start)]
    clause_start = breaks[-1] if breaks else 0
    before = [p for p in placed if clause_start <= p.start and p.end <= s.start]
    if before:
        return before[-1:]
    after = [p for p in placed if p.start >= s.end and p.start - s.end <= 3]
    return after[:1]


def _assign(sentence: str, language: str, placed: list[Placed], trigger: Trigger | None,
            speech: list[Trigger]) -> Roles:
    placed = sorted(placed, key=lambda p: p.start)
    if trigger is None:
        names = _names(placed)
        return Roles(names[:1], names[1:], "no-trigger: the first actor named acts")
    word = sentence[trigger.start:trigger.end]
    if trigger.speech:
        return _speaker(sentence, placed, trigger, word)
    if trigger.action in SPOKEN:
        saying = [s for s in speech if s.last < trigger.first] or [s for s in speech if s.first > trigger.last]
        if saying:  # "Maduro said Gonzalez must face justice": the one who warns acts
            return _speaker(sentence, placed, saying[-1] if saying[-1].last < trigger.first else saying[0],
                            sentence[saying[0].start:saying[0].end])
    left, right, rule = 0, len(sentence), "active"
    for s in speech:
        if s.last < trigger.first:
            left = max(left, s.end)
            rule = "reported"
        elif s.first > trigger.last:
            breaks = [m.start() for m in _CLAUSE.finditer(sentence, trigger.end, s.start)]
            if breaks:
                right = min(right, breaks[-1])
                rule = "reported"
    before = [p for p in placed if left <= p.start and p.end <= trigger.start]
    after = [p for p in placed if p.start >= trigger.end and p.end <= right]
    ahead = sentence[max(left, before[-1].end if before else left):trigger.start]
    if _BE.search(ahead):
        agents = [p for p in after if _BY.search(sentence[trigger.end:p.start][-12:] if p.start - trigger.end < 40
                                                 else "")]
        if agents:
            source = _names(agents[:1])
            return Roles(source, _names(before + [p for p in after if p is not agents[0]], source),
                         f"passive: agent after by/por, patient before {word!r}")
        return Roles([], _names(before + after), f"passive: no agent named; {word!r} acts on who comes before")
    if before:
        source = _names(before)
        why = (f"reported: what was said is coded; source before {word!r}, target after"
               if rule == "reported" else f"active: source before {word!r}, target after")
        return Roles(source, _names(after, source), why)
    if language == "es" and after:
        subject = next((p for p in after if not _PERSONAL_A.search(sentence[:p.start])), None)
        if subject is not None:
            source = _names([subject])
            return Roles(source, _names([p for p in after if p is not subject], source),
                         f"verb-first: subject after {word!r}, object marked by 'a'")
    return Roles([], _names(after), f"{rule}: no actor before {word!r}; target after")


def _speaker(sentence: str, placed: list[Placed], trigger: Trigger, word: str) -> Roles:
    breaks = [m.end() for m in _CLAUSE.finditer(sentence, 0, trigger.start)]
    clause_start = breaks[-1] if breaks else 0
    speakers = [p for p in placed if clause_start <= p.start and p.end <= trigger.start]
    if not speakers:
        speakers = [p for p in placed if p.start >= trigger.end][:1]
    source = _names(speakers[-1:] if speakers else [])
    return Roles(source, _names([p for p in placed if p not in speakers], source),
                 f"speaker: who {word!r}; target what they speak about")
