"""Plotly's own zoom, pan and legend clicks, sent back to the app so they travel in the link.

``st.plotly_chart`` tells Python about selections only. This small custom component (no
iframe: it runs in the page) listens to the timeline's ``plotly_relayout`` and
``plotly_restyle`` events and reports the visible x range and the topics hidden from the
legend. Python makes them the visible window and a ``hide`` parameter, so the address bar,
the share link, the counts and the slider all follow what the chart shows.
"""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from newsline.filters import parse_iso_day as parse_day

# Reports only a real change (a zoom lands on a different day, a legend item toggles); a redraw
# by the app itself fires events too, and must not send the same view back.
_JS = """
export default function ({ data, setTriggerValue }) {
  const CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot';
  let plot = null, timer = null;
  const day = (v) => String(v).slice(0, 10);
  const view = () => {
    const range = (plot.layout && plot.layout.xaxis && plot.layout.xaxis.range) || [];
    const hidden = [...new Set((plot.data || [])
      .filter((t) => t.visible === 'legendonly' && t.legendgroup).map((t) => t.legendgroup))].sort();
    return { x0: day(range[0]), x1: day(range[1]), hidden };
  };
  const report = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!plot) return;
      const now = view();
      const drawn = data || {};
      const moved = now.x0 !== drawn.x0 || now.x1 !== drawn.x1;
      const toggled = JSON.stringify(now.hidden) !== JSON.stringify(drawn.hidden || []);
      if (moved || toggled) setTriggerValue('view', now);
    }, 250);
  };
  const onRelayout = (event) => {
    const keys = Object.keys(event || {});
    if (keys.some((k) => k.startsWith('xaxis.range') || k === 'xaxis.autorange')) report();
  };
  const attach = () => {
    const found = document.querySelector(CHART);
    if (found === plot || !found || !found.on) return;
    plot = found;
    plot.on('plotly_relayout', onRelayout);
    plot.on('plotly_restyle', report);
  };
  attach();
  const poll = setInterval(attach, 300);  // the chart element is replaced when the page redraws it
  return () => { clearInterval(poll); clearTimeout(timer); };
}
"""

_view_sync = st.components.v2.component("newsline_view_sync", html="<span></span>", js=_JS)


def drawn_view(x_range: list[str] | None, hidden: tuple[str, ...]) -> dict:
    """What the chart is drawn with, so the browser reports only departures from it."""
    lo, hi = (x_range or ["", ""])[:2]
    return {"x0": str(lo)[:10], "x1": str(hi)[:10], "hidden": sorted(hidden)}


def window_of(view: dict, bounds: tuple[date, date] | None) -> tuple[date, date] | None:
    """A reported x range as a window of whole days inside ``bounds``; None if unusable."""
    lo, hi = parse_day(str(view.get("x0", ""))), parse_day(str(view.get("x1", "")))
    if lo is None or hi is None or lo > hi:
        return None
    if bounds is not None:
        lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
        if lo > hi:
            return None
    return (lo, hi) if hi > lo else (lo, lo + timedelta(days=1))


def render_view_sync(drawn: dict, on_view) -> None:
    """Mount the listener; ``on_view(view)`` runs as a callback before the next run."""
    def _changed() -> None:
        result = st.session_state.get("view_sync")
        view = getattr(result, "view", None) if result is not None else None
        if view is None and isinstance(result, dict):
            view = result.get("view")
        if isinstance(view, dict):
            on_view(view)

    _view_sync(key="view_sync", data=drawn, on_view_change=_changed, height=1)
