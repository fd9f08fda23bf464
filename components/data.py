"""Opening the event store once per version, and the visitor's own additions.

The store (the tables ``newsline.store.events_path()`` and ``facts_path()`` name, the same
the CLI reads) is opened with ``newsline.query.EventStore``:
DuckDB reads the Parquet files where they lie, and only the answers to the page's queries
become pandas frames (see ``components/cached.py``). The open store is shared by every
session through ``st.cache_resource``, keyed on the files' paths, sizes and modification
times, so a rebuilt table is picked up on the next rerun.

Events a visitor adds live only in their session (``st.session_state``); they are attached
to that session's queries, never written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from newsline.errors import NewslineError
from newsline.filters import NO_ACTOR, NO_TOPIC
from newsline.model import EVENT_COLUMNS
from newsline.query import EventStore, StoreQuery
from newsline.store import events_path, facts_path, store_version

from .safe_text import first_words

ADDED_KEY = "added_events"

__all__ = ["NO_ACTOR", "NO_TOPIC", "ADDED_KEY", "prepare", "load_store", "LoadedStore"]


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """An event frame in the shapes the page uses (lists for actors and topics, a snippet).

    Used for a visitor's additions; the store's own rows are never loaded whole.
    """
    frame = frame.reset_index(drop=True).copy()
    for col in ("actors", "topics"):
        frame[col] = frame[col].map(_as_list)
    frame["source"] = frame["source"].fillna("").astype(str)
    frame["snippet"] = frame["sentence"].map(first_words)
    return frame


def _as_list(value) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [str(v) for v in value]


@st.cache_resource(max_entries=2, show_spinner="Opening the event store…")
def open_store(events: str | None, facts: str | None, version: str) -> EventStore:
    """One open store per data version, shared by every session; ``version`` is only the key."""
    return EventStore.open(events, facts)


@st.cache_resource(max_entries=1, show_spinner=False)
def empty_store() -> EventStore:
    return EventStore.open(None)


@dataclass
class LoadedStore:
    store: EventStore
    token: str  # changes whenever the rows change; keys every downstream cache
    problem: str | None = None
    notes: list[str] = field(default_factory=list)
    added: pd.DataFrame | None = None  # this visitor's additions the store does not hold yet
    added_ids: frozenset[str] = frozenset()

    def query(self) -> StoreQuery:
        """This rerun's cursor (with the visitor's additions attached)."""
        return self.store.query(self.added)


@st.cache_data(max_entries=32, show_spinner=False)
def _fresh_ids(_store: EventStore, version: str, ids: tuple[str, ...]) -> frozenset[str]:
    return frozenset(ids) - _store.query().known_event_ids(list(ids))


def content_digest(added: pd.DataFrame) -> str:
    """A hash of every column of a session's additions: the key their cached answers share.

    Not the event ids: those come from title, address, offsets and date text, so two visitors
    pasting different texts under one headline and address would share cache entries, and
    one would be shown the other's sentence and outlet.
    """
    frame = added.reindex(columns=EVENT_COLUMNS).sort_values("event_id", kind="stable")
    return hashlib.sha256(frame.to_json(orient="values", default_handler=str).encode()).hexdigest()[:16]


def load_store() -> LoadedStore:
    """The shipped store plus this visitor's additions, or an empty store and why."""
    path = events_path()
    problem = None
    try:
        facts = facts_path(path)
        version = store_version(path, facts)
        store = open_store(str(path), str(facts) if facts.exists() else None, version)
        token = version
    except NewslineError as exc:
        store, token = empty_store(), "empty"
        # Visitors read the file's name, never where the server keeps it.
        problem = f"{Path(exc.where).name or exc.where}: {exc.problem}"
        if not path.exists():
            problem = f"{path.name}: no event table here yet (run `newsline build` first)"
    added = st.session_state.get(ADDED_KEY)
    if added is None or added.empty:
        return LoadedStore(store, token, problem, list(store.notes))
    ids = frozenset(added["event_id"])
    fresh_ids = _fresh_ids(store, token, tuple(sorted(ids)))
    fresh = added[added["event_id"].isin(fresh_ids)]
    digest = content_digest(added)
    return LoadedStore(store, f"{token}+{digest}", problem, list(store.notes),
                       fresh if not fresh.empty else None, ids)
