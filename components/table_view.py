"""The filtered events as a table, and their downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .exports import to_csv, to_json, to_timelinejs
from .safe_text import safe_url

TABLE_COLUMNS = [
    "date_start", "date_end", "date_text", "granularity", "sentence", "actors", "topics",
    "source", "published", "title", "url", "tense", "resolution", "confidence",
]


def table_frame(filtered: pd.DataFrame, added_ids: frozenset[str]) -> pd.DataFrame:
    """Rows in time order (unresolved last); links only for http(s) addresses."""
    rows = filtered.sort_values(["start", "event_id"], na_position="last", kind="stable")
    shown = rows[TABLE_COLUMNS + ["event_id"]].copy()
    shown["date_start"] = rows["start"]
    shown["date_end"] = rows["end"].where(rows["placed"])
    shown["url"] = rows["url"].map(safe_url)
    if added_ids:
        shown.insert(0, "added", rows["event_id"].isin(added_ids))
    return shown.reset_index(drop=True)


def render_table(filtered: pd.DataFrame, added_ids: frozenset[str]) -> list[str]:
    shown = table_frame(filtered, added_ids)
    st.dataframe(
        shown,
        key="table",
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        height=460,
        column_config={
            "added": st.column_config.CheckboxColumn("New", help="Added in this session", width="small"),
            "date_start": st.column_config.DateColumn("From", format="YYYY-MM-DD"),
            "date_end": st.column_config.DateColumn("To", format="YYYY-MM-DD"),
            "date_text": st.column_config.TextColumn("As written"),
            "granularity": st.column_config.TextColumn("Precision", width="small"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
            "actors": st.column_config.ListColumn("Actors"),
            "topics": st.column_config.ListColumn("Topics"),
            "source": st.column_config.TextColumn("Outlet"),
            "published": st.column_config.TextColumn("Published", width="small"),
            "title": st.column_config.TextColumn("Article"),
            "url": st.column_config.LinkColumn("Link", display_text="open ↗"),
            "tense": st.column_config.TextColumn("Tense", width="small"),
            "resolution": st.column_config.TextColumn("Resolved", width="small"),
            "event_id": None,  # hidden; kept so a selected row maps back to its event
            "confidence": st.column_config.ProgressColumn("Confidence", min_value=0.0, max_value=1.0, format="%.2f"),
        },
    )
    st.caption("Select a row to read its evidence. Downloads hold exactly the events that match the filters.")
    render_downloads(filtered)
    return list(shown["event_id"])


def render_downloads(filtered: pd.DataFrame) -> None:
    events = filtered.sort_values(["start", "event_id"], na_position="last", kind="stable")
    cols = st.columns(3)
    # Data is built only when a button is pressed: a rerun never pays for an export.
    cols[0].download_button("CSV", data=lambda: to_csv(events), file_name="newsline-events.csv",
                            mime="text/csv", key="download_csv", on_click="ignore", icon=":material/download:",
                            width="stretch")
    cols[1].download_button("JSON", data=lambda: to_json(events), file_name="newsline-events.json",
                            mime="application/json", key="download_json", on_click="ignore",
                            icon=":material/download:", width="stretch")
    cols[2].download_button(
        "TimelineJS", data=lambda: to_timelinejs(events, "Venezuela–United States: Newsline timeline"),
        file_name="newsline-timelinejs.json", mime="application/json", key="download_timelinejs",
        on_click="ignore", icon=":material/download:", width="stretch",
        help="A TimelineJS3 JSON file: load it in TimelineJS to publish this selection.",
    )
