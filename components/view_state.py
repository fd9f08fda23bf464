"""Session state that is not a filter: the visible window and the selected fact.

Selections arrive from three widgets (timeline, table, unresolved list), each
giving a fact id (the timeline's markers and the tables' rows carry it). Each
run compares a widget's selection with the one it last acted on, so a new
click wins whatever widget it came from, and a chart redrawn after a filter
change (which starts with an empty selection) does not clear the evidence.
"""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from .timeline_figure import bin_window
from .url_state import Known, Seed, params_of, read_seed
from .view_sync import window_of

SELECTION_WIDGETS = ("timeline", "table", "unresolved_table")


def seed_from_link(known: Known, extent: tuple[date, date] | None) -> None:
    """On a session's first run, apply the link it was opened with; keep the notices."""
    if st.session_state.get("link_read"):
        return
    st.session_state["link_read"] = True
    seed: Seed = read_seed(params_of(st.query_params), known)
    st.session_state["actor"] = seed.actors
    st.session_state["min_sources"] = seed.min_sources
    if extent is not None and (seed.date_from or seed.date_to):
        st.session_state["dates"] = (seed.date_from or extent[0], seed.date_to or extent[1])
    if seed.window is not None and extent is not None:
        lo, hi = max(seed.window[0], extent[0]), min(seed.window[1], extent[1])
        if lo <= hi:
            st.session_state["window"] = (lo, hi)
            st.session_state["window_auto"] = False
        else:
            seed.notices.append("the time window lies outside the data")
    st.session_state["fact"] = seed.fact
    st.session_state["hidden_topics"] = tuple(seed.hidden)
    st.session_state["link_notices"] = seed.notices
    # What the link gives the filter controls that bind themselves to it, until they are first drawn
    st.session_state["link_filters"] = seed.filters


def selected_fact() -> str | None:
    return st.session_state.get("fact")


def _table_pick(state, ids: list[str]) -> list[str]:
    rows = ((state or {}).get("selection") or {}).get("rows") or []
    return [ids[i] for i in rows if 0 <= i < len(ids)]


def _chart_pick(state) -> list[str]:
    points = ((state or {}).get("selection") or {}).get("points") or []
    return [p.get("customdata") for p in points if isinstance(p.get("customdata"), str)]


def take_selections(row_ids: dict[str, list[str]], extent: tuple[date, date] | None) -> None:
    """Apply a new click from any selection widget (run before widgets are drawn).

    ``row_ids`` maps each table widget to the fact ids of its rows in the
    order they were shown on the previous run.
    """
    for widget in SELECTION_WIDGETS:
        state = st.session_state.get(widget)
        picked = _chart_pick(state) if widget == "timeline" else _table_pick(state, row_ids.get(widget, []))
        seen_key = f"seen_{widget}"
        if not picked or picked == st.session_state.get(seen_key):
            continue
        st.session_state[seen_key] = picked
        for other in SELECTION_WIDGETS:  # the same click on another widget later must count again
            if other != widget:
                st.session_state.pop(f"seen_{other}", None)
        period = bin_window(picked[0])
        if period is not None and extent is not None:
            set_window((max(period[0].date(), extent[0]), min(period[1].date(), extent[1])))
        elif period is None:
            st.session_state["fact"] = picked[0]


def hidden_topics() -> tuple[str, ...]:
    """Topics switched off in the chart's legend (they stay in the counts and the table)."""
    return tuple(st.session_state.get("hidden_topics") or ())


def apply_view(view: dict) -> None:
    """A zoom, pan or legend click made in the chart (a callback of ``view_sync``)."""
    window = window_of(view, st.session_state.get("window_bounds"))
    if window is not None:
        set_window(window)
    hidden = view.get("hidden")
    if isinstance(hidden, list):
        st.session_state["hidden_topics"] = tuple(sorted(h for h in hidden if isinstance(h, str)))


def apply_pick(picked: str) -> None:
    """A fact (or a counted period) tapped on a phone: the same as a click."""
    period = bin_window(picked)
    if period is None:
        st.session_state["fact"] = picked
    else:
        set_window((period[0].date(), period[1].date()))


def set_window(window: tuple[date, date] | None) -> None:
    if window is None:
        st.session_state["window_auto"] = True
    else:
        st.session_state["window"] = window
        st.session_state["window_auto"] = False


def quick_window(span_years: int | None, shown: tuple[date, date] | None) -> None:
    """1Y / 5Y end at the latest event shown, or today when the events reach past it; All covers
    every event shown (button callbacks)."""
    if shown is None:
        return
    if span_years is None:
        set_window(shown)
        return
    end = min(shown[1], date.today())  # an announced fact years ahead does not move "the last year"
    start = end - timedelta(days=round(365.25 * span_years))
    bounds = st.session_state.get("window_bounds")
    if bounds:
        start = max(start, bounds[0])
    set_window((min(start, end), end))


def visible_window(extent: tuple[date, date] | None, fitted: tuple[date, date] | None):
    """The window slider; follows the filtered events until the visitor moves it.

    ``extent`` is the slider's natural span (the table without its few far-older
    events); it widens to include whatever window is chosen, e.g. by "All".
    """
    if extent is None:
        return None
    if "window_auto" not in st.session_state:
        st.session_state["window_auto"] = True
    applied = st.session_state.get("window_applied")
    current = st.session_state.get("window")
    if current is not None and applied is not None and tuple(current) != tuple(applied):
        st.session_state["window_auto"] = False  # the visitor dragged the slider
    if st.session_state["window_auto"] or current is None:
        target = fitted or extent
    else:
        target = tuple(current)
    bounds = st.session_state.get("window_bounds") or extent
    target = (max(target[0], bounds[0]), min(target[1], bounds[1]))
    if target[0] > target[1]:
        target = fitted or extent
    lo, hi = min(extent[0], target[0]), max(extent[1], target[1])
    st.session_state["window"] = target
    st.session_state["window_applied"] = target
    if lo == hi:
        return None
    st.slider("Visible window", min_value=lo, max_value=hi, key="window", format="YYYY-MM-DD",
              label_visibility="collapsed")
    return None if st.session_state["window_auto"] else target


def chosen_window(window: tuple[date, date] | None, fitted) -> tuple[date, date] | None:
    """The window the timeline shows: the one chosen, else the fitted one."""
    chosen = window or fitted
    return None if chosen is None else (chosen[0], chosen[1])


def describe_window(window: tuple[date, date] | None) -> str:
    return "all dates" if window is None else f"{window[0]:%Y-%m-%d} to {window[1]:%Y-%m-%d}"

