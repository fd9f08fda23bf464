"""Newsline: an explorable, shareable timeline of the Venezuela–United States relationship.

Run with ``streamlit run app.py``. The page is assembled from ``components/``;
this file only decides the order things happen in:

1. load the table (cached) and, on a session's first run, read the link;
2. apply any click made on the previous run (timeline, table, unresolved list);
3. draw the filters, then the views, then write the view back into the URL.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from components.add_articles import render_add_articles
from components.data import load_events
from components.evidence import render_evidence
from components.safe_text import markdown_literal
from components.filters import Filters, explain_empty, matching, value_counts_of_lists
from components.sidebar import render_sidebar, reset_filters
from components.table_view import render_table
from components.timeline_figure import topic_colours
from components.timeline_view import render_timeline, render_unresolved
from components.url_state import (
    TAB_OPTIONS, Known, manual_params, share_link, view_pairs, write_manual_params,
)
from components.view_state import (
    filtered_extent, fitted_window, seed_from_link, selected_event, take_selections,
)

# Less empty space above and beside the content than Streamlit's defaults.
PAGE_STYLE = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-left: 2rem; padding-right: 2rem; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: 0.8rem; padding-right: 0.8rem; padding-top: 1rem; }
  [data-testid="stMainBlockContainer"] h2 { font-size: 1.45rem; }
}
</style>"""

st.set_page_config(
    page_title="Newsline · Venezuela–US timeline",
    page_icon=":material/timeline:",
    layout="wide",
    initial_sidebar_state="auto",
)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_matching(_frame: pd.DataFrame, token: str, flt: Filters) -> np.ndarray:
    """Row positions matching the filters, keyed on the data version and the filters."""
    return matching(_frame, flt)


@st.cache_data(max_entries=8, show_spinner=False)
def cached_facts(_frame: pd.DataFrame, token: str) -> tuple[Known, tuple | None, tuple | None, dict[str, str]]:
    """What a link can refer to, the table's date extent (whole and usual), topic colours."""
    known = Known(
        actors=set(_frame["actors"].explode().dropna()) | {"(no actor named)"},
        topics=set(_frame["topics"].explode().dropna()),
        outlets=set(_frame["source"]) - {""},
        event_ids=set(_frame["event_id"]),
    )
    colours = topic_colours(list(value_counts_of_lists(_frame, "topics").index))
    return known, filtered_extent(_frame), fitted_window(_frame), colours


loaded = load_events()
frame = loaded.frame
known, extent, natural_span, colours = cached_facts(frame, loaded.token)

seed_from_link(known, extent)
take_selections(st.session_state.get("row_ids", {}), extent)

flt = render_sidebar(frame, loaded.token, extent)
positions = cached_matching(frame, loaded.token, flt)
filtered = frame.iloc[positions]
event_id = selected_event()
selected_rows = frame[frame["event_id"] == event_id] if event_id else frame.iloc[0:0]
if event_id and selected_rows.empty:  # e.g. an addition that was discarded
    st.session_state["event"] = event_id = None

# --- header --------------------------------------------------------------------
st.html(PAGE_STYLE)
head, share_col = st.columns([4, 1], vertical_alignment="bottom")
head.markdown("## Venezuela–United States, dated from the news")
head.markdown(f"**{len(filtered):,}** of {len(frame):,} events match the filters · every event links "
              "to the sentence it was read from.")
share_box = share_col.popover("Share this view", icon=":material/link:", width="stretch")

if loaded.problem:
    st.error(markdown_literal(loaded.problem))
notices = st.session_state.get("link_notices") or []
if notices:
    notice_col, ok_col = st.columns([6, 1], vertical_alignment="center")
    notice_col.warning("Parts of this link no longer match the data and were ignored: "
                       + markdown_literal("; ".join(notices)) + ".")
    if ok_col.button("Dismiss", key="dismiss_notice"):
        st.session_state["link_notices"] = []
        st.rerun()

if frame.empty:
    st.info("The event table is empty. Add articles in the “Add articles” tab to start a timeline.")
elif filtered.empty:
    st.warning("No event matches all the filters at once.")
    for line in explain_empty(frame, flt):
        st.markdown(f"- {markdown_literal(line)}")
    st.button("Reset all filters", key="reset_empty", on_click=reset_filters, args=(extent,), type="primary")

# --- body: views on the left, evidence on the right (stacked on a phone) ------
main, side = st.columns([5, 3], gap="medium")
row_ids: dict[str, list[str]] = dict(st.session_state.get("row_ids", {}))
with main:
    timeline_tab, table_tab, add_tab = st.tabs(list(TAB_OPTIONS), key="tab", bind="query-params", on_change="rerun")
    if timeline_tab.open:
        with timeline_tab:
            render_timeline(frame, filtered, loaded.token, flt, colours, event_id, loaded.added_ids,
                            extent, natural_span)
            row_ids["unresolved_table"] = render_unresolved(filtered)
    if table_tab.open:
        with table_tab:
            row_ids["table"] = render_table(filtered, loaded.added_ids)
    if add_tab.open:
        with add_tab:
            render_add_articles()
st.session_state["row_ids"] = row_ids

with side:
    row = selected_rows.iloc[0] if not selected_rows.empty else None
    hidden = row is not None and not (filtered["event_id"] == event_id).any()
    render_evidence(row, hidden_by_filters=hidden)

# --- the view, written back into the address bar and the share link ------------
window = None if st.session_state.get("window_auto", True) else st.session_state.get("window")
tab = st.session_state.get("tab") or TAB_OPTIONS[0]
lanes = st.session_state.get("lanes") or "Actor"
write_manual_params(st.query_params, manual_params(flt, window, event_id))
link = share_link(st.context.url, view_pairs(flt, lanes, window, event_id, tab))
with share_box:
    st.markdown("Anyone opening this link sees these filters, this time window and the selected event.")
    st.code(link, language=None, wrap_lines=True)
