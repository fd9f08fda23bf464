"""The timeline panel: window controls, the chart, and the events with no place on it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from newsline.filters import Filters
from newsline.query import StoreQuery, Summary

from . import cached
from .safe_text import first_words
from .timeline_figure import Timeline, build_timeline, highlight_trace
from .url_state import LANE_OPTIONS
from .view_state import chosen_window, describe_window, quick_window, visible_window

SELECTED_COLOUR = "#d62728"
ADDED_COLOUR = "#111111"


@st.cache_resource(max_entries=16, show_spinner=False)
def cached_timeline(_q: StoreQuery, token: str, flt: Filters, lanes: str, window, expected: int,
                    colours_key: tuple) -> Timeline:
    """Keyed on the data version and the view. Shared read-only: callers copy the trace
    list before adding highlights."""
    data = cached.timeline(_q, token, flt, window, lanes, expected)
    return build_timeline(data, dict(colours_key))


def render_window_controls(extent, fitted, shown) -> tuple[date, date] | None:
    """Quick ranges and the window slider; returns the chosen window (None = fitted)."""
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    row.button("1Y", key="range_1y", on_click=quick_window, args=(1, shown),
               help="The last year of the facts shown")
    row.button("5Y", key="range_5y", on_click=quick_window, args=(5, shown),
               help="The last five years of the facts shown")
    row.button("All", key="range_all", on_click=quick_window, args=(None, shown),
               help="Every fact shown, however old")
    row.caption("Visible window — shared with the link")
    return visible_window(extent, fitted)


def render_timeline(q: StoreQuery, token: str, flt: Filters, summary: Summary, colours: dict[str, str],
                    selected: str | None, added_ids: frozenset[str], extent, natural) -> Timeline:
    """``extent``: first to last day of the whole table; ``natural``: the same without
    its few far-older facts (the slider's usual span)."""
    lanes = st.radio("Lanes", LANE_OPTIONS, key="lanes", bind="query-params", horizontal=True,
                     help="One row per actor, per topic or per outlet. Colour is always the topic.")
    st.session_state["window_bounds"] = extent
    window = render_window_controls(natural, summary.fitted, summary.extent)
    shown_window = chosen_window(window, summary.fitted)
    timeline = cached_timeline(q, token, flt, lanes, shown_window, summary.placed, tuple(sorted(colours.items())))
    traces = list(timeline.figure["data"])  # the cached spec itself stays untouched
    if added_ids:
        added = cached.places(q, token, tuple(sorted(added_ids)), lanes)
        traces.append(highlight_trace(added, timeline, "Added by you", ADDED_COLOUR, symbol="star-open", size=18))
    if selected:
        chosen = cached.places(q, token, (selected,), lanes)
        traces.append(highlight_trace(chosen, timeline, "Selected", SELECTED_COLOUR))
    # Built from our own spec, so Plotly's per-property validation (slow for
    # thousands of points) is skipped.
    figure = go.Figure(data=[t for t in traces if t is not None], layout=timeline.figure["layout"], _validate=False)
    _caption(timeline, shown_window, summary.placed - timeline.events_drawn)
    st.plotly_chart(
        figure,
        key="timeline",
        on_select="rerun",
        selection_mode="points",
        config={"displaylogo": False, "scrollZoom": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]},
    )
    st.caption(
        "● a day · ◆ on a bar: a week, month, season, quarter, year or range — the bar covers the whole "
        "period · a bigger marker: more independent sources · an orange ring: the sources disagree on the "
        "date · drag to pan, scroll to zoom, click a fact to read its evidence."
    )
    return timeline


def _caption(timeline: Timeline, window, outside: int) -> None:
    n = timeline.events_drawn
    text = f"{n:,} dated fact{'s' if n != 1 else ''} from {describe_window(window)}"
    if timeline.mode == "aggregated":
        text += (f", counted per {timeline.period} (too many to draw one by one). "
                 "Click a bubble or narrow the window to see single facts")
    if outside > 0:
        text += f"; {outside:,} more outside this window (press All to see every one)"
    st.caption(text + ".")


def render_unresolved(q: StoreQuery, token: str, flt: Filters, summary: Summary) -> list[str]:
    """Events whose date could not be resolved: listed, never placed at a made-up date.

    The rows are read from the store only while the list is open. Returns the fact ids of
    the rows shown (an undated event is always a fact of its own).
    """
    n = summary.unplaced
    if n == 0:
        return []
    box = st.expander(f"{n:,} event{'s' if n != 1 else ''} with a date that could not be placed on the timeline",
                      key="unresolved_open", on_change="rerun")
    if not box.open:
        return []
    with box:
        unplaced = cached.events(q, token, flt, cached.UNRESOLVED_ROWS, False)
        shown = pd.DataFrame({
            "date_text": unplaced["date_text"],
            "snippet": unplaced["sentence"].map(first_words),
            "source": unplaced["source"],
            "published": unplaced["published"],
            "fact_id": unplaced["fact_id"],
        }).reset_index(drop=True)
        st.dataframe(
            shown,
            key="unresolved_table",
            on_select="rerun",
            selection_mode="single-row",
            hide_index=True,
            column_config={
                "date_text": st.column_config.TextColumn("As written", width="small"),
                "snippet": st.column_config.TextColumn("Sentence", width="large"),
                "source": st.column_config.TextColumn("Outlet"),
                "published": st.column_config.TextColumn("Published"),
                "fact_id": None,
            },
        )
        if n > len(shown):
            st.caption(f"The first {len(shown):,} are listed; the Table tab and its downloads hold them all.")
    return list(shown["fact_id"])
