"""What the visitor asked to see, and which events match it.

``Filters`` is a frozen, hashable value: it keys the caches of the filtered
rows and of the timeline figure, so nothing downstream is recomputed unless a
filter actually changed. ``matching`` is pure pandas and is what the tests and
the benchmark exercise.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

import numpy as np
import pandas as pd

from .data import NO_ACTOR

#: Granularities hidden by "hide year-only": a year or anything vaguer.
YEAR_OR_VAGUER = ("year", "decade")
TENSES = ("past", "future", "present")


@dataclass(frozen=True)
class Filters:
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""
    hide_year_only: bool = False
    hide_unresolved: bool = False
    tense: str = "all"  # "all" or one of TENSES

    def active(self) -> list[str]:
        """Names of the filters that restrict anything."""
        return [f.name for f in fields(self) if getattr(self, f.name) != f.default]


def _has_any(lists: pd.Series, wanted: tuple[str, ...], empty_label: str | None = None) -> np.ndarray:
    wanted_set = set(wanted)
    match_empty = empty_label is not None and empty_label in wanted_set
    return np.fromiter(
        ((bool(wanted_set.intersection(xs)) or (match_empty and not xs)) for xs in lists),
        dtype=bool,
        count=len(lists),
    )


def filter_masks(frame: pd.DataFrame, flt: Filters) -> dict[str, np.ndarray]:
    """One boolean mask per active filter (so an empty result can say which one bit)."""
    masks: dict[str, np.ndarray] = {}
    if flt.actors:
        masks["actors"] = _has_any(frame["actors"], flt.actors, NO_ACTOR)
    if flt.topics:
        masks["topics"] = _has_any(frame["topics"], flt.topics)
    if flt.outlets:
        masks["outlets"] = frame["source"].isin(flt.outlets).to_numpy()
    if flt.date_from is not None or flt.date_to is not None:
        keep = frame["placed"].to_numpy().copy()
        if flt.date_from is not None:
            keep &= (frame["end"] >= pd.Timestamp(flt.date_from)).to_numpy()
        if flt.date_to is not None:
            keep &= (frame["start"] <= pd.Timestamp(flt.date_to)).to_numpy()
        masks["dates"] = keep
    terms = flt.search.lower().split()
    if terms:
        text = frame["search_text"]
        keep = np.ones(len(frame), dtype=bool)
        for term in terms:
            keep &= text.str.contains(term, regex=False).to_numpy()
        masks["search"] = keep
    if flt.hide_year_only:
        masks["hide_year_only"] = ~frame["granularity"].isin(YEAR_OR_VAGUER).to_numpy()
    if flt.hide_unresolved:
        masks["hide_unresolved"] = frame["placed"].to_numpy()
    if flt.tense != "all":
        masks["tense"] = (frame["tense"] == flt.tense).to_numpy()
    return masks


def matching(frame: pd.DataFrame, flt: Filters) -> np.ndarray:
    """Row positions of the events that pass every filter."""
    keep = np.ones(len(frame), dtype=bool)
    for mask in filter_masks(frame, flt).values():
        keep &= mask
    return np.flatnonzero(keep)


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
        return f"text containing “{flt.search.strip()}”"
    if name == "hide_year_only":
        return "year-only dates hidden"
    if name == "hide_unresolved":
        return "unresolved dates hidden"
    if name == "tense":
        return {"past": "reported (past) events", "future": "announced (future) events",
                "present": "ongoing (present) events"}.get(flt.tense, flt.tense)
    return name


def explain_empty(frame: pd.DataFrame, flt: Filters) -> list[str]:
    """For an empty result: each active filter with how many events it alone keeps."""
    return [
        f"{describe_filter(name, flt)}: {int(mask.sum())} event{'s' if mask.sum() != 1 else ''} on its own"
        for name, mask in filter_masks(frame, flt).items()
    ]


def actor_counts(frame: pd.DataFrame) -> pd.Series:
    """Events per actor, most mentioned first; events naming nobody counted apart."""
    exploded = frame["actors"].map(lambda xs: xs or [NO_ACTOR]).explode()
    counts = exploded.value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def value_counts_of_lists(frame: pd.DataFrame, column: str) -> pd.Series:
    counts = frame[column].explode().dropna().value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable")
