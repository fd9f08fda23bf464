"""The page's questions to the store, cached per data version.

Each wrapper runs one ``newsline.query.StoreQuery`` method and keeps its (small) answer in
``st.cache_data``, keyed on the data version ``token`` (files, plus a visitor's additions)
and on the hashable view state (filters, window, lanes, an id). The query object itself is
not part of the key (a leading underscore tells Streamlit not to hash it): a rerun that asks
what an earlier one asked gets the answer without touching DuckDB.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from newsline.filters import Filters
from newsline.query import Facets, FactDetail, StoreQuery, Summary, TimelineData

#: Rows the table tab shows at once (downloads hold every matching event).
TABLE_ROWS = 2_000
#: Undated events listed under the timeline at once.
UNRESOLVED_ROWS = 500


@st.cache_data(max_entries=8, show_spinner=False)
def facets(_q: StoreQuery, token: str) -> Facets:
    return _q.facets()


@st.cache_data(max_entries=8, show_spinner=False)
def about(_q: StoreQuery, token: str) -> dict:
    return _q.about()


@st.cache_data(max_entries=64, show_spinner=False)
def summary(_q: StoreQuery, token: str, flt: Filters) -> Summary:
    return _q.summary(flt)


@st.cache_data(max_entries=32, show_spinner=False)
def outside(_q: StoreQuery, token: str, flt: Filters, window: tuple[date, date]) -> tuple[int, pd.DataFrame]:
    return _q.outside(flt, window)


@st.cache_data(max_entries=32, show_spinner=False)
def explain(_q: StoreQuery, token: str, flt: Filters) -> dict[str, int]:
    return _q.explain(flt)


@st.cache_data(max_entries=32, show_spinner=False)
def timeline(_q: StoreQuery, token: str, flt: Filters, window: tuple[date, date] | None, lanes: str,
             expected: int | None) -> TimelineData:
    return _q.timeline(flt, window, lanes, expected=expected)


@st.cache_data(max_entries=16, show_spinner=False)
def events(_q: StoreQuery, token: str, flt: Filters, limit: int | None, placed: bool | None,
           order: str = "time") -> pd.DataFrame:
    return _q.events(flt, limit=limit, placed=placed, order=order)


@st.cache_data(max_entries=64, show_spinner=False)
def fact(_q: StoreQuery, token: str, fact_id: str) -> FactDetail | None:
    return _q.fact(fact_id)


@st.cache_data(max_entries=256, show_spinner=False)
def resolve(_q: StoreQuery, token: str, ident: str) -> str | None:
    return _q.resolve(ident)


@st.cache_data(max_entries=32, show_spinner=False)
def places(_q: StoreQuery, token: str, fact_ids: tuple[str, ...], lanes: str) -> pd.DataFrame:
    return _q.fact_places(list(fact_ids), lanes)


@st.cache_data(max_entries=64, show_spinner=False)
def is_shown(_q: StoreQuery, token: str, flt: Filters, fact_id: str) -> bool:
    return _q.is_shown(flt, fact_id)
