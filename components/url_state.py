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
data is dropped with a one-line notice; nothing in a query string can raise. The
filters' keys, values and notices come from ``newsline.filters.FILTERS``; this module
adds the parts of a view that are not filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from newsline.filters import FILTERS, NO_TOPIC, Filters, link_pairs, parse_iso_day, quote_value, read_link

LANE_OPTIONS = ("Actor", "Named actor", "Topic", "Outlet")
COLOUR_OPTIONS = ("Topic", "Action")
TAB_OPTIONS = ("Timeline", "Table", "Add articles")
WINDOW_SEPARATOR = ".."
#: The URL keys of the filters whose widgets do not bind themselves: written here.
MANUAL_KEYS = tuple(key for spec in FILTERS if not spec.bound for key in spec.keys)


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

    filters: Filters = field(default_factory=Filters)  # every filter the link sets
    actors: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    window: tuple[date, date] | None = None
    fact: str | None = None
    hidden: list[str] = field(default_factory=list)  # topics switched off in the chart's legend
    min_sources: int = 1
    notices: list[str] = field(default_factory=list)


def read_seed(params: Mapping[str, list[str]], known: Known) -> Seed:
    """Validate every parameter of a link against the data; collect notices for the rest."""
    seed = Seed()

    def values(key: str) -> list[str]:
        return [v for v in params.get(key, []) if v != ""]

    flt, problems = read_link(params, {"actor": known.actors, "topic": known.topics, "outlet": known.outlets})
    seed.filters, seed.actors, seed.min_sources = flt, list(flt.actors), flt.min_sources
    seed.date_from, seed.date_to = flt.date_from, flt.date_to
    for topic in dict.fromkeys(values("hide")):  # topics switched off in the chart's legend
        if topic in known.topics or topic == NO_TOPIC:
            seed.hidden.append(topic)
        else:
            problems.append(f"unknown topic {quote_value(topic)}")

    raw_window = values("window")
    if raw_window:
        lo, _, hi = raw_window[-1].partition(WINDOW_SEPARATOR)
        start, end = parse_iso_day(lo), parse_iso_day(hi)
        if start and end and start <= end:
            seed.window = (start, end)
        else:
            problems.append(f"bad time window {quote_value(raw_window[-1])}")

    for key, what in (("fact", "fact"), ("event", "event")):  # "event": links from before facts
        raw = values(key)
        if raw and seed.fact is None:
            seed.fact = known.resolve(raw[-1])
            if seed.fact is None:
                problems.append(f"the linked {what} {quote_value(raw[-1], 16)} is not in this table")

    for key, allowed in (("lanes", LANE_OPTIONS), ("colour", COLOUR_OPTIONS), ("tab", TAB_OPTIONS)):
        raw = values(key)
        if raw and raw[-1] not in allowed:
            problems.append(f"unknown {key} {quote_value(raw[-1])}")
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
    out: dict[str, list[str]] = {key: [] for key in MANUAL_KEYS}
    for key, value in link_pairs(flt):
        if key in out:
            out[key].append(value)
    out["window"] = [f"{window[0].isoformat()}{WINDOW_SEPARATOR}{window[1].isoformat()}"] if window else []
    out["hide"] = sorted(hidden)
    out["fact"] = [fact] if fact else []
    out["event"] = []
    return out


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
    colour: str = COLOUR_OPTIONS[0],
) -> list[tuple[str, str]]:
    """Every part of the view as ordered query pairs, defaults left out."""
    pairs = link_pairs(flt)
    if lanes != LANE_OPTIONS[0]:
        pairs.append(("lanes", lanes))
    if colour != COLOUR_OPTIONS[0]:
        pairs.append(("colour", colour))
    if window:
        pairs.append(("window", f"{window[0].isoformat()}{WINDOW_SEPARATOR}{window[1].isoformat()}"))
    pairs += [("hide", t) for t in sorted(hidden)]
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
