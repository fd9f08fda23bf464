"""The view lives in the URL: reading a (possibly tampered) query string, writing it back.

Simple widgets bind themselves to the URL (``bind="query-params"``): topic,
outlet, search, precision toggles, tense, lanes and tab. The rest is kept
here with ``st.query_params`` because it needs validation with a notice
(actors, dates, the visible window, the selected fact, "confirmed by at least
N sources": Streamlit's own seeding of a bound number input raises on
``min_sources=inf``) or labels that must not leak into the URL (actor counts).

The selected fact travels as ``fact=ID``: a merged fact's id, or for a fact of
one event that event's id. Links from before facts existed say ``event=ID``;
any event id still opens the fact that holds it.

A link is read once, when a session starts. Anything that does not fit the
data is dropped with a one-line notice; nothing in a query string can raise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from newsline.query import NO_TOPIC

from .filters import Filters

LANE_OPTIONS = ("Actor", "Topic", "Outlet")
TAB_OPTIONS = ("Timeline", "Table", "Add articles")
TENSE_OPTIONS = ("All", "Past", "Future", "Present")
BOOL_VALUES = {"true": True, "false": False}
MAX_SOURCES = 99  # the "confirmed by at least" input's upper bound
WINDOW_SEPARATOR = ".."


@dataclass
class Known:
    """What the loaded data can answer to; anything else in a link is stale."""

    actors: set[str]
    topics: set[str]
    outlets: set[str]
    resolve: Callable[[str], str | None]  # a fact or event id -> the id of the fact shown for it


@dataclass
class Seed:
    """Validated values for the widgets that are not bound to the URL."""

    actors: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    window: tuple[date, date] | None = None
    fact: str | None = None
    hidden: list[str] = field(default_factory=list)  # topics switched off in the chart's legend
    min_sources: int = 1
    notices: list[str] = field(default_factory=list)


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if len(text.strip()) == 10 else None
    except ValueError:
        return None


def _quote(value: str, limit: int = 40) -> str:
    value = value if len(value) <= limit else value[:limit] + "…"
    return f"“{value}”"


def read_seed(params: Mapping[str, list[str]], known: Known) -> Seed:
    """Validate every parameter of a link against the data; collect notices for the rest."""
    seed = Seed()
    problems: list[str] = []

    def values(key: str) -> list[str]:
        return [v for v in params.get(key, []) if v != ""]

    for actor in dict.fromkeys(values("actor")):
        if actor in known.actors:
            seed.actors.append(actor)
        else:
            problems.append(f"unknown actor {_quote(actor)}")
    for key, allowed in (("topic", known.topics), ("outlet", known.outlets)):
        problems += [f"unknown {key} {_quote(v)}" for v in values(key) if v not in allowed]
    for topic in dict.fromkeys(values("hide")):
        if topic in known.topics or topic == NO_TOPIC:
            seed.hidden.append(topic)
        else:
            problems.append(f"unknown topic {_quote(topic)}")

    for key in ("from", "to"):
        raw = values(key)
        if raw:
            parsed = parse_day(raw[-1])
            if parsed is None:
                problems.append(f"bad date {_quote(raw[-1])}")
            setattr(seed, "date_from" if key == "from" else "date_to", parsed)
    if seed.date_from and seed.date_to and seed.date_from > seed.date_to:
        problems.append("the date range ends before it starts")
        seed.date_from = seed.date_to = None

    raw_window = values("window")
    if raw_window:
        lo, _, hi = raw_window[-1].partition(WINDOW_SEPARATOR)
        start, end = parse_day(lo), parse_day(hi)
        if start and end and start <= end:
            seed.window = (start, end)
        else:
            problems.append(f"bad time window {_quote(raw_window[-1])}")

    for key, what in (("fact", "fact"), ("event", "event")):  # "event": links from before facts
        raw = values(key)
        if raw and seed.fact is None:
            seed.fact = known.resolve(raw[-1])
            if seed.fact is None:
                problems.append(f"the linked {what} {_quote(raw[-1], 16)} is not in this table")

    raw_sources = values("min_sources")
    if raw_sources:
        raw = raw_sources[-1]
        if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_SOURCES:
            seed.min_sources = int(raw)
        else:
            problems.append(f"min_sources must be a whole number from 1 to {MAX_SOURCES}")

    for key, allowed in (("tense", TENSE_OPTIONS), ("lanes", LANE_OPTIONS), ("tab", TAB_OPTIONS)):
        raw = values(key)
        if raw and raw[-1] not in allowed:
            problems.append(f"unknown {key} {_quote(raw[-1])}")
    for key in ("hide_year", "hide_unresolved"):
        raw = values(key)
        if raw and raw[-1] not in BOOL_VALUES:
            problems.append(f"{key} must be true or false")
    seed.notices = problems
    return seed


def params_of(query_params) -> dict[str, list[str]]:
    """``st.query_params`` (or a plain mapping) as key → list of values."""
    if hasattr(query_params, "get_all"):
        return {key: list(query_params.get_all(key)) for key in query_params}
    out: dict[str, list[str]] = {}
    for key, value in query_params.items():
        out[key] = [value] if isinstance(value, str) else list(value)
    return out


def manual_params(flt: Filters, window: tuple[date, date] | None, fact: str | None,
                  hidden: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """The URL parameters this module owns, for the current view (defaults omitted).

    ``event`` is always cleared: an old link's event is rewritten as its fact.
    """
    return {
        "actor": list(flt.actors),
        "from": [flt.date_from.isoformat()] if flt.date_from else [],
        "to": [flt.date_to.isoformat()] if flt.date_to else [],
        "window": [f"{window[0].isoformat()}{WINDOW_SEPARATOR}{window[1].isoformat()}"] if window else [],
        "min_sources": [str(flt.min_sources)] if flt.min_sources > 1 else [],
        "hide": sorted(hidden),
        "fact": [fact] if fact else [],
        "event": [],
    }


def write_manual_params(query_params, wanted: dict[str, list[str]]) -> None:
    """Make the browser's address bar match; only touches keys this module owns."""
    for key, value in wanted.items():
        current = list(query_params.get_all(key)) if key in query_params else []
        if current == value:
            continue
        if value:
            query_params[key] = value if len(value) > 1 else value[0]
        elif key in query_params:
            del query_params[key]


def view_pairs(
    flt: Filters,
    lanes: str,
    window: tuple[date, date] | None,
    fact: str | None,
    tab: str,
    hidden: tuple[str, ...] = (),
) -> list[tuple[str, str]]:
    """Every part of the view as ordered query pairs, defaults left out."""
    manual = manual_params(flt, window, fact, hidden)
    pairs: list[tuple[str, str]] = []
    pairs += [("actor", a) for a in manual["actor"]]
    pairs += [("topic", t) for t in flt.topics]
    pairs += [("outlet", o) for o in flt.outlets]
    pairs += [(k, manual[k][0]) for k in ("from", "to") if manual[k]]
    if flt.search.strip():
        pairs.append(("q", flt.search))
    if flt.hide_year_only:
        pairs.append(("hide_year", "true"))
    if flt.hide_unresolved:
        pairs.append(("hide_unresolved", "true"))
    if flt.tense != "all":
        pairs.append(("tense", flt.tense.capitalize()))
    pairs += [("min_sources", v) for v in manual["min_sources"]]
    if lanes != LANE_OPTIONS[0]:
        pairs.append(("lanes", lanes))
    if manual["window"]:
        pairs.append(("window", manual["window"][0]))
    pairs += [("hide", t) for t in manual["hide"]]
    if tab != TAB_OPTIONS[0]:
        pairs.append(("tab", tab))
    if fact:
        pairs.append(("fact", fact))
    return pairs


def share_link(base_url: str | None, pairs: Iterable[tuple[str, str]]) -> str:
    """An absolute link when the app knows its own address, else a relative one."""
    query = urlencode(list(pairs))
    base = (base_url or "").rstrip("/") + "/" if base_url else "./"
    return base + ("?" + query if query else "")
