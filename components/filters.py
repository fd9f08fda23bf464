"""What the visitor asked to see, in words.

``Filters`` (from ``newsline.query``) is a frozen, hashable value: it keys the caches of
every answer downstream, so nothing is asked of the store again unless a filter actually
changed. The store turns it into SQL; this module only says it in words, e.g. to explain
an empty result.
"""

from __future__ import annotations

from newsline.query import TENSES, YEAR_OR_VAGUER, Filters

__all__ = ["Filters", "TENSES", "YEAR_OR_VAGUER", "describe_filter", "explain_empty"]


def describe_filter(name: str, flt: Filters) -> str:
    """A short human phrase for one active filter."""
    if name == "actors":
        return "actor " + " or ".join(flt.actors)
    if name == "topics":
        return "topic " + " or ".join(flt.topics)
    if name == "outlets":
        return "outlet " + " or ".join(flt.outlets)
    if name == "dates":
        lo = flt.date_from.isoformat() if flt.date_from else "…"
        hi = flt.date_to.isoformat() if flt.date_to else "…"
        return f"dates {lo} to {hi}"
    if name == "search":
        return f"text containing “{' '.join(flt.terms())}”"  # the words searched, never a whole hostile link
    if name == "hide_year_only":
        return "year-only dates hidden"
    if name == "hide_unresolved":
        return "unresolved dates hidden"
    if name == "tense":
        return {"past": "reported (past) events", "future": "announced (future) events",
                "present": "ongoing (present) events"}.get(flt.tense, flt.tense)
    if name == "min_sources":
        return f"confirmed by at least {flt.min_sources} sources"
    return name


def explain_empty(counts: dict[str, int], flt: Filters) -> list[str]:
    """For an empty result: each active filter with how many events it alone keeps."""
    return [f"{describe_filter(name, flt)}: {n:,} event{'s' if n != 1 else ''} on its own"
            for name, n in counts.items()]
