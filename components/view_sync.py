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

from newsline.filters import parse_iso_day

# Reports only a real change (a zoom lands on a different day, a legend item toggles); a redraw
# by the app itself fires events too, and must not send the same view back.
_JS = r"""
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
  // The page redrawing the chart (a filter changed) fires these events too: only a reader's
  // own zoom, pan or legend click, after the redraw has settled, is reported.
  const quietUntil = Date.now() + 600;
  const onRelayout = (event) => {
    if (Date.now() < quietUntil) return;
    const keys = Object.keys(event || {});
    if (keys.some((k) => k.startsWith('xaxis.range') || k === 'xaxis.autorange')) report();
  };
  // A tap on a phone shows the hover label or clicks without selecting: one tap selects the fact.
  let touchAt = 0;
  const onPointer = (event) => { if (event.pointerType === 'touch') touchAt = Date.now(); };
  document.addEventListener('pointerdown', onPointer, true);
  const onHover = (event) => {
    if (Date.now() - touchAt > 800) return;
    const point = event && event.points && event.points[0];
    if (point && typeof point.customdata === 'string') setTriggerValue('pick', point.customdata);
  };
  const detach = () => {
    if (!plot || !plot.removeListener) return;
    plot.removeListener('plotly_relayout', onRelayout);
    plot.removeListener('plotly_restyle', onRestyle);
    plot.removeListener('plotly_hover', onHover);
    plot.removeListener('plotly_click', onHover);
    plot.removeListener('plotly_hover', keepInside);
  };
  const onRestyle = () => { if (Date.now() >= quietUntil) report(); };
  // Plotly puts a hover label beside its point even where the screen ends (a phone): slide it
  // back inside the chart, whose width it never exceeds (its lines are wrapped).
  const keepInside = () => requestAnimationFrame(() => {
    if (!plot) return;
    const box = plot.getBoundingClientRect();
    const lo = Math.max(box.left, 0) + 2, hi = Math.min(box.right, window.innerWidth) - 2;
    for (const label of plot.querySelectorAll('.hoverlayer .hovertext')) {
      const r = label.getBoundingClientRect();
      const dx = r.left < lo ? lo - r.left : r.right > hi ? Math.max(hi - r.right, lo - r.left) : 0;
      const at = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(label.getAttribute('transform') || '');
      if (dx && at) label.setAttribute('transform', `translate(${Number(at[1]) + dx},${at[2]})`);
    }
  });
  const attach = () => {
    const found = document.querySelector(CHART);
    if (found === plot || !found || !found.on) return;
    detach();
    plot = found;
    plot.on('plotly_relayout', onRelayout);
    plot.on('plotly_restyle', onRestyle);
    plot.on('plotly_hover', onHover);
    plot.on('plotly_click', onHover);
    plot.on('plotly_hover', keepInside);
  };
  // A date typed in the date filter applies on Enter, not only when the field loses focus.
  // The field commits when the reader interacts outside it, so Enter does that for them.
  const onKey = (event) => {
    if (event.key === 'Enter' && event.target.closest && event.target.closest('[data-testid="stDateInput"]')) {
      event.target.blur();
      const outside = document.querySelector('[data-testid="stMain"]') || document.body;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        const Kind = type.startsWith('pointer') ? PointerEvent : MouseEvent;
        outside.dispatchEvent(new Kind(type, { bubbles: true, cancelable: true, view: window }));
      }
    }
  };
  document.addEventListener('keydown', onKey, true);
  // On a phone the evidence opens below the chart: bring a newly opened one into view.
  // (remembered on the window: this function runs again on every redraw of the page)
  const follow = () => {
    const panel = document.querySelector('.nl-evidence');
    const id = panel ? panel.textContent.slice(0, 120) : null;
    if (id && id !== window.__newslineEvidence && window.innerWidth < 640) {
      // the column holding the panel starts with its "Evidence" heading
      const column = panel.closest('[data-testid="stColumn"]') || panel;
      column.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
    window.__newslineEvidence = id;
  };
  // A session's first run draws little besides the chart: once the chart is visible (Streamlit
  // first draws it hidden, before it knows its width), say so, and the page draws the rest.
  const shown = () => {
    const svg = plot && plot.querySelector('.main-svg');
    return !!svg && getComputedStyle(svg).visibility === 'visible' && svg.getBoundingClientRect().width > 0;
  };
  let watch = null;
  if (data && data.waiting) {
    watch = setInterval(() => {
      attach();
      if (!shown()) return;
      clearInterval(watch);
      requestAnimationFrame(() => setTriggerValue('drawn', true));
    }, 50);
  }
  attach();
  const poll = setInterval(() => { attach(); follow(); }, 300);  // the chart is replaced when redrawn
  return () => {
    clearInterval(poll); clearInterval(watch); clearTimeout(timer); detach();
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('pointerdown', onPointer, true);
  };
}
"""

_view_sync = st.components.v2.component("newsline_view_sync", html="<span></span>", js=_JS)


def drawn_view(x_range: list[str] | None, hidden: tuple[str, ...]) -> dict:
    """What the chart is drawn with, so the browser reports only departures from it."""
    lo, hi = (x_range or ["", ""])[:2]
    return {"x0": str(lo)[:10], "x1": str(hi)[:10], "hidden": sorted(hidden)}


def window_of(view: dict, bounds: tuple[date, date] | None) -> tuple[date, date] | None:
    """A reported x range as a window of whole days inside ``bounds``; None if unusable."""
    lo, hi = parse_iso_day(str(view.get("x0", ""))), parse_iso_day(str(view.get("x1", "")))
    if lo is None or hi is None or lo > hi:
        return None
    if bounds is not None:
        lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
        if lo > hi:
            return None
    return (lo, hi) if hi > lo else (lo, lo + timedelta(days=1))


def _value(name: str):
    result = st.session_state.get("view_sync")
    value = getattr(result, name, None) if result is not None else None
    if value is None and isinstance(result, dict):
        value = result.get(name)
    return value


def render_view_sync(drawn: dict, on_view, on_pick, on_shown=None) -> None:
    """Mount the listener; ``on_view(view)`` (a zoom, pan or legend click) and ``on_pick(id)``
    (a tap on a phone) run as callbacks before the next run. With ``on_shown``, the browser
    also reports the chart's first visible draw, once, and ``on_shown()`` runs before the
    run that report starts."""
    def _view() -> None:
        view = _value("view")
        last = st.session_state.get("view_drawn")
        if isinstance(view, dict) and (last is None or _differs(view, last)):
            on_view(view)

    def _pick() -> None:
        picked = _value("pick")
        if isinstance(picked, str) and picked:
            on_pick(picked)

    def _shown() -> None:
        if on_shown is not None and _value("drawn"):
            on_shown()

    st.session_state["view_drawn"] = drawn
    _view_sync(key="view_sync", data={**drawn, "waiting": on_shown is not None}, on_view_change=_view,
               on_pick_change=_pick, on_drawn_change=_shown, height=1)


def _differs(view: dict, drawn: dict) -> bool:
    """A report that only repeats what the page drew (a stale event of a redraw) changes nothing."""
    return (str(view.get("x0")), str(view.get("x1")), sorted(view.get("hidden") or [])) != (
        drawn["x0"], drawn["x1"], drawn["hidden"])
