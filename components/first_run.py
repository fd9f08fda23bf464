"""A visit's first run draws the page down to its chart; the rest follows once the chart shows.

The chart is what a visitor waits for, yet the browser renders every element a run sends before
it shows the chart: the sidebar's controls, the share box, the list of facts below the chart
(``benchmarks/chart_visible_bench.py`` measures the difference). So a session's first run draws
the main column down to the chart (header, notices, tabs, view controls, the chart and
``view_sync``, which listens to it) and the sidebar's heading, each in the place the complete
page has it: when the rest is added, the browser keeps the chart it has drawn instead of drawing
it again. The filters come from the link and the session exactly as the sidebar computes them
(``sidebar.prepare_filters``), so the chart is the one the complete page shows.

The browser reports the chart's first visible draw (``view_sync``); that report reruns the page,
complete from then on. Should no report come (the component failed to load, the chart can't
draw), a timed rerun completes the page anyway: it never stays half drawn."""

from __future__ import annotations

import streamlit as st

#: Seconds after the first run before the page is completed without the chart's report.
FALLBACK_SECONDS = 5.0
DONE = "page_complete"  # the session flag: the page is complete from now on
_WAITED = "first_run_waited"


def page_complete() -> bool:
    """Whether this run draws the whole page (every run after the chart was first shown)."""
    return bool(st.session_state.get(DONE))


def complete_page() -> None:
    """The chart is visible (or waiting for it is pointless): every run from now draws everything.
    A callback, or called before the page is drawn."""
    st.session_state[DONE] = True


def complete_later() -> None:
    """The safety net: a rerun of the whole page after ``FALLBACK_SECONDS`` if the chart's
    report hasn't come. (A full run that doesn't call this stops the timer.)"""
    st.session_state[_WAITED] = False
    with st.sidebar:
        _fallback()


@st.fragment(run_every=FALLBACK_SECONDS)
def _fallback() -> None:
    # Runs once inside the first run, then on its own when the timer fires.
    if not st.session_state.get(_WAITED):
        st.session_state[_WAITED] = True
        return
    complete_page()
    st.rerun(scope="app")
