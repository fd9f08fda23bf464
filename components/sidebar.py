"""The filter sidebar: one control per entry of ``newsline.filters.FILTERS``, in its order.

Each entry names its kind of widget; ``WIDGETS`` draws each kind and turns what the
reader picked into the entry's fields. Bound entries keep their URL key themselves
(``bind="query-params"``). Actors, dates and "confirmed by at least N sources" are seeded
from a validated link by ``view_state`` (actor labels carry counts, which must not end up
in links; a bound number input cannot refuse ``inf``). The options come from the store's
facets, counted once per data version.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from newsline.actors import ActorMatcher
from newsline.errors import NewslineError
from newsline.filters import FILTERS, MAX_SOURCES, Filter, Filters, dates_as_shown, picker_bounds, search_notice
from newsline.query import Facets
from newsline.wordforms import fold

from .safe_text import markdown_literal


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


def _actors(sb, spec: Filter, facets: Facets) -> dict:
    counts = facets.actors
    actors = list(counts)
    _keep_known("actor", actors)
    aliases = actor_aliases(tuple(actors))
    chosen = sb.multiselect(spec.label, actors, key="actor",
                            format_func=lambda a: actor_label(a, counts.get(a, 0), aliases.get(a, ())),
                            placeholder=spec.placeholder, help=spec.help)
    return {"actors": tuple(chosen)}


def _dates(sb, spec: Filter, facets: Facets) -> dict:
    """The filter shows the span the chart opens on (far older outliers aside); an end left at
    that span, or at the table's own extent, restricts nothing."""
    extent = facets.extent
    span = facets.fitted or extent
    _follow_extent(span)
    if extent is None:
        return {}
    lowest, highest = picker_bounds(extent)
    current = tuple(st.session_state.get("dates") or span)
    st.session_state["dates"] = tuple(min(max(d, lowest), highest) for d in current)
    picked = sb.date_input(spec.label, key="dates", min_value=lowest, max_value=highest, format="YYYY-MM-DD",
                           help=spec.help)
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,) if picked else ()
    date_from, date_to = dates_as_shown(*(picked + (None, None))[:2], extent)
    if span is not None:
        date_from = None if date_from == span[0] else date_from
        date_to = None if date_to == span[1] else date_to
    return {"date_from": date_from, "date_to": date_to}


def _options(sb, spec: Filter, facets: Facets) -> dict:
    """A multiselect of the values the store holds (the facet named like the entry)."""
    [(name, _)] = spec.fields
    chosen = sb.multiselect(spec.label, list(getattr(facets, spec.name)), key=spec.keys[0], bind="query-params",
                            placeholder=spec.placeholder)
    return {name: tuple(chosen)}


def _text(sb, spec: Filter, facets: Facets) -> dict:
    [(name, _)] = spec.fields
    value = sb.text_input(spec.label, key=spec.keys[0], bind="query-params", placeholder=spec.placeholder,
                          help=spec.help or None)
    notice = search_notice(value or "") if name == "search" else None
    if notice:  # a hostile link's thousands of words: say what was read
        sb.caption(markdown_literal(notice))
    return {name: (value or "").strip()}


def _toggle(sb, spec: Filter, facets: Facets) -> dict:
    [(name, _)] = spec.fields
    return {name: bool(sb.toggle(spec.label, key=spec.keys[0], bind="query-params"))}


def _choice(sb, spec: Filter, facets: Facets) -> dict:
    """Radio buttons showing the labels; the URL carries the label too."""
    [(name, default)] = spec.fields
    labels = [label for _, label in spec.options]
    picked = sb.radio(spec.label, labels, key=spec.keys[0], bind="query-params", horizontal=True,
                      help=spec.help or None)
    return {name: {label: value for value, label in spec.options}.get(picked, default)}


def _sources(sb, spec: Filter, facets: Facets) -> dict:
    value = sb.number_input(spec.label, min_value=1, max_value=MAX_SOURCES, step=1, key="min_sources",
                            help=spec.help.format(max_sources=facets.max_sources))
    return {"min_sources": int(value or 1)}


#: Each kind of control: how to draw it (returning the entry's fields) and its value after a reset.
WIDGETS = {
    "actors": (_actors, []),
    "dates": (_dates, None),
    "options": (_options, []),
    "text": (_text, ""),
    "toggle": (_toggle, False),
    "choice": (_choice, None),  # the first option's label
    "sources": (_sources, 1),
}


def _reset_value(spec: Filter):
    if spec.widget == "choice":
        return spec.options[0][1]
    value = WIDGETS[spec.widget][1]
    return list(value) if isinstance(value, list) else value


def reset_filters(extent: tuple[date, date] | None) -> None:
    """Back to everything (a button callback, so it may set widget state)."""
    for spec in FILTERS:
        if spec.widget != "dates":
            st.session_state[spec.keys[0]] = _reset_value(spec)
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


def render_sidebar(facets: Facets) -> Filters:
    sb = st.sidebar
    sb.header("Filters", anchor=False)
    values: dict = {}
    section = ""
    for spec in FILTERS:
        if spec.section and spec.section != section:
            sb.markdown(f"**{spec.section}**")
        section = spec.section
        values.update(WIDGETS[spec.widget][0](sb, spec, facets))
    sb.button("Reset all filters", key="reset_sidebar", on_click=reset_filters, args=(facets.fitted or facets.extent,),
              width="stretch")
    return Filters(**values)
