"""The matching events as a table (a page of them), and downloads of them all.

The table lists events, one per date expression, with the number of independent sources
of the fact each belongs to; selecting a row opens that fact's evidence. At most
``cached.TABLE_ROWS`` rows are sent to the browser; the downloads hold every matching
event and are read from the store only when a button is pressed.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from newsline.filters import Filters
from newsline.query import StoreQuery

from . import cached
from .exports import to_csv, to_json, to_timelinejs
from .safe_text import safe_url

#: The table's orders as the reader sees them (the link carries the label), and the store's names.
ORDER_OPTIONS = {"Oldest first": "time", "Newest first": "newest", "Most sources first": "sources",
                 "By outlet": "outlet", "Latest articles first": "published"}
ROW_HEIGHT = 72  # tall enough for Streamlit to wrap a sentence over three lines

TABLE_COLUMNS = [
    "date_start", "date_end", "date_text", "granularity", "sources", "headline", "action", "actors_source",
    "actors_target", "sentence", "actors", "topics",
    "source", "published", "title", "url", "tense", "resolution", "confidence",
]


def table_frame(events: pd.DataFrame, added_ids: frozenset[str]) -> pd.DataFrame:
    """Rows in the store's time order (unresolved last); links only for http(s) addresses."""
    shown = events.reindex(columns=TABLE_COLUMNS + ["fact_id", "event_id"]).copy()
    shown["date_start"] = pd.to_datetime(events["d_start"])
    shown["date_end"] = pd.to_datetime(events["d_end"]).where(events["placed"].astype(bool))
    shown["url"] = events["url"].map(safe_url)
    if added_ids:
        shown.insert(0, "added", events["event_id"].isin(added_ids))
    return shown.reset_index(drop=True)


def render_table(q: StoreQuery, token: str, flt: Filters, total: int, added_ids: frozenset[str],
                 new_query: Callable[[], StoreQuery]) -> list[str]:
    """The table; returns the fact id of each row shown (what a selected row opens).

    ``new_query`` opens a fresh cursor: downloads run when a button is pressed, outside this rerun.
    """
    label = st.segmented_control("Order", list(ORDER_OPTIONS), key="sort", bind="query-params",
                                 default=next(iter(ORDER_OPTIONS)), label_visibility="collapsed",
                                 help="The table and its downloads follow this order.")
    order = ORDER_OPTIONS.get(label or "", "time")
    events = cached.events(q, token, flt, cached.TABLE_ROWS, None, order)
    shown = table_frame(events, added_ids)
    st.dataframe(
        shown,
        key="table",
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        # As tall as its rows (no empty grid under a few), up to about a screen; sentences wrap.
        height=min(38 + ROW_HEIGHT * max(len(shown), 1), 900),
        row_height=ROW_HEIGHT,
        column_config={
            "added": st.column_config.CheckboxColumn("New", help="Added in this session", width="small"),
            "date_start": st.column_config.DateColumn("From", format="YYYY-MM-DD"),
            "date_end": st.column_config.DateColumn("To", format="YYYY-MM-DD"),
            "date_text": st.column_config.TextColumn("As written"),
            "granularity": st.column_config.TextColumn("Precision", width="small"),
            "sources": st.column_config.NumberColumn(
                "Sources", width="small", format="%d",
                help="Independent sources confirming the fact this event belongs to"),
            "headline": st.column_config.TextColumn("Headline", width="medium"),
            "action": st.column_config.TextColumn("Action", width="small"),
            "actors_source": st.column_config.ListColumn("Who acted"),
            "actors_target": st.column_config.ListColumn("Acted upon"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
            "actors": st.column_config.ListColumn("Actors"),
            "topics": st.column_config.ListColumn("Topics"),
            "source": st.column_config.TextColumn("Outlet"),
            "published": st.column_config.TextColumn("Published", width="small"),
            "title": st.column_config.TextColumn("Article"),
            "url": st.column_config.LinkColumn("Link", display_text="open ↗"),
            "tense": st.column_config.TextColumn("Tense", width="small"),
            "resolution": st.column_config.TextColumn("Resolved", width="small"),
            "event_id": None,
            "fact_id": None,  # hidden; kept so a selected row opens its fact
            "confidence": st.column_config.ProgressColumn("Confidence", min_value=0.0, max_value=1.0, format="%.2f"),
        },
    )
    if total > len(shown):
        st.caption(f"The first {len(shown):,} of {total:,} matching events, in this order. Select a row to read "
                   "its evidence; the downloads hold all of them, in the same order.")
    else:
        st.caption("Select a row to read its evidence. Downloads hold exactly the events that match the filters, "
                   "in this order (a column header sorts the view only).")
    render_downloads(new_query, flt, order)
    return list(shown["fact_id"])


def render_downloads(new_query: Callable[[], StoreQuery], flt: Filters, order: str = "time") -> None:
    def everything() -> pd.DataFrame:  # read from the store when a button is pressed
        return new_query().events(flt, order=order)

    cols = st.columns(3)
    # Data is built only when a button is pressed: a rerun never pays for an export.
    cols[0].download_button("CSV", data=lambda: to_csv(everything()), file_name="newsline-events.csv",
                            mime="text/csv", key="download_csv", on_click="ignore", icon=":material/download:",
                            width="stretch")
    cols[1].download_button("JSON", data=lambda: to_json(everything()), file_name="newsline-events.json",
                            mime="application/json", key="download_json", on_click="ignore",
                            icon=":material/download:", width="stretch")
    cols[2].download_button(
        "TimelineJS", data=lambda: to_timelinejs(everything(), "Venezuela–United States: Newsline timeline"),
        file_name="newsline-timelinejs.json", mime="application/json", key="download_timelinejs",
        on_click="ignore", icon=":material/download:", width="stretch",
        help="A TimelineJS3 JSON file: load it in TimelineJS to publish this selection.",
    )
