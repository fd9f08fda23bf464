"""The timeline as a Plotly figure, built from plain data (no Streamlit here).

Precision is drawn honestly: a day is a dot; a week, month, season, quarter,
year, decade or range is a bar over the whole period it covers (with a small
diamond at its middle to hover or click). Unresolved events are never drawn:
the page lists them apart.

Past ``WEBGL_THRESHOLD`` marks the traces switch to WebGL; past
``AGGREGATE_THRESHOLD`` the window is too wide to show single events usefully,
so events are counted per lane and period instead, and clicking a bubble
narrows the window to that period.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .data import NO_ACTOR, NO_TOPIC
from .safe_text import esc

WEBGL_THRESHOLD = 1_500
AGGREGATE_THRESHOLD = 4_000
MAX_LANES = 18
NO_OUTLET = "(unknown outlet)"
DAY_MS = 86_400_000.0
BIN_PREFIX = "bin:"

# Colour-blind-safe qualitative palette (Plotly's "Safe"), topics get colours
# in a fixed order so a topic keeps its colour whatever the filters.
PALETTE = [
    "#88CCEE", "#CC6677", "#DDCC77", "#117733", "#332288", "#AA4499",
    "#44AA99", "#999933", "#882255", "#661100", "#6699CC",
]
NO_TOPIC_COLOUR = "#8a8a8a"


def topic_colours(all_topics: list[str]) -> dict[str, str]:
    colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(all_topics))}
    colours[NO_TOPIC] = NO_TOPIC_COLOUR
    return colours


@dataclass
class Timeline:
    figure: dict  # a Plotly figure spec ({"data": [...], "layout": {...}}), built without validation cost
    mode: str  # "events", "aggregated" or "empty"
    events_drawn: int
    lane_y: dict[str, float] = field(default_factory=dict)
    lanes: str = "Actor"
    other_lane: str | None = None
    period: str = ""  # the aggregation period, e.g. "year"


def lane_values(frame: pd.DataFrame, lanes: str) -> pd.Series:
    """Each event's lanes (an event naming two actors sits in both actor lanes)."""
    if lanes == "Topic":
        return frame["topics"].map(lambda xs: xs or [NO_TOPIC])
    if lanes == "Outlet":
        return frame["source"].map(lambda s: [s or NO_OUTLET])
    return frame["actors"].map(lambda xs: xs or [NO_ACTOR])


def _to_ms(values: pd.Series) -> np.ndarray:
    """Timestamps as epoch milliseconds: Plotly date axes accept them, and numbers
    travel as compact typed arrays instead of one string per point."""
    return values.to_numpy(dtype="datetime64[ms]").astype("int64").astype("float64")


def _hover(rows: pd.DataFrame) -> list[str]:
    out = []
    for date_text, value, gran, start, end, snippet, source, published in zip(
        rows["date_text"], rows["value"], rows["granularity"], rows["date_start"],
        rows["date_end"], rows["snippet"], rows["source"], rows["published"],
    ):
        covers = start if start == end else f"{start} – {end}"
        out.append(
            f"<b>“{esc(date_text)}”</b> → {esc(value)} ({esc(gran)})<br>"
            f"covers {esc(covers)}<br>{esc(snippet)}<br><i>{esc(source)}, {esc(published)}</i>"
        )
    return out


def _lane_layout(counts: pd.Series, lanes: str) -> tuple[dict[str, float], str | None]:
    """Lanes by event count; beyond MAX_LANES the rest share one 'other' lane."""
    order = list(counts.index)
    for empty in (NO_ACTOR, NO_TOPIC, NO_OUTLET):  # keep the catch-alls at the bottom
        if empty in order:
            order.remove(empty)
            order.append(empty)
    other = None
    if len(order) > MAX_LANES:
        other = f"(other {lanes.lower()}s)"
        order = order[: MAX_LANES - 1] + [other]
    return {lane: float(i) for i, lane in enumerate(order)}, other


def build_timeline(
    frame: pd.DataFrame,
    lanes: str,
    window: tuple[pd.Timestamp, pd.Timestamp] | None,
    colours: dict[str, str],
    *,
    webgl_threshold: int = WEBGL_THRESHOLD,
    aggregate_threshold: int = AGGREGATE_THRESHOLD,
) -> Timeline:
    """The figure for the filtered events inside the visible window."""
    placed = frame[frame["placed"].to_numpy()]
    if window is not None:
        lo, hi = window
        placed = placed[(placed["end"] >= lo).to_numpy() & (placed["start"] <= hi).to_numpy()]
    placed = placed.reset_index(drop=True)
    exploded = lane_values(placed, lanes).explode()
    marks = pd.DataFrame({"pos": exploded.index.to_numpy(), "lane": exploded.to_numpy()})
    if marks.empty:
        return Timeline(_empty_figure(window), "empty", 0, lanes=lanes)
    lane_y, other = _lane_layout(marks["lane"].value_counts(), lanes)
    if other is not None:
        marks.loc[~marks["lane"].isin(lane_y), "lane"] = other
        marks = marks.drop_duplicates(["pos", "lane"])
    marks["y"] = marks["lane"].map(lane_y) + placed["jitter"].to_numpy()[marks["pos"].to_numpy()]

    if len(marks) > aggregate_threshold:
        traces, period = _aggregated_traces(placed, marks, colours, window, lane_y)
        mode = "aggregated"
    else:
        traces = _event_traces(placed, marks, colours, gl=len(marks) > webgl_threshold)
        mode, period = "events", ""
    figure = {"data": traces, "layout": _layout(lane_y, window, placed)}
    return Timeline(figure, mode, len(placed), lane_y, lanes, other, period)


def _event_traces(placed: pd.DataFrame, marks: pd.DataFrame, colours: dict[str, str], gl: bool) -> list[dict]:
    kind = "scattergl" if gl else "scatter"
    traces: list[dict] = []
    rows = placed.iloc[marks["pos"].to_numpy()].reset_index(drop=True)
    rows["y"] = marks["y"].to_numpy()
    rows["is_point"] = (rows["granularity"] == "day") | (rows["start"] == rows["end"])
    for topic, group in rows.groupby("main_topic", sort=True):
        colour = colours.get(topic, NO_TOPIC_COLOUR)
        points = group[group["is_point"]]
        spans = group[~group["is_point"]]
        if not spans.empty:
            start_ms = _to_ms(spans["start"])
            end_ms = _to_ms(spans["end"]) + DAY_MS  # a period covers its whole last day
            gap = np.full(len(spans), np.nan)
            traces.append({
                "type": kind, "mode": "lines", "name": topic, "legendgroup": topic, "showlegend": False,
                "x": np.column_stack([start_ms, end_ms, gap]).ravel(),
                "y": np.column_stack([spans["y"], spans["y"], gap]).ravel(),
                "line": {"color": colour, "width": 7}, "opacity": 0.45, "hoverinfo": "skip",
            })
            traces.append({
                "type": kind, "mode": "markers", "name": topic, "legendgroup": topic,
                "showlegend": points.empty,
                "x": (start_ms + end_ms) / 2, "y": spans["y"].to_numpy(),
                "marker": {"symbol": "diamond", "size": 8, "color": colour, "line": {"width": 1, "color": "#333"}},
                "customdata": spans["event_id"].tolist(), "hovertext": _hover(spans), "hoverinfo": "text",
            })
        if not points.empty:
            traces.append({
                "type": kind, "mode": "markers", "name": topic, "legendgroup": topic, "showlegend": True,
                "x": _to_ms(points["start"]), "y": points["y"].to_numpy(),
                "marker": {"symbol": "circle", "size": 9, "color": colour, "line": {"width": 1, "color": "#333"}},
                "customdata": points["event_id"].tolist(), "hovertext": _hover(points), "hoverinfo": "text",
            })
    return traces


def _period_for(span_days: float) -> tuple[str, str]:
    """The counting period: about a hundred bins or fewer across the window."""
    if span_days > 365 * 15:
        return "Y", "year"
    if span_days > 365 * 3:
        return "Q", "quarter"
    return "M", "month"


def _aggregated_traces(placed, marks, colours, window, lane_y) -> tuple[list[dict], str]:
    middle = placed["start"] + (placed["end"] + pd.Timedelta(days=1) - placed["start"]) / 2
    lo = window[0] if window else placed["start"].min()
    hi = window[1] if window else placed["end"].max()
    alias, period = _period_for((hi - lo).days)
    periods = middle.dt.to_period(alias)
    pos = marks["pos"].to_numpy()
    cells = pd.DataFrame({
        "lane": marks["lane"].to_numpy(),
        "bin": periods.dt.start_time.to_numpy()[pos],
        "end": periods.dt.end_time.dt.normalize().to_numpy()[pos],
        "topic": placed["main_topic"].to_numpy()[pos],
    })
    by_topic = cells.groupby(["lane", "bin", "end", "topic"]).size().rename("n").reset_index()
    totals = by_topic.groupby(["lane", "bin"])["n"].transform("sum")
    by_topic["total"] = totals
    # One bubble per lane and period, coloured by its most frequent topic.
    bubbles = by_topic.sort_values(["n", "topic"], ascending=[False, True]).drop_duplicates(["lane", "bin"])
    biggest = max(int(bubbles["total"].max()), 1)
    traces: list[dict] = []
    for topic, group in bubbles.groupby("topic", sort=True):
        hover = [
            f"<b>{n} event{'s' if n != 1 else ''}</b> · {esc(lane)}<br>{period} from {b:%Y-%m-%d} to {e:%Y-%m-%d}<br>"
            f"mostly {esc(topic)}<br><i>click to zoom to this {period}</i>"
            for n, lane, b, e in zip(group["total"], group["lane"], group["bin"], group["end"])
        ]
        traces.append({
            "type": "scattergl", "mode": "markers", "name": topic, "legendgroup": topic,
            "x": _to_ms(group["bin"] + (group["end"] + pd.Timedelta(days=1) - group["bin"]) / 2),
            "y": group["lane"].map(lane_y).to_numpy(dtype=float),
            "marker": {
                "size": (6 + 26 * np.sqrt(group["total"].to_numpy() / biggest)).round(1),
                "color": colours.get(topic, NO_TOPIC_COLOUR), "opacity": 0.75,
                "line": {"width": 1, "color": "#333"},
            },
            "customdata": [f"{BIN_PREFIX}{b:%Y-%m-%d}..{e:%Y-%m-%d}" for b, e in zip(group["bin"], group["end"])],
            "hovertext": hover, "hoverinfo": "text",
        })
    return traces, period


def _layout(lane_y: dict[str, float], window, placed: pd.DataFrame) -> dict:
    lo = window[0] if window else placed["start"].min()
    hi = window[1] if window else placed["end"].max() + pd.Timedelta(days=1)
    pad = max((hi - lo) * 0.02, pd.Timedelta(days=3))
    n_lanes = len(lane_y)
    return {
        "height": int(min(820, max(320, 170 + 30 * n_lanes))),
        "margin": {"l": 8, "r": 8, "t": 30, "b": 8},
        "hovermode": "closest",
        "dragmode": "pan",
        # Dates on top where they are seen first; the legend under the range slider.
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0,
                   "title": {"text": "Topic "}},
        "uirevision": f"{lo}|{hi}",
        "xaxis": {
            "type": "date",
            "side": "top",
            "range": [_iso(lo - pad), _iso(hi + pad)],
            "rangeslider": {"visible": True, "thickness": 0.07},
            "showgrid": True,
        },
        "yaxis": {
            "tickmode": "array",
            "tickvals": list(lane_y.values()),
            "ticktext": [_short(lane) for lane in lane_y],
            "range": [n_lanes - 0.5, -0.5],  # most frequent lane on top
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
        },
        # Faint separators make the lanes readable.
        "shapes": [
            {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": y + 0.5, "y1": y + 0.5,
             "line": {"width": 1, "color": "rgba(0,0,0,0.08)"}, "layer": "below"}
            for y in lane_y.values()
        ],
    }


def _iso(ts: pd.Timestamp) -> str:
    return pd.Timestamp(ts).strftime("%Y-%m-%d")


def _short(label: str, limit: int = 22) -> str:
    return esc(label if len(label) <= limit else label[: limit - 1] + "…")


def _empty_figure(window) -> dict:
    return {"data": [], "layout": {
        "height": 220, "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "xaxis": {"type": "date", "visible": True}, "yaxis": {"visible": False},
        "annotations": [{"text": "No dated event in this window", "showarrow": False,
                         "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}],
    }}


def highlight_trace(
    rows: pd.DataFrame, timeline: Timeline, name: str, colour: str, symbol: str = "circle-open", size: int = 20
) -> dict | None:
    """Rings around given events in every lane they occupy (the selection, new additions)."""
    rows = rows[rows["placed"].to_numpy()]
    if rows.empty or timeline.mode != "events":
        return None
    lanes = lane_values(rows, timeline.lanes)
    xs, ys, ids = [], [], []
    for (_, row), row_lanes in zip(rows.iterrows(), lanes):
        is_point = row["granularity"] == "day" or row["start"] == row["end"]
        centre = row["start"] if is_point else row["start"] + (row["end"] + pd.Timedelta(days=1) - row["start"]) / 2
        for lane in dict.fromkeys(lane if lane in timeline.lane_y else timeline.other_lane for lane in row_lanes):
            if lane is None:
                continue
            xs.append(centre.value / 1e6)
            ys.append(timeline.lane_y[lane] + row["jitter"])
            ids.append(row["event_id"])
    if not xs:
        return None
    return {
        "type": "scatter", "x": xs, "y": ys, "mode": "markers", "name": name, "customdata": ids,
        "hoverinfo": "skip",
        "marker": {"symbol": symbol, "size": size, "color": colour, "line": {"width": 3, "color": colour}},
    }


def figure_event_ids(spec: dict) -> set[str]:
    """Event ids drawn in a figure spec (for tests and the benchmark)."""
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
    """The period a clicked aggregate bubble stands for."""
    if not isinstance(customdata, str) or not customdata.startswith(BIN_PREFIX):
        return None
    lo, _, hi = customdata[len(BIN_PREFIX):].partition("..")
    try:
        return pd.Timestamp(lo), pd.Timestamp(hi)
    except ValueError:
        return None

