"""Loading the event table once, and the derived columns every view needs.

The table is read through ``st.cache_data`` keyed on the file's path and
modification time, so a filter change never re-reads Parquet and a rebuilt
table is picked up on the next rerun. Events a visitor adds live only in
their session (``st.session_state``) and are appended here, never written.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from newsline.errors import NewslineError
from newsline.store import ARROW_SCHEMA, read_events

from .safe_text import first_words

EVENTS_ENV = "NEWSLINE_EVENTS"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVENTS = PROJECT_ROOT / "data" / "events.parquet"
NO_ACTOR = "(no actor named)"
NO_TOPIC = "(no topic)"
ADDED_KEY = "added_events"


def events_path() -> Path:
    """Where the shipped table lives: $NEWSLINE_EVENTS, else data/events.parquet."""
    configured = os.environ.get(EVENTS_ENV)
    return Path(configured) if configured else DEFAULT_EVENTS


def empty_events() -> pd.DataFrame:
    return prepare(ARROW_SCHEMA.empty_table().to_pandas())


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns the views use; computed once per loaded table.

    ``start``/``end`` are the first and last day covered (NaT when unresolved);
    ``placed`` says whether the event can go on the time axis at all.
    """
    frame = frame.reset_index(drop=True).copy()
    for col in ("actors", "topics"):
        frame[col] = frame[col].map(_as_list)
    frame["start"] = pd.to_datetime(frame["date_start"], errors="coerce", format="%Y-%m-%d")
    frame["end"] = pd.to_datetime(frame["date_end"], errors="coerce", format="%Y-%m-%d")
    frame["end"] = frame["end"].fillna(frame["start"])
    frame["placed"] = frame["start"].notna() & (frame["granularity"] != "unresolved")
    frame["snippet"] = frame["sentence"].map(first_words)
    frame["search_text"] = (
        frame["sentence"].fillna("").astype(str) + " " + frame["date_text"].fillna("").astype(str)
    ).str.lower()
    frame["main_topic"] = frame["topics"].map(lambda xs: xs[0] if xs else NO_TOPIC)
    frame["source"] = frame["source"].fillna("").astype(str)
    # A stable vertical offset inside a lane, so events on the same day don't hide each other.
    hashed = pd.util.hash_pandas_object(frame["event_id"].astype(str), index=False).to_numpy()
    frame["jitter"] = (hashed % 1000) / 1000 * 0.56 - 0.28
    return frame


def _as_list(value) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [str(v) for v in value]


@st.cache_data(show_spinner="Loading the event table…", max_entries=4)
def load_table(path: str, mtime_ns: int) -> pd.DataFrame:
    """Read and prepare the table; ``mtime_ns`` is only part of the cache key."""
    return prepare(read_events(path))


@st.cache_resource(max_entries=2, show_spinner=False)
def shared_table(path: str, mtime_ns: int) -> pd.DataFrame:
    """One read-only copy of the cached table per data version.

    ``st.cache_data`` hands every caller a fresh copy (unpickled), which for
    100k events costs about a third of a second on each rerun. The views
    never modify the table, so they share this one copy instead.
    """
    return load_table(path, mtime_ns)


@dataclass
class LoadedEvents:
    frame: pd.DataFrame
    token: str  # changes whenever the rows change; keys every downstream cache
    problem: str | None = None
    added_ids: frozenset[str] = frozenset()


def load_events() -> LoadedEvents:
    """The shipped table plus this visitor's additions, or an empty table and why."""
    path = events_path()
    problem = None
    try:
        mtime = path.stat().st_mtime_ns
        base = shared_table(str(path), mtime)
        token = f"{path}:{mtime}"
    except FileNotFoundError:
        base, token = empty_events(), "empty"
        problem = f"{path}: no event table here yet (run `newsline build` first)"
    except NewslineError as exc:
        base, token = empty_events(), "empty"
        problem = f"{exc.where}: {exc.problem}"
    added = st.session_state.get(ADDED_KEY)
    if added is None or added.empty:
        return LoadedEvents(base, token, problem)
    ids = frozenset(added["event_id"])
    known = set(base["event_id"])
    fresh = added[~added["event_id"].isin(known)]
    frame = pd.concat([base, fresh], ignore_index=True) if not fresh.empty else base
    digest = hashlib.sha1("|".join(sorted(ids)).encode()).hexdigest()[:12]
    return LoadedEvents(frame, f"{token}+{digest}", problem, ids)
