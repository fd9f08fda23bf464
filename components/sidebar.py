"""The filter sidebar: one control per entry of ``newsline.filters.FILTERS``, in its order.

Each entry names its kind of widget; ``CONTROLS`` draws each kind and turns its value into
the entry's fields. Every run starts with ``prepare_filters``, which reads the controls' values
from the session state (or, before a control is first drawn, from the link) through the same
conversion: a visit's first run draws its chart without the sidebar's controls
(``first_run``), and later runs draw them with ``render_sidebar``. Bound entries keep their URL
key themselves (``bind="query-params"``). Actors, dates and "confirmed by at least N sources" are seeded
from a validated link by ``view_state`` (actor labels carry counts, which must not end up
in links; a bound number input cannot refuse ``inf``). The options come from the store's
facets, counted once per data version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


def _draw_actors(sb, spec: Filter, facets: Facets):
    counts = facets.actors
    aliases = actor_aliases(tuple(counts))
    return sb.multiselect(spec.label, list(counts), key="actor",
                          format_func=lambda a: actor_label(a, counts.get(a, 0), aliases.get(a, ())),
                          placeholder=spec.placeholder, help=spec.help)


def _draw_dates(sb, spec: Filter, facets: Facets):
    if facets.extent is None:
        return None
    lowest, highest = picker_bounds(facets.extent)
    return sb.date_input(spec.label, key="dates", min_value=lowest, max_value=highest, format="YYYY-MM-DD",
                         help=spec.help)


def _dates(spec: Filter, picked, facets: Facets) -> dict:
    """The filter shows the span the chart opens on (far older outliers aside); an end left at
    that span, or at the table's own extent, restricts nothing."""
    extent = facets.extent
    if extent is None:
        return {}
    span = facets.fitted or extent
    picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,) if picked else ()
    date_from, date_to = dates_as_shown(*(picked + (None, None))[:2], extent)
    date_from = None if date_from == span[0] else date_from
    date_to = None if date_to == span[1] else date_to
    return {"date_from": date_from, "date_to": date_to}


def _draw_options(sb, spec: Filter, facets: Facets):
    """A multiselect of the values the store holds (the facet named like the entry)."""
    return sb.multiselect(spec.label, list(getattr(facets, spec.name)), key=spec.keys[0], bind="query-params",
                          placeholder=spec.placeholder)


def _draw_text(sb, spec: Filter, facets: Facets):
    value = sb.text_input(spec.label, key=spec.keys[0], bind="query-params", placeholder=spec.placeholder,
                          help=spec.help or None)
    notice = search_notice(value or "") if spec.name == "search" else None
    if notice:  # a hostile link's thousands of words: say what was read
        sb.caption(markdown_literal(notice))
    return value


def _draw_toggle(sb, spec: Filter, facets: Facets):
    return sb.toggle(spec.label, key=spec.keys[0], bind="query-params")


def _draw_choice(sb, spec: Filter, facets: Facets):
    """Radio buttons showing the labels; the URL carries the label too."""
    return sb.radio(spec.label, [label for _, label in spec.options], key=spec.keys[0], bind="query-params",
                    horizontal=True, help=spec.help or None)


def _choice(spec: Filter, picked, facets: Facets) -> dict:
    [(name, default)] = spec.fields
    return {name: {label: value for value, label in spec.options}.get(picked, default)}


def _draw_sources(sb, spec: Filter, facets: Facets):
    return sb.number_input(spec.label, min_value=1, max_value=MAX_SOURCES, step=1, key="min_sources",
                           help=spec.help.format(max_sources=facets.max_sources))


def _one(convert) -> Callable:
    """A control whose value is the entry's one field, as ``convert`` makes it."""
    def fields(spec: Filter, value, facets: Facets) -> dict:
        [(name, _)] = spec.fields
        return {name: convert(value)}
    return fields


@dataclass(frozen=True)
class Control:
    """A kind of sidebar control: its session-state key, how to draw it (returning its value),
    its value as the entry's fields, the value a link's filters give it, and its value after a
    reset (None: the first option's label)."""

    key: Callable[[Filter], str]
    draw: Callable
    fields: Callable[[Filter, object, Facets], dict]
    from_filters: Callable[[Filter, Filters], object]
    reset: object


def _own_key(spec: Filter) -> str:
    return spec.keys[0]


def _field(spec: Filter, flt: Filters):
    return getattr(flt, spec.fields[0][0])


CONTROLS = {
    "actors": Control(_own_key, _draw_actors, _one(tuple), lambda s, f: list(f.actors), []),
    "dates": Control(lambda spec: "dates", _draw_dates, _dates, lambda s, f: None, None),
    "options": Control(_own_key, _draw_options, _one(tuple), lambda s, f: list(_field(s, f)), []),
    "text": Control(_own_key, _draw_text, _one(lambda v: (v or "").strip()), _field, ""),
    "toggle": Control(_own_key, _draw_toggle, _one(bool), _field, False),
    "choice": Control(_own_key, _draw_choice, _choice, lambda s, f: dict(s.options)[_field(s, f)], None),
    "sources": Control(_own_key, _draw_sources, _one(lambda v: int(v or 1)), _field, 1),
}


def _reset_value(spec: Filter):
    if spec.widget == "choice":
        return spec.options[0][1]
    value = CONTROLS[spec.widget].reset
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


def prepare_filters(facets: Facets) -> Filters:
    """The filters the sidebar's controls hold on this run, drawn or not (called first on
    every run). A control not yet drawn in this session takes the value the link it was opened
    with gives it (``view_state.seed_from_link``), as Streamlit seeds it when it is drawn."""
    _keep_known("actor", list(facets.actors))
    span = facets.fitted or facets.extent
    _follow_extent(span)
    if facets.extent is not None:
        lowest, highest = picker_bounds(facets.extent)
        current = tuple(st.session_state.get("dates") or span)
        st.session_state["dates"] = tuple(min(max(d, lowest), highest) for d in current)
    link = st.session_state.get("link_filters") or Filters()
    values: dict = {}
    for spec in FILTERS:
        control = CONTROLS[spec.widget]
        key = control.key(spec)
        value = st.session_state[key] if key in st.session_state else control.from_filters(spec, link)
        values.update(control.fields(spec, value, facets))
    return Filters(**values)


def render_sidebar_heading() -> None:
    """Drawn on every run: the page lays out with the sidebar open from the first run on."""
    st.sidebar.header("Filters", anchor=False)


def render_sidebar(facets: Facets) -> Filters:
    """Draw the controls (after ``prepare_filters``); returns the filters they show."""
    sb = st.sidebar
    values: dict = {}
    section = ""
    for spec in FILTERS:
        if spec.section and spec.section != section:
            sb.markdown(f"**{spec.section}**")
        section = spec.section
        control = CONTROLS[spec.widget]
        values.update(control.fields(spec, control.draw(sb, spec, facets), facets))
    sb.button("Reset all filters", key="reset_sidebar", on_click=reset_filters, args=(facets.fitted or facets.extent,),
              width="stretch")
    return Filters(**values)
