"""The timeline as a Plotly figure, built from the store's answer (no Streamlit here).

One marker per **fact**: the events of every source that state it are drawn once, and
the marker grows with the number of independent sources (``marker_size``). A fact whose
sources disagree on the date (one says Friday, another Saturday) has a thick orange ring;
the evidence panel lists each source's date.

Precision is drawn honestly: a day is a dot; a week, month, season, quarter, year,
decade or range is a bar over the whole period it covers (with a small diamond at its
middle to hover or click). Unresolved events are never drawn: the page lists them apart.

Past ``WEBGL_THRESHOLD`` marks the traces switch to WebGL. Past the store's
``AGGREGATE_THRESHOLD`` the window is too wide to show single facts usefully, so the
store counts them per lane and period instead (``TimelineData.mode == "aggregated"``),
drawn as a density strip per lane (each period coloured by its dominant topic, as opaque
as it is busy), and clicking a cell narrows the window to that period.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from newsline.filters import NO_ACTOR, NO_OUTLET, NO_TOPIC
from newsline.query import MAX_LANES, TimelineData

from .safe_text import esc as _html_escape
from .safe_text import first_words


def esc(value) -> str:
    """Escaped for Plotly's text, which decodes numeric entities but shows "&quot;" as typed."""
    return _html_escape(value).replace("&quot;", "&#34;")


WEBGL_THRESHOLD = 1_500
DAY_MS = 86_400_000.0
BIN_PREFIX = "bin:"
DISAGREE_COLOUR = "#e66100"
MARKER_LINE = "#333"

# Colour-blind-safe qualitative palette (Plotly's "Safe"), topics get colours
# in a fixed order so a topic keeps its colour whatever the filters.
PALETTE = [
    "#88CCEE", "#CC6677", "#DDCC77", "#117733", "#332288", "#AA4499",
    "#44AA99", "#999933", "#882255", "#661100", "#6699CC",
]
NO_TOPIC_COLOUR = "#8a8a8a"

__all__ = ["MAX_LANES", "NO_OUTLET", "BIN_PREFIX", "Timeline", "build_timeline", "topic_colours", "marker_size",
           "highlight_trace", "figure_fact_ids", "bin_window"]


def topic_colours(all_topics: list[str]) -> dict[str, str]:
    colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(all_topics))}
    colours[NO_TOPIC] = NO_TOPIC_COLOUR
    return colours


def marker_size(sources, base: float = 9.0) -> np.ndarray:
    """Marker diameter by independent sources: area grows with the count (1 → base, 4 → twice base)."""
    counts = np.clip(np.asarray(sources, dtype=float), 1, None)
    return np.minimum(base * np.sqrt(counts), 3.6 * base).round(1)


@dataclass
class Timeline:
    figure: dict  # a Plotly figure spec ({"data": [...], "layout": {...}}), built without validation cost
    mode: str  # "events", "aggregated" or "empty"
    events_drawn: int  # facts with a place inside the window
    lane_y: dict[str, float] = field(default_factory=dict)
    lanes: str = "Actor"
    other_lane: str | None = None
    period: str = ""  # the aggregation period, e.g. "year"
    y_of: dict[tuple[str, str], float] = field(default_factory=dict)  # (fact, lane) -> its dodged row
    listing: list[tuple[str, str]] = field(default_factory=list)  # (fact id, "date · sentence") in time order


def _to_ms(values) -> np.ndarray:
    """Timestamps as epoch milliseconds: Plotly date axes accept them, and numbers
    travel as compact typed arrays instead of one string per point."""
    return pd.to_datetime(pd.Series(values)).to_numpy(dtype="datetime64[ms]").astype("int64").astype("float64")


def _names(value) -> list[str]:
    return [] if value is None or isinstance(value, float) else [str(x) for x in value]


def who_line(row) -> str:
    """Who acted on whom, and who else the sentence names (they have no lane of their own); not escaped."""
    source, target = _names(getattr(row, "actors_source", None)), _names(getattr(row, "actors_target", None))
    others = [a for a in _names(getattr(row, "actors", None)) if a not in source and a not in target]
    parts = []
    if source or target:
        parts.append(f"{', '.join(source) or '?'} → {', '.join(target) or '?'}")
    if others:
        parts.append(f"also named: {', '.join(others)}")
    return " · ".join(parts)


#: Characters per line of a hover label: a label stays narrow enough for a phone's screen.
HOVER_WIDTH = 46


def wrapped(text: object, width: int = HOVER_WIDTH) -> str:
    """Escaped, with line breaks between words so that no line is longer than ``width``."""
    return "<br>".join(esc(line) for line in textwrap.wrap(str(text or ""), width, break_on_hyphens=False)) or ""


def _hover(rows: pd.DataFrame) -> list[str]:
    out = []
    for row in rows.itertuples(index=False):
        start, end = row.date_start, row.date_end or row.date_start
        covers = start if start == end else f"{start} – {end}"
        headline = getattr(row, "headline", "") or first_words(row.sentence)
        action = getattr(row, "action", "") or ""
        who = who_line(row)
        text = (f"<b>{wrapped(headline)}</b><br>"
                + (f"<i>{wrapped(' · '.join(p for p in (action_label(action), who) if p))}</i><br>" if action else "")
                + f"{wrapped(f'“{row.date_text}” → {row.value} ({row.granularity}), covers {covers}')}<br>"
                + f"{wrapped(first_words(row.sentence))}<br>")
        if int(row.sources) > 1 or int(row.articles) > 1:
            outlets = ", ".join(o or NO_OUTLET for o in row.outlets)
            text += f"<b>{int(row.sources)} independent sources</b>:<br><i>{wrapped(outlets)}</i>"
        else:
            text += f"<i>{wrapped(f'{row.source}, {row.published}')}</i>"
        if row.dates_disagree:
            text += f"<br><b>sources disagree on the date</b>:<br>{wrapped(' / '.join(row.dates))}"
        if getattr(row, "tense", None) == "future":
            text += "<br><b>announced or expected</b>, not reported as done"
        out.append(text)
    return out


def _lane_layout(counts: pd.Series, lanes: str) -> tuple[dict[str, float], str | None]:
    """Lanes by mark count; beyond MAX_LANES the rest share one 'other' lane."""
    order = sorted(counts.index, key=lambda lane: (lane in (NO_ACTOR, NO_TOPIC, NO_OUTLET), -counts[lane], lane))
    other = None
    if len(order) > MAX_LANES:
        other = f"(other {lanes.lower()}s)"
        order = order[: MAX_LANES - 1] + [other]
    return {lane: float(i) for i, lane in enumerate(order)}, other


def jitter(ids) -> np.ndarray:
    """A stable vertical offset inside a lane, so facts on the same day don't hide each other."""
    hashed = pd.util.hash_pandas_object(pd.Series(list(ids), dtype=object).astype(str), index=False).to_numpy()
    return (hashed % 1000) / 1000 * 0.56 - 0.28


def action_label(action: str) -> str:
    from newsline.actions import Taxonomy

    return Taxonomy.default().label(action) if action else ""


def action_colours() -> dict[str, str]:
    """One colour per action class, in the taxonomy's order, so a class keeps its colour."""
    from newsline.actions import Taxonomy

    wide = PALETTE + ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
                      "#BBCC33", "#8C564B"]
    ids = Taxonomy.default().ids()
    colours = {a: wide[i % len(wide)] for i, a in enumerate(ids)}
    colours["other"] = NO_TOPIC_COLOUR
    return colours


DODGE_ROWS = (0.0, -0.18, 0.18, -0.34, 0.34)  # offsets inside a lane, nearest the lane's line first
DODGE_GAP = 0.012  # markers closer than this share of the window would overlap


def dodge(lanes: np.ndarray, xs: np.ndarray, span_ms: float) -> np.ndarray:
    """Offsets inside each lane so that markers close in time sit on different rows.

    Greedy, in time order: each marker takes the first row whose last marker is far enough
    back; when every row is taken (a dense cluster), the row that freed up first.
    """
    gap = max(span_ms * DODGE_GAP, 1.0)
    out = np.zeros(len(xs))
    last: dict[object, list[float]] = {}
    for i in np.lexsort((xs, lanes)):
        rows = last.setdefault(lanes[i], [-np.inf] * len(DODGE_ROWS))
        free = [r for r, x in enumerate(rows) if xs[i] - x >= gap]
        row = free[0] if free else int(np.argmin(rows))
        rows[row] = xs[i]
        out[i] = DODGE_ROWS[row]
    return out


def build_timeline(data: TimelineData, colours: dict[str, str], *, webgl_threshold: int = WEBGL_THRESHOLD,
                   exact: bool = False, colour_by: str = "Topic") -> Timeline:
    """The figure for the store's answer about one window: single facts, or counts.

    ``colour_by``: "Topic" (the main topic) or "Action" (the action class) for single facts;
    counted periods are always coloured by topic.

    ``exact``: the window was chosen (a zoom, a link), so the x axis shows exactly it, and a
    link reopens the same range; a fitted window gets a little margin instead."""
    window = (pd.Timestamp(data.window[0]), pd.Timestamp(data.window[1])) if data.window else None
    if data.mode == "aggregated":
        lane_y = {lane: float(i) for i, lane in enumerate(data.lane_order)}
        other = f"(other {data.lanes.lower()}s)"
        traces = _aggregated_traces(data.bins, colours, data.period, lane_y)
        figure = {"data": traces, "layout": _layout(lane_y, window, None, exact)}
        return Timeline(figure, "aggregated", data.drawn, lane_y, data.lanes,
                        other if other in lane_y else None, data.period)
    if data.mode != "events" or data.facts is None or data.facts.empty:
        return Timeline(_empty_figure(window), "empty", 0, lanes=data.lanes)
    facts = data.facts.reset_index(drop=True)
    exploded = facts["lanes"].explode()
    marks = pd.DataFrame({"pos": exploded.index.to_numpy(), "lane": exploded.to_numpy()})
    lane_y, other = _lane_layout(marks["lane"].value_counts(), data.lanes)
    if other is not None:
        marks.loc[~marks["lane"].isin(lane_y), "lane"] = other
        marks = marks.drop_duplicates(["pos", "lane"])
    pos = marks["pos"].to_numpy()
    start_ms, end_ms = _to_ms(facts["d_start"]), _to_ms(facts["d_end"]) + DAY_MS
    is_point = ((facts["granularity"] == "day") | (facts["d_start"] == facts["d_end"])).to_numpy()
    centre = np.where(is_point, start_ms, (start_ms + end_ms) / 2)
    lo_ms = _to_ms([window[0]])[0] if window else float(start_ms.min())
    hi_ms = _to_ms([window[1]])[0] if window else float(end_ms.max())
    marks["y"] = marks["lane"].map(lane_y) + dodge(marks["lane"].to_numpy(), centre[pos], max(hi_ms - lo_ms, DAY_MS))
    by = "action" if colour_by == "Action" and "action" in facts else "main_topic"
    traces = _fact_traces(facts, marks, action_colours() if by == "action" else colours,
                          gl=len(marks) > webgl_threshold, by=by)
    figure = {"data": traces, "layout": _layout(lane_y, window, facts, exact)}
    y_of = {(fid, lane): y for fid, lane, y in zip(facts["fact_id"].to_numpy()[pos], marks["lane"], marks["y"])}
    listing = [(fid, f"{start} · {first_words(text, 16)}")
               for fid, start, text in zip(facts["fact_id"], facts["value"].fillna(facts["date_start"]),
                                           facts["sentence"])]
    return Timeline(figure, "events", len(facts), lane_y, data.lanes, other, y_of=y_of, listing=listing)


def _announced(rows: pd.DataFrame) -> np.ndarray:
    """Facts a sentence announces or expects (future tense): drawn hollow."""
    if "tense" not in rows:
        return np.zeros(len(rows), dtype=bool)
    return (rows["tense"].fillna("") == "future").to_numpy()


def _outline(rows: pd.DataFrame, colour: str = MARKER_LINE) -> dict:
    disagree = rows["dates_disagree"].to_numpy(dtype=bool)
    hollow = _announced(rows)
    line = np.where(disagree, DISAGREE_COLOUR, np.where(hollow, colour, MARKER_LINE))
    return {"width": np.where(disagree, 3.0, np.where(hollow, 2.0, 1.0)), "color": line.tolist()}


def _fact_traces(facts: pd.DataFrame, marks: pd.DataFrame, colours: dict[str, str], gl: bool,
                 by: str = "main_topic") -> list[dict]:
    """Per colour, one trace of the periods' lines and one of every marker (a circle for a day, a
    diamond at a period's middle): each trace costs the browser a pass on every draw, and a
    marker's own symbol, size and outline already travel as arrays."""
    kind = "scattergl" if gl else "scatter"
    lines: list[dict] = []
    markers: list[dict] = []
    rows = facts.iloc[marks["pos"].to_numpy()].reset_index(drop=True)
    rows["y"] = marks["y"].to_numpy()
    rows["is_point"] = (rows["granularity"] == "day") | (rows["d_start"] == rows["d_end"])
    for topic, group in rows.groupby(by, sort=True):
        colour = colours.get(topic, NO_TOPIC_COLOUR)
        topic = action_label(topic) if by == "action" else topic
        group = group.iloc[_legend_first(group)]
        start_ms = _to_ms(group["d_start"])
        end_ms = _to_ms(group["d_end"]) + DAY_MS  # a period covers its whole last day
        point = group["is_point"].to_numpy()
        spans = ~point
        if spans.any():
            gap = np.full(int(spans.sum()), np.nan)
            y = group["y"].to_numpy()[spans]
            lines.append({
                "type": kind, "mode": "lines", "name": topic, "legendgroup": topic, "showlegend": False,
                "x": np.column_stack([start_ms[spans], end_ms[spans], gap]).ravel(),
                "y": np.column_stack([y, y, gap]).ravel(),
                "line": {"color": colour, "width": 3}, "opacity": 0.5, "hoverinfo": "skip",
            })
        symbols = np.where(_announced(group), np.where(point, "circle-open", "diamond-open"),
                           np.where(point, "circle", "diamond"))
        markers.append({
            "type": kind, "mode": "markers", "name": topic, "legendgroup": topic, "showlegend": True,
            "x": np.where(point, start_ms, (start_ms + end_ms) / 2), "y": group["y"].to_numpy(),
            "marker": {"symbol": symbols.tolist(),
                       "size": np.where(point, marker_size(group["sources"]), marker_size(group["sources"], 8.0)),
                       "color": colour, "line": _outline(group, colour)},
            "customdata": group["fact_id"].tolist(), "hovertext": _hover(group), "hoverinfo": "text",
        })
    # Periods under every marker, so a year's bar never hides the days inside them.
    return lines + markers


def _legend_first(group: pd.DataFrame) -> np.ndarray:
    """Row order for one colour's markers: the legend draws a trace's first marker, so a plain
    day (a full circle, no ring) comes first; then the periods' diamonds, then the days, so
    that a day is drawn over a period's diamond."""
    point = group["is_point"].to_numpy()
    plain = point & ~_announced(group) & ~group["dates_disagree"].to_numpy(dtype=bool)
    first = np.flatnonzero(plain)[:1] if plain.any() else np.flatnonzero(point)[:1]
    rank = np.where(point, 2, 1)
    rank[first] = 0
    return np.argsort(rank, kind="stable")


def _aggregated_traces(bins: pd.DataFrame, colours, period: str, lane_y) -> list[dict]:
    """A density strip per lane: one cell per period, as long as the period, coloured by the topic
    that dominates it and as opaque as it is busy (the busiest cell of the chart fully so)."""
    cells = bins.copy()
    cells["total"] = cells.groupby(["lane", "bin"])["n"].transform("sum")
    top = cells.sort_values(["n", "topic"], ascending=[False, True]).drop_duplicates(["lane", "bin"])
    biggest = max(int(top["total"].max()), 1)
    traces: list[dict] = []
    for topic, group in top.groupby("topic", sort=True):
        hover = [
            f"<b>{n:,} fact{'s' if n != 1 else ''}</b> · {esc(lane)}<br>{period} from {b:%Y-%m-%d} to {e:%Y-%m-%d}<br>"
            f"mostly {esc(topic)} ({m:,})<br><i>click to zoom to this {period}</i>"
            for n, m, lane, b, e in zip(group["total"], group["n"], group["lane"], group["bin"], group["end"])
        ]
        starts = _to_ms(pd.to_datetime(group["bin"]))
        ends = _to_ms(pd.to_datetime(group["end"]) + pd.Timedelta(days=1))
        share = np.sqrt(group["total"].to_numpy(dtype=float) / biggest)
        traces.append({
            "type": "bar", "orientation": "h", "name": topic, "legendgroup": topic,
            "base": starts, "x": ends - starts, "y": group["lane"].map(lane_y).to_numpy(dtype=float),
            "width": 0.72,
            "marker": {"color": colours.get(topic, NO_TOPIC_COLOUR), "opacity": (0.18 + 0.82 * share).round(3),
                       "line": {"width": 0}},
            "customdata": [f"{BIN_PREFIX}{b:%Y-%m-%d}..{e:%Y-%m-%d}" for b, e in zip(group["bin"], group["end"])],
            "hovertext": hover, "hoverinfo": "text",
        })
    return traces


def _layout(lane_y: dict[str, float], window, facts: pd.DataFrame | None, exact: bool = False) -> dict:
    lo = window[0] if window else pd.Timestamp(facts["d_start"].min())
    hi = window[1] if window else pd.Timestamp(facts["d_end"].max()) + pd.Timedelta(days=1)
    pad = pd.Timedelta(0) if exact and window else max((hi - lo) * 0.02, pd.Timedelta(days=3))
    n_lanes = len(lane_y)
    labels = [_short(lane) for lane in lane_y]
    return {
        "height": int(min(860, max(340, 200 + 30 * n_lanes))),
        # Room for the lanes' names from the start: when Plotly has to widen a margin for its
        # labels it draws the whole chart again (the axes still widen it if a name needs more).
        "margin": {"l": label_margin(labels), "r": 8, "t": 64, "b": 8},
        "hovermode": "closest",
        "hoverlabel": {"namelength": -1, "align": "left"},
        "barmode": "overlay",  # the counted view's cells sit on their lane, never side by side
        "dragmode": "pan",
        # The legend on top, where it is read first, above the dates; no title to collide with.
        "legend": {"orientation": "h", "yref": "container", "yanchor": "top", "y": 1.0, "xanchor": "left", "x": 0,
                   "font": {"size": 11}},
        "uirevision": f"{lo}|{hi}",
        # Tick labels may not run past the chart anyway; Plotly's check that hides those that
        # would measures every label again for each label drawn.
        "xaxis": {
            "type": "date",
            "side": "top",
            "range": [_iso(lo - pad), _iso(hi + pad)],
            "showgrid": True,
            "ticklabeloverflow": "allow",
        },
        "yaxis": {
            "tickmode": "array",
            "tickvals": list(lane_y.values()),
            "ticktext": labels,
            "tickfont": {"size": 11},
            "range": [n_lanes - 0.5, -0.5],  # most frequent lane on top
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "ticklabeloverflow": "allow",
            # Faint separators make the lanes readable (grid lines: cheaper to draw than shapes).
            "minor": {"tickmode": "array", "tickvals": [y + 0.5 for y in lane_y.values()], "ticklen": 0,
                      "showgrid": True, "gridcolor": "rgba(128,128,128,0.18)", "gridwidth": 1},
        },
    }


#: Rough widths of characters in ems, a little wider than the page's sans serif, to reserve
#: the lanes' names their margin.
_NARROW, _SLIM, _WIDE = set("ijlI.,:;'|!"), set("ftr()[] -/"), set("mwMW…")


def label_margin(labels: list[str], size: float = 11.0) -> int:
    """Left margin for the lanes' names at ``size`` px plus the axis' padding. Too narrow costs
    only a second draw (Plotly widens it); too wide takes width from a phone's chart."""
    def ems(label: str) -> float:
        return sum(0.25 if c in _NARROW else 0.31 if c in _SLIM else 0.82 if c in _WIDE
                   else 0.64 if c.isupper() else 0.53 for c in html.unescape(label))
    return int(np.ceil(max((ems(label) for label in labels), default=0.0) * size)) + 15


def _iso(ts: pd.Timestamp) -> str:
    return pd.Timestamp(ts).strftime("%Y-%m-%d")


def _short(label: str, limit: int = 16) -> str:
    # Short enough that the lanes' names leave a phone's chart most of its width.
    return esc(label if len(label) <= limit else label[: limit - 1] + "…")


def _empty_figure(window) -> dict:
    return {"data": [], "layout": {
        "height": 220, "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "xaxis": {"type": "date", "visible": True}, "yaxis": {"visible": False},
        "annotations": [{"text": "No dated event in this window", "showarrow": False,
                         "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}],
    }}


def highlight_trace(
    places: pd.DataFrame, timeline: Timeline, name: str, colour: str, symbol: str = "circle-open", size: int = 20
) -> dict | None:
    """Rings around given facts in every lane they occupy (the selection, new additions).

    ``places``: the store's ``fact_places`` answer (fact_id, d_start, d_end, granularity,
    placed, lanes).
    """
    places = places[places["placed"].astype(bool).to_numpy()] if not places.empty else places
    if places.empty or timeline.mode != "events":
        return None
    offsets = jitter(places["fact_id"])
    xs, ys, ids = [], [], []
    for row, offset in zip(places.itertuples(index=False), offsets):
        start, end = pd.Timestamp(row.d_start), pd.Timestamp(row.d_end)
        is_point = row.granularity == "day" or start == end
        centre = start if is_point else start + (end + pd.Timedelta(days=1) - start) / 2
        for lane in dict.fromkeys(lane if lane in timeline.lane_y else timeline.other_lane for lane in row.lanes):
            if lane is None:
                continue
            xs.append(centre.value / 1e6)  # Timestamp.value is in nanoseconds whatever the unit
            ys.append(timeline.y_of.get((row.fact_id, lane), timeline.lane_y[lane] + offset))
            ids.append(row.fact_id)
    if not xs:
        return None
    return {
        "type": "scatter", "x": xs, "y": ys, "mode": "markers", "name": name, "customdata": ids,
        "hoverinfo": "skip",
        "marker": {"symbol": symbol, "size": size, "color": colour, "line": {"width": 3, "color": colour}},
    }


def figure_fact_ids(spec: dict) -> set[str]:
    """Fact ids drawn in a figure spec (for tests and the benchmark)."""
    ids: set[str] = set()
    for trace in spec.get("data", []):
        if trace.get("hoverinfo") == "skip":
            continue
        customdata = trace.get("customdata")
        for value in [] if customdata is None else customdata:
            if isinstance(value, str) and not value.startswith(BIN_PREFIX):
                ids.add(value)
    return ids


def bin_window(customdata: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The period a clicked density cell stands for."""
    if not isinstance(customdata, str) or not customdata.startswith(BIN_PREFIX):
        return None
    lo, _, hi = customdata[len(BIN_PREFIX):].partition("..")
    try:
        return pd.Timestamp(lo), pd.Timestamp(hi)
    except ValueError:
        return None
