"""The timeline panel: window controls, the chart, and the events with no place on it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from newsline.filters import Filters
from newsline.query import StoreQuery, Summary

from . import cached
from .safe_text import first_words, markdown_literal
from .timeline_figure import Timeline, build_timeline, highlight_trace
from .url_state import COLOUR_OPTIONS, LANE_OPTIONS
from .view_state import apply_pick, apply_view, chosen_window, describe_window, hidden_topics, quick_window, visible_window
from .view_sync import drawn_view, render_view_sync

SELECTED_COLOUR = "#d62728"
#: Every encoding of the chart, in one line above it.
ENCODING = ("Colour: topic (click the legend to hide one) · ● a day · ◆ with a line: a week, month, year or range, "
            "the line covering it · bigger: more independent sources · orange ring: the sources disagree on "
            "the date · hollow ○: announced or expected, not yet reported · drag to pan, scroll to zoom, "
            "click a fact for its evidence.")
ADDED_COLOUR = "#7a5195"  # visible on a light and a dark page


@st.cache_resource(max_entries=16, show_spinner=False)
def cached_timeline(_q: StoreQuery, token: str, flt: Filters, lanes: str, window, expected: int,
                    colours_key: tuple, exact: bool = False, colour_by: str = "Topic") -> Timeline:
    """Keyed on the data version and the view. Shared read-only: callers copy the trace
    list before adding highlights."""
    data = cached.timeline(_q, token, flt, window, lanes, expected)
    return build_timeline(data, dict(colours_key), exact=exact, colour_by=colour_by)


def render_window_controls(extent, fitted, shown, row) -> tuple[date, date] | None:
    """Quick ranges (in ``row``) and the window slider below; returns the chosen window (None = fitted)."""
    row = row.container(horizontal=True, vertical_alignment="center", gap="small", width="content")
    row.button("1Y", key="range_1y", on_click=quick_window, args=(1, shown),
               help="The last year of the facts shown")
    row.button("5Y", key="range_5y", on_click=quick_window, args=(5, shown),
               help="The last five years of the facts shown")
    row.button("All", key="range_all", on_click=quick_window, args=(None, shown),
               help="Every fact shown, however old")
    row.caption("Visible window — shared with the link")
    return visible_window(extent, fitted)


def render_timeline(q: StoreQuery, token: str, flt: Filters, summary: Summary, colours: dict[str, str],
                    selected: str | None, added_ids: frozenset[str], extent, natural, on_shown=None) -> Timeline:
    """``extent``: first to last day of the whole table; ``natural``: the same without
    its few far-older facts (the slider's usual span). With ``on_shown`` (a visit's first run,
    see ``first_run``), the chart is drawn without the list of its facts below it, and
    ``on_shown()`` runs once the browser shows the chart."""
    # One row of view controls, so that the chart starts high on the page.
    views = st.container(horizontal=True, gap="medium", vertical_alignment="bottom")
    lanes = views.radio("Lanes", LANE_OPTIONS, key="lanes", bind="query-params", horizontal=True,
                        help="One row per actor who acted (the others a fact names are in its hover and evidence), "
                             "per actor named, per topic or per outlet.")
    colour_by = views.radio("Colour", COLOUR_OPTIONS, key="colour", bind="query-params", horizontal=True,
                            help="Colour each fact by its main topic or by what happened (its action).")
    st.session_state["window_bounds"] = extent
    window = render_window_controls(natural, summary.fitted, summary.extent, views)
    shown_window = chosen_window(window, summary.fitted)
    timeline = cached_timeline(q, token, flt, lanes, shown_window, summary.placed, tuple(sorted(colours.items())),
                               exact=window is not None, colour_by=colour_by or COLOUR_OPTIONS[0])
    hidden = hidden_topics()
    # The cached spec itself stays untouched: copies of the hidden topics' traces.
    traces = [dict(t, visible="legendonly") if t.get("legendgroup") in hidden else t
              for t in timeline.figure["data"]]
    if added_ids:
        added = cached.places(q, token, tuple(sorted(added_ids)), lanes)
        traces.append(highlight_trace(added, timeline, "Added by you", ADDED_COLOUR, symbol="star-open", size=18))
    if selected:
        chosen = cached.places(q, token, (selected,), lanes)
        traces.append(highlight_trace(chosen, timeline, "Selected", SELECTED_COLOUR))
    # Built from our own spec, so Plotly's per-property validation (slow for
    # thousands of points) is skipped.
    figure = go.Figure(data=[t for t in traces if t is not None], layout=timeline.figure["layout"], _validate=False)
    notes = []
    if window is None and summary.fitted is not None and summary.fitted != summary.extent:
        notes.append(_outliers_note(q, token, flt, summary.fitted))
    if summary.unplaced:
        notes.append(f"{summary.unplaced:,} event{'s' if summary.unplaced != 1 else ''} with a date that could not "
                     "be placed are listed under the chart")
    elif flt.date_from or flt.date_to:
        notes.append("events whose date could not be placed are hidden while the dates are narrowed")
    _caption(timeline, shown_window, summary.placed - timeline.events_drawn, [n for n in notes if n])
    st.caption(ENCODING)
    st.plotly_chart(
        figure,
        key="timeline",
        on_select="rerun",
        selection_mode="points",
        # No toolbar over the dates: drag pans, the wheel or a pinch zooms, the window slider above
        # and the 1Y/5Y/All buttons set the window, and every change travels in the link. (No Plotly
        # range slider: it draws every mark a second time, most of the chart's drawing time.)
        config={"displaylogo": False, "scrollZoom": True, "displayModeBar": False, "responsive": True},
    )
    render_view_sync(drawn_view(timeline.figure["layout"].get("xaxis", {}).get("range"), hidden), apply_view,
                     apply_pick, on_shown)
    if on_shown is None:
        _fact_list(timeline)
    return timeline


def _open_picked() -> None:
    picked = st.session_state.get("fact_pick")
    if picked:
        st.session_state["fact"] = picked
        st.session_state["fact_pick"] = None


def _fact_list(timeline: Timeline) -> None:
    """The facts drawn, as one keyboard-reachable list: Tab to it, type or use the arrows, Enter
    opens the evidence (a marker on the chart can't take the keyboard's focus)."""
    if not timeline.listing:
        return
    labels = dict(timeline.listing)
    st.selectbox(
        f"The {len(labels):,} facts on the chart, in time order",
        list(labels), index=None, key="fact_pick", format_func=lambda fid: labels.get(fid, fid),
        on_change=_open_picked, placeholder="Type a word or a date, or use the arrow keys; Enter opens its evidence",
    )


def _outliers_note(q: StoreQuery, token: str, flt: Filters, fitted) -> str:
    """Facts far from the rest are named, not stretched over."""
    n, rows = cached.outside(q, token, flt, fitted)
    if n == 0:
        return ""
    named = ", ".join(f"{r.d_start:%Y} (“{first_words(r.date_text, 5)}”)" for r in rows.head(2).itertuples(index=False))
    return (f"{n:,} fact{'s' if n != 1 else ''} far from the rest {'are' if n != 1 else 'is'} left out, "
            f"e.g. {named}: press All to include {'them' if n != 1 else 'it'}")


def _caption(timeline: Timeline, window, outside: int, notes: list[str]) -> None:
    n = timeline.events_drawn
    text = f"{n:,} dated fact{'s' if n != 1 else ''} from {describe_window(window)}"
    if timeline.mode == "aggregated":
        text += (f", counted per {timeline.period} (too many to draw one by one). "
                 "Click a cell of a lane or narrow the window to see single facts")
    if outside > 0 and not any("left out" in note for note in notes):
        text += f"; {outside:,} more outside this window (press All to see every one)"
    if notes:
        text += " · " + " · ".join(notes)
    st.caption(markdown_literal(text + "."))


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
