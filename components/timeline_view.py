"""The timeline panel: window controls, the chart, and the events with no place on it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from .filters import Filters
from .timeline_figure import Timeline, build_timeline, highlight_trace
from .url_state import LANE_OPTIONS
from .view_state import (
    describe_window, filtered_extent, fitted_window, quick_window, visible_window, window_timestamps,
)

SELECTED_COLOUR = "#d62728"
ADDED_COLOUR = "#111111"


@st.cache_resource(max_entries=16, show_spinner=False)
def cached_timeline(
    _frame: pd.DataFrame, token: str, flt: Filters, lanes: str, window, colours_key: tuple
) -> Timeline:
    """Keyed on the data version and the view, never on the rows themselves (hashing
    thousands of rows would cost more than it saves). Shared read-only: callers copy
    the figure before adding highlights."""
    return build_timeline(_frame, lanes, window, dict(colours_key))


def render_window_controls(extent, fitted, shown) -> tuple[date, date] | None:
    """Quick ranges and the window slider; returns the chosen window (None = fitted)."""
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    row.button("1Y", key="range_1y", on_click=quick_window, args=(1, shown),
               help="The last year of the events shown")
    row.button("5Y", key="range_5y", on_click=quick_window, args=(5, shown),
               help="The last five years of the events shown")
    row.button("All", key="range_all", on_click=quick_window, args=(None, shown),
               help="Every event shown, however old")
    row.caption("Visible window — shared with the link")
    return visible_window(extent, fitted)


def render_timeline(frame, filtered, token, flt, colours, selected_id, added_ids, extent, natural):
    """``extent``: first to last day of the whole table; ``natural``: the same without
    its few far-older events (the slider's usual span)."""
    lanes = st.radio("Lanes", LANE_OPTIONS, key="lanes", bind="query-params", horizontal=True,
                     help="One row per actor, per topic or per outlet. Colour is always the topic.")
    shown, fitted = filtered_extent(filtered), fitted_window(filtered)
    st.session_state["window_bounds"] = extent
    window = render_window_controls(natural, fitted, shown)
    stamps = window_timestamps(window, fitted)
    timeline = cached_timeline(filtered, token, flt, lanes, stamps, tuple(sorted(colours.items())))
    traces = list(timeline.figure["data"])  # the cached spec itself stays untouched
    added = filtered[filtered["event_id"].isin(added_ids)] if added_ids else filtered.iloc[0:0]
    traces.append(highlight_trace(added, timeline, "Added by you", ADDED_COLOUR, symbol="star-open", size=18))
    if selected_id:
        chosen = frame[frame["event_id"] == selected_id]
        traces.append(highlight_trace(chosen, timeline, "Selected", SELECTED_COLOUR))
    # Built from our own spec, so Plotly's per-property validation (slow for
    # thousands of points) is skipped.
    figure = go.Figure(data=[t for t in traces if t is not None], layout=timeline.figure["layout"], _validate=False)
    _caption(timeline, stamps, _outside(filtered, stamps))
    st.plotly_chart(
        figure,
        key="timeline",
        on_select="rerun",
        selection_mode="points",
        config={"displaylogo": False, "scrollZoom": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]},
    )
    st.caption(
        "● a day · ◆ on a bar: a week, month, season, quarter, year or range — the bar covers the whole "
        "period · drag to pan, scroll to zoom, click an event to read its evidence."
    )
    return timeline


def _outside(filtered: pd.DataFrame, stamps) -> int:
    if stamps is None:
        return 0
    placed = filtered[filtered["placed"].to_numpy()]
    inside = (placed["end"] >= stamps[0]) & (placed["start"] <= stamps[1])
    return int((~inside).sum())


def _caption(timeline: Timeline, stamps, outside: int) -> None:
    shown = f"{timeline.events_drawn:,} dated event{'s' if timeline.events_drawn != 1 else ''}"
    window = (stamps[0].date(), stamps[1].date()) if stamps else None
    text = f"{shown} from {describe_window(window)}"
    if timeline.mode == "aggregated":
        text += (f", counted per {timeline.period} (too many to draw one by one). "
                 "Click a bubble or narrow the window to see single events")
    if outside:
        text += f"; {outside:,} more outside this window (press All to see every one)"
    st.caption(text + ".")


def render_unresolved(filtered: pd.DataFrame) -> list[str]:
    """Events whose date could not be resolved: listed, never placed at a made-up date."""
    unplaced = filtered[~filtered["placed"].to_numpy()]
    if unplaced.empty:
        return []
    with st.expander(f"{len(unplaced):,} event{'s' if len(unplaced) != 1 else ''} with a date that could not be "
                     "placed on the timeline"):
        shown = unplaced[["date_text", "snippet", "source", "published", "event_id"]].reset_index(drop=True)
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
                "event_id": None,
            },
        )
    return list(shown["event_id"])
