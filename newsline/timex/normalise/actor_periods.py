"""Periods from the actor knowledge base: a term of office ("his first term") and its start."""

from __future__ import annotations

from .results import UNRESOLVED, Resolved, on_day
from .words import ORDINALS


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
    return on_day(max(starts), "actor-period", 0.9)
