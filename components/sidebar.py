"""The filter sidebar: every control that decides which events match.

Topic, outlet, search, precision and tense widgets bind themselves to the
URL. Actors, dates and "confirmed by at least N sources" are seeded from a
validated link by ``view_state`` (actor labels carry counts, which must not
end up in links; a bound number input cannot refuse ``inf``). The options come from the store's facets, counted once per
data version.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from newsline.actors import ActorMatcher
from newsline.errors import NewslineError
from newsline.query import Facets
from newsline.wordforms import fold

from .filters import Filters
from .url_state import MAX_SOURCES, TENSE_OPTIONS

WIDGET_DEFAULTS = {
    "actor": [],
    "topic": [],
    "outlet": [],
    "q": "",
    "hide_year": False,
    "hide_unresolved": False,
    "tense": TENSE_OPTIONS[0],
    "min_sources": 1,
}


def reset_filters(extent: tuple[date, date] | None) -> None:
    """Back to everything (a button callback, so it may set widget state)."""
    for key, value in WIDGET_DEFAULTS.items():
        st.session_state[key] = list(value) if isinstance(value, list) else value
    if extent is not None:
        st.session_state["dates"] = extent
    st.session_state["window_auto"] = True


def _follow_extent(extent: tuple[date, date] | None) -> None:
    """When the table's extent changes (a visitor adds an older event, the table is rebuilt),
    an end of the date range the visitor left at the old extent moves with it; an end they
    chose stays."""
    previous = st.session_state.get("dates_extent")
    current = st.session_state.get("dates")
    if extent is not None and previous is not None and current and tuple(previous) != tuple(extent):
        current = tuple(current) if isinstance(current, (tuple, list)) else (current,)
        lo = extent[0] if current[0] == previous[0] else current[0]
        hi = extent[1] if len(current) < 2 or current[1] == previous[1] else current[1]
        st.session_state["dates"] = (lo, hi)
    st.session_state["dates_extent"] = extent


def _keep_known(key: str, options: list[str]) -> None:
    # A value the options no longer hold (an addition discarded) would make the widget raise.
    if key in st.session_state:
        allowed = set(options)
        st.session_state[key] = [v for v in st.session_state[key] if v in allowed]


@st.cache_data(max_entries=1, show_spinner=False)
def actor_aliases(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The knowledge base's other names for each actor, as the picker lets people type them."""
    try:
        matcher = ActorMatcher.default()
    except NewslineError:  # a table shown without its knowledge base: names only
        return {}
    known = set(matcher.names())
    return {name: tuple(matcher.aliases_of(name)) for name in names if name in known}


def actor_label(name: str, count: int, aliases: tuple[str, ...] = ()) -> str:
    """"Juan Guaidó (18) · Juan Guaido": the picker filters on its labels, so a name typed
    without accents, or an alias ("Maduro", "Trump", "EEUU"), finds the actor."""
    label = f"{name} ({count})"
    accent_free = [a for a in aliases if fold(a) == fold(name) and a != name][:1]
    words = sorted((a for a in aliases if " " not in a and fold(a) not in fold(label)), key=len)
    extras = list(dict.fromkeys(accent_free + words))[:3]
    return label + (" · " + ", ".join(extras) if extras else "")


def render_sidebar(facets: Facets) -> Filters:
    sb = st.sidebar
    sb.header("Filters", anchor=False)
    extent = facets.extent
    counts, topics, outlets = facets.actors, list(facets.topics), list(facets.outlets)
    actors = list(counts)
    _keep_known("actor", actors)
    aliases = actor_aliases(tuple(actors))
    chosen_actors = sb.multiselect(
        "Actors",
        actors,
        key="actor",
        format_func=lambda a: actor_label(a, counts.get(a, 0), aliases.get(a, ())),
        placeholder="All actors",
        help="Events whose sentence names any of these actors (type a name with or without accents, or an "
             "alias such as Maduro or EEUU). The number is how many events name them.",
    )

    _follow_extent(extent)
    if extent is not None:
        lowest, highest = min(extent[0], date(1900, 1, 1)), max(extent[1], date(2100, 12, 31))
        # A link may carry any date; the widget raises on one outside its bounds.
        current = tuple(st.session_state.get("dates") or extent)
        st.session_state["dates"] = tuple(min(max(d, lowest), highest) for d in current)
        picked = sb.date_input(
            "Dates",
            key="dates",
            min_value=lowest,
            max_value=highest,
            format="YYYY-MM-DD",
            help="Events whose period overlaps these dates. Unresolved dates are left out while this is narrowed.",
        )
    else:
        picked = ()
    date_from, date_to = _date_bounds(picked, extent)

    chosen_topics = sb.multiselect("Topics", topics, key="topic", bind="query-params", placeholder="All topics")
    chosen_outlets = sb.multiselect("Outlets", outlets, key="outlet", bind="query-params", placeholder="All outlets")
    search = sb.text_input(
        "Search the sentences", key="q", bind="query-params", placeholder="e.g. sanctions oil",
        help="Every word must appear in the sentence (or the date as written).",
    )
    sb.markdown("**Precision**")
    hide_year = sb.toggle("Hide year-only and vaguer dates", key="hide_year", bind="query-params")
    hide_unresolved = sb.toggle("Hide unresolved dates", key="hide_unresolved", bind="query-params")
    tense = sb.radio(
        "Reported or announced",
        TENSE_OPTIONS,
        key="tense",
        bind="query-params",
        horizontal=True,
        help="Past: the sentence reports something that happened. Future: it announces or expects it.",
    )
    sb.markdown("**Corroboration**")
    min_sources = sb.number_input(
        "Confirmed by at least … sources",
        min_value=1,
        max_value=MAX_SOURCES,
        step=1,
        key="min_sources",
        help="Independent sources: the articles that report a fact, with reprints of one story counted once. "
             f"1 shows every fact; the most corroborated fact in this table has {facets.max_sources}.",
    )
    sb.button("Reset all filters", key="reset_sidebar", on_click=reset_filters, args=(extent,), width="stretch")

    return Filters(
        actors=tuple(chosen_actors),
        topics=tuple(chosen_topics),
        outlets=tuple(chosen_outlets),
        date_from=date_from,
        date_to=date_to,
        search=search.strip(),
        hide_year_only=hide_year,
        hide_unresolved=hide_unresolved,
        tense=(tense or "All").lower(),
        min_sources=int(min_sources or 1),
    )


def _date_bounds(picked, extent) -> tuple[date | None, date | None]:
    """Only the ends that differ from the data's own extent restrict anything."""
    if extent is None or not picked:
        return None, None
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
    lo = picked[0] if picked[0] != extent[0] else None
    hi = picked[1] if len(picked) > 1 and picked[1] != extent[1] else None
    return lo, hi
