"""The filters a reader may set, each declared once.

One entry of ``FILTERS`` holds everything about one filter: the fields of ``Filters`` it
owns and their defaults, its URL keys and how a link's values become those fields (and
back), its SQL condition over the events (alias ``e``; every value a bound parameter), the
sidebar widget that sets it (drawn by ``components/sidebar.py``, one function per kind of
widget), and its words for explaining an empty result. The SQL builder (``where``), the
URL reader and writer (``read_link``, ``link_pairs``), the sidebar and
``StoreQuery.explain`` all read this list: adding a filter is one entry here plus, for a
new kind of control, its widget.

``Filters`` is a frozen, hashable value made from the list: it keys every cache downstream.
Nothing here imports Streamlit or opens a table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, fields, make_dataclass
from datetime import date

from .wordforms import fold, word_pattern

#: The lanes and filter values of what names no actor, no topic, no outlet.
NO_ACTOR = "(no actor named)"
NO_TOPIC = "(no topic)"
NO_OUTLET = "(unknown outlet)"
#: Granularities hidden by "hide year-only": a year or anything vaguer.
YEAR_OR_VAGUER = ("year", "decade")
TENSES = ("past", "future", "present")
MAX_SOURCES = 99  # the "confirmed by at least" input's upper bound
BOOL_VALUES = {"true": True, "false": False}

Condition = tuple[str, list]  # SQL over the events (alias ``e``) with ``?`` placeholders, and its values


@dataclass
class Link:
    """A link's query string being read: its values, what the data holds, and what did not fit."""

    params: Mapping[str, list[str]]
    options: Mapping[str, Collection[str]]  # URL key -> the values the data holds (actor, topic, outlet)
    problems: list[str] = field(default_factory=list)

    def values(self, key: str) -> list[str]:
        return [v for v in self.params.get(key, []) if v != ""]

    def last(self, key: str) -> str | None:
        found = self.values(key)
        return found[-1] if found else None


@dataclass(frozen=True)
class Filter:
    """One filter: see the module docstring. Functions take the whole ``Filters`` value."""

    name: str  # as ``Filters.active()`` and ``explain()`` call it
    fields: tuple[tuple[str, object], ...]  # the Filters fields it owns, with their defaults
    keys: tuple[str, ...]  # its URL keys
    widget: str  # the kind of sidebar control (components/sidebar.py)
    read: Callable[[Link], dict]  # a link's values -> field values; problems go on the link
    write: Callable[[object], list[tuple[str, str]]]  # -> URL pairs, nothing for the default
    words: Callable[[object], str]  # a short phrase, e.g. "actor Citgo"
    sql: Callable[[object, dict | None], Condition] | None = None  # None: applies to facts (see query.py)
    label: str = ""
    help: str = ""
    placeholder: str = ""
    options: tuple[tuple[str, str], ...] = ()  # a choice's (value, label) pairs, the default first
    section: str = ""  # a heading the sidebar draws above the first control of a section
    bound: bool = True  # the widget keeps its URL key itself (Streamlit's bind="query-params")


# --- reading a link's values ------------------------------------------------------------


def quote_value(value: str, limit: int = 40) -> str:
    """A value from a link, shortened and in quotes, for a notice."""
    value = value if len(value) <= limit else value[:limit] + "…"
    return f"“{value}”"


def parse_iso_day(text: str) -> date | None:
    """A YYYY-MM-DD day, or None for anything else."""
    try:
        return date.fromisoformat(text.strip()) if len(text.strip()) == 10 else None
    except ValueError:
        return None


def _known(key: str, field_name: str) -> Callable[[Link], dict]:
    """Values the data holds; each other value is a problem."""
    def read(link: Link) -> dict:
        allowed = link.options.get(key, ())
        kept = []
        for value in dict.fromkeys(link.values(key)):
            if value in allowed:
                kept.append(value)
            else:
                link.problems.append(f"unknown {key} {quote_value(value)}")
        return {field_name: tuple(kept)}
    return read


def _read_dates(link: Link) -> dict:
    out = {}
    for key, name in (("from", "date_from"), ("to", "date_to")):
        raw = link.last(key)
        if raw is not None:
            out[name] = parse_iso_day(raw)
            if out[name] is None:
                link.problems.append(f"bad date {quote_value(raw)}")
    if out.get("date_from") and out.get("date_to") and out["date_from"] > out["date_to"]:
        link.problems.append("the date range ends before it starts")
        out = {}
    return out


def _read_one_of(key: str, field_name: str, allowed: Mapping[str, object], problem: str) -> Callable[[Link], dict]:
    """One value from ``allowed`` (as it travels in the link -> the field's value); anything else
    is ``problem`` (formatted with ``key`` and the quoted ``value``)."""
    def read(link: Link) -> dict:
        raw = link.last(key)
        if raw is None:
            return {}
        if raw not in allowed:
            link.problems.append(problem.format(key=key, value=quote_value(raw)))
            return {}
        return {field_name: allowed[raw]}
    return read


def _read_choice(key: str, field_name: str, options: tuple[tuple[str, str], ...]) -> Callable[[Link], dict]:
    """A choice travels as its label ("Future"), as the bound radio writes it."""
    return _read_one_of(key, field_name, {label: value for value, label in options}, "unknown {key} {value}")


def _read_bool(key: str, field_name: str) -> Callable[[Link], dict]:
    return _read_one_of(key, field_name, BOOL_VALUES, "{key} must be true or false")


def _read_min_sources(link: Link) -> dict:
    raw = link.last("min_sources")
    if raw is None:
        return {}
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_SOURCES:
        return {"min_sources": int(raw)}
    link.problems.append(f"min_sources must be a whole number from 1 to {MAX_SOURCES}")
    return {}


def _label(options: tuple[tuple[str, str], ...], value: str) -> str:
    return dict(options).get(value, value)


# --- SQL -----------------------------------------------------------------------------------


#: A search word matches the sentence or the date as written as a whole word, in any case,
#: accents and common word form (``wordforms.word_pattern``).
WORD_MATCH = ("(regexp_matches(strip_accents(e.sentence), ?, 'i') "
              "OR regexp_matches(strip_accents(e.date_text), ?, 'i'))")


def _actors_sql(flt, _words) -> Condition:
    named = [a for a in flt.actors if a != NO_ACTOR]
    parts = ["list_contains(e.actors, ?)"] * len(named)
    if NO_ACTOR in flt.actors:
        parts.append("len(coalesce(e.actors, [])) = 0")
    return "(" + " OR ".join(parts) + ")", list(named)


def _dates_sql(flt, _words) -> Condition:
    sql, params = ["e.placed"], []
    if flt.date_from is not None:
        sql.append("e.d_end >= ?")
        params.append(flt.date_from)
    if flt.date_to is not None:
        sql.append("e.d_start <= ?")
        params.append(flt.date_to)
    return "(" + " AND ".join(sql) + ")", params


def _search_sql(flt, word_tables: dict[str, str] | None) -> Condition:
    """Every word, as a whole word in any case, accents and common form, in the sentence or the
    date as written (RE2, without lowering a million sentences first). With
    ``word_tables`` (a word -> comma-separated names of tables of the rids holding it, see
    ``EventStore.word_tables``) a word is looked up there and no sentence is read."""
    parts, params = [], []
    for term in flt.terms():
        tables = (word_tables or {}).get(term)
        if tables is None:
            parts.append(WORD_MATCH)
            params += [word_pattern(term)] * 2
        else:  # names the store made (word_<n>), never user text
            union = " UNION ALL ".join(f"SELECT rid FROM {t}" for t in tables.split(","))
            parts.append(f"e.rid IN ({union})")
    return "(" + " AND ".join(parts) + ")", params


def toggle(name: str, key: str, sql: str, words: str, label: str, section: str = "") -> Filter:
    """A filter that is on or off: field ``name`` (default off), URL ``key=true``, condition ``sql``."""
    return Filter(name, ((name, False),), (key,), "toggle", read=_read_bool(key, name),
                  write=lambda f: [(key, "true")] if getattr(f, name) else [], words=lambda f: words,
                  sql=lambda f, _: (sql, []), label=label, section=section)


def choice(name: str, key: str, options: tuple[tuple[str, str], ...], words: Callable, label: str,
           section: str = "", help: str = "", sql: Callable | None = None) -> Filter:
    """One of ``options`` ((value, label) pairs, "show everything" first); the URL carries the label.
    By default the condition is the event column ``name`` equal to the value."""
    default = options[0][0]
    return Filter(name, ((name, default),), (key,), "choice", read=_read_choice(key, name, options),
                  write=lambda f: [(key, _label(options, getattr(f, name)))] if getattr(f, name) != default else [],
                  words=words, sql=sql or (lambda f, _: (f"e.{name} = ?", [getattr(f, name)])), label=label,
                  options=options, section=section, help=help)


TENSE_OPTIONS = (("all", "All"), ("past", "Past"), ("future", "Future"), ("present", "Present"))
DIRECTION_OPTIONS = (("all", "All"), ("us-ve", "United States → Venezuela"), ("ve-us", "Venezuela → United States"),
                     ("other", "Others"))
#: The two sides of the relationship the direction filter names.
US, VE = "United States", "Venezuela"


def _side(name: str) -> list[str]:
    from .actors import ActorMatcher

    return ActorMatcher.default().on_side(name)


def _direction_sql(flt, _words) -> Condition:
    """Who acted on whom, by side: a source on one side and a target on the other
    ("Marco Rubio" is the United States' side, "Nicolás Maduro" Venezuela's)."""
    one_way = "(list_has_any(coalesce(e.actors_source, []), ?) AND list_has_any(coalesce(e.actors_target, []), ?))"
    us, ve = _side(US), _side(VE)
    if flt.direction == "us-ve":
        return one_way, [us, ve]
    if flt.direction == "ve-us":
        return one_way, [ve, us]
    return f"NOT ({one_way} OR {one_way})", [us, ve, ve, us]


def _read_actions(link: Link) -> dict:
    """Action classes of the taxonomy; each other value is a problem."""
    values = list(dict.fromkeys(link.values("action")))
    if not values:
        return {}
    from .actions import Taxonomy

    allowed = set(Taxonomy.default().ids())
    kept = []
    for value in values:
        if value in allowed:
            kept.append(value)
        else:
            link.problems.append(f"unknown action {quote_value(value)}")
    return {"actions": tuple(kept)}


LANGUAGE_OPTIONS = (("all", "All"), ("en", "English"), ("es", "Spanish"))

FILTERS: tuple[Filter, ...] = (
    Filter(
        "actors", (("actors", ()),), ("actor",), "actors",
        read=_known("actor", "actors"),
        write=lambda f: [("actor", a) for a in f.actors],
        words=lambda f: "actor " + " or ".join(f.actors),
        sql=_actors_sql,
        label="Actors", placeholder="All actors",
        help="Events whose sentence names any of these actors (type a name with or without accents, or an "
             "alias such as Maduro or EEUU). The number is how many events name them.",
        bound=False,  # its labels carry counts, which must not end up in links
    ),
    Filter(
        "dates", (("date_from", None), ("date_to", None)), ("from", "to"), "dates",
        read=_read_dates,
        write=lambda f: [(k, d.isoformat()) for k, d in (("from", f.date_from), ("to", f.date_to)) if d],
        words=lambda f: f"dates {f.date_from.isoformat() if f.date_from else '…'} to "
                        f"{f.date_to.isoformat() if f.date_to else '…'}",
        sql=_dates_sql,
        label="Dates",
        help="Events whose period overlaps these dates. Left at the span the chart opens on, it restricts "
             "nothing. Unresolved dates are left out while this is narrowed. Enter applies a typed date.",
        bound=False,  # a link may carry any date; the widget raises on one outside its bounds
    ),
    Filter(
        "topics", (("topics", ()),), ("topic",), "options",
        read=_known("topic", "topics"),
        write=lambda f: [("topic", t) for t in f.topics],
        words=lambda f: "topic " + " or ".join(f.topics),
        sql=lambda f, _: ("(" + " OR ".join(["list_contains(e.topics, ?)"] * len(f.topics)) + ")", list(f.topics)),
        label="Topics", placeholder="All topics",
    ),
    Filter(
        "outlets", (("outlets", ()),), ("outlet",), "options",
        read=_known("outlet", "outlets"),
        write=lambda f: [("outlet", o) for o in f.outlets],
        words=lambda f: "outlet " + " or ".join(f.outlets),
        sql=lambda f, _: ("list_contains(?, coalesce(e.source, ''))", [list(f.outlets)]),
        label="Outlets", placeholder="All outlets",
    ),
    Filter(
        "search", (("search", ""),), ("q",), "text",
        read=lambda link: {"search": link.last("q").strip()} if link.last("q") is not None else {},
        write=lambda f: [("q", f.search)] if f.search.strip() else [],
        words=lambda f: f"text containing “{' '.join(f.terms())}”",  # the words searched, never a whole link
        sql=_search_sql,
        label="Search the sentences", placeholder="e.g. sanctions oil",
        help="Every word must appear in the sentence (or the date as written), as a whole word in any case, "
             "with or without accents, in any common form: “recognise” finds “recognized”.",
    ),
    choice("language", "language", LANGUAGE_OPTIONS, label="Language of the article",
           words=lambda f: f"articles in {_label(LANGUAGE_OPTIONS, f.language)}"),
    choice("direction", "direction", DIRECTION_OPTIONS, sql=_direction_sql,
           words=lambda f: f"direction {_label(DIRECTION_OPTIONS, f.direction)}",
           label="Who did what to whom", section="Who did what to whom",
           help="By who acted and who was acted upon, each on its side of the relationship "
                "(a minister counts for their state). Others: every other event."),
    Filter(
        "actions", (("actions", ()),), ("action",), "options",
        read=_read_actions,
        write=lambda f: [("action", a) for a in f.actions],
        words=lambda f: "action " + " or ".join(f.actions),
        sql=lambda f, _: ("list_contains(?, coalesce(e.action, 'other'))", [list(f.actions)]),
        label="Actions", placeholder="All actions", section="Who did what to whom",
        help="What happened, as coded from the sentence (data/actions.toml).",
    ),
    toggle("hide_year_only", "hide_year", "coalesce(e.granularity, '') NOT IN ('year', 'decade')",
           "year-only dates hidden", "Hide year-only and vaguer dates", section="Precision"),
    toggle("hide_unresolved", "hide_unresolved", "e.placed", "unresolved dates hidden", "Hide unresolved dates",
           section="Precision"),
    choice("tense", "tense", TENSE_OPTIONS,
           words=lambda f: {"past": "reported (past) events", "future": "announced (future) events",
                            "present": "ongoing (present) events"}.get(f.tense, f.tense),
           label="Reported or announced", section="Precision",
           help="Past: the sentence reports something that happened. Future: it announces or expects it."),
    Filter(
        "min_sources", (("min_sources", 1),), ("min_sources",), "sources",
        read=_read_min_sources,
        write=lambda f: [("min_sources", str(f.min_sources))] if f.min_sources > 1 else [],
        words=lambda f: f"confirmed by at least {f.min_sources} sources",
        label="Confirmed by at least … sources", section="Corroboration",
        help="Independent sources: the articles that report a fact, with reprints of one story counted once. "
             "1 shows every fact; the most corroborated fact in this table has {max_sources}.",
        bound=False,  # Streamlit's own seeding of a bound number input raises on min_sources=inf
    ),
)

BY_NAME = {f.name: f for f in FILTERS}


def _active(self) -> list[str]:
    """Names of the fields that restrict anything."""
    return [f.name for f in fields(self) if getattr(self, f.name) != f.default]


#: A search reads at most this many words and characters: each word is one more pass over
#: the sentences, and a link holding thousands of them once stalled the dashboard for minutes.
MAX_SEARCH_WORDS = 8
MAX_SEARCH_CHARS = 200


def _terms(self) -> list[str]:
    """The search words folded ("Guaidó" and "guaido" are one word, with one cached table), each
    once; past ``MAX_SEARCH_CHARS`` or ``MAX_SEARCH_WORDS``, the first ones."""
    return list(dict.fromkeys(fold(w) for w in self.search[:MAX_SEARCH_CHARS].split()))[:MAX_SEARCH_WORDS]


def search_notice(search: str) -> str | None:
    """What the visitor is told when their search is longer than a search reads; None when it is not."""
    words = list(dict.fromkeys(search.lower().split()))
    if len(search) <= MAX_SEARCH_CHARS and len(words) <= MAX_SEARCH_WORDS:
        return None
    kept = _terms(Filters(search=search))
    return (f"The search reads at most {MAX_SEARCH_WORDS} words and {MAX_SEARCH_CHARS} characters; "
            f"it looked for the first {len(kept)}: {' '.join(kept)[:80]}")


Filters = make_dataclass(
    "Filters",
    [(name, type(default) if default is not None else object, field(default=default))
     for spec in FILTERS for name, default in spec.fields],
    frozen=True,
    namespace={"active": _active, "terms": _terms,
               "__doc__": "Hashable filter state, one field per entry of FILTERS; keys every cache downstream."},
)
Filters.__module__ = __name__


def is_set(spec: Filter, flt) -> bool:
    return any(getattr(flt, name) != default for name, default in spec.fields)


# --- the filters' users ------------------------------------------------------------------


def event_conditions(flt, word_tables: dict[str, str] | None = None) -> dict[str, Condition]:
    """One SQL condition with its parameters per active event filter, by filter name."""
    return {spec.name: spec.sql(flt, word_tables) for spec in FILTERS if spec.sql is not None and is_set(spec, flt)}


def where(flt, word_tables: dict[str, str] | None = None) -> tuple[str, dict]:
    """Every event filter as one condition with named parameters ($p0, $p1, …)."""
    conds = event_conditions(flt, word_tables)
    if not conds:
        return "TRUE", {}
    sql = " AND ".join(c for c, _ in conds.values())
    params = [p for _, ps in conds.values() for p in ps]
    counter = iter(range(len(params)))
    sql = re.sub(r"\?", lambda _: f"$p{next(counter)}", sql)  # one parameter style per statement
    return sql, {f"p{i}": v for i, v in enumerate(params)}


def read_link(params: Mapping[str, list[str]], options: Mapping[str, Collection[str]]) -> tuple[object, list[str]]:
    """The filters a link's query string sets, and a phrase for each value that did not fit.

    ``options``: per URL key with a closed set of values (actor, topic, outlet), those the
    data holds. Nothing in a query string can raise.
    """
    link = Link(params, options)
    values: dict = {}
    for spec in FILTERS:
        values.update(spec.read(link))
    return Filters(**values), link.problems


def link_pairs(flt) -> list[tuple[str, str]]:
    """The filters as ordered query pairs, defaults left out."""
    return [pair for spec in FILTERS for pair in spec.write(flt)]


def picker_bounds(extent: tuple[date, date]) -> tuple[date, date]:
    """The first and last day the date picker offers: a link may carry any date, the picker
    raises on one outside its bounds."""
    return min(extent[0], date(1900, 1, 1)), max(extent[1], date(2100, 12, 31))


def dates_as_shown(date_from: date | None, date_to: date | None,
                   extent: tuple[date, date] | None) -> tuple[date | None, date | None]:
    """A date range as the dashboard applies it: the data's extent fills a missing end, each end
    is held inside the picker's bounds (1900 to 2100, or the extent where it is wider), and an
    end at the extent restricts nothing."""
    if extent is None or (date_from is None and date_to is None):
        return None, None
    lowest, highest = picker_bounds(extent)
    lo, hi = (min(max(d, lowest), highest) for d in (date_from or extent[0], date_to or extent[1]))
    return (lo if lo != extent[0] else None), (hi if hi != extent[1] else None)


def describe(name: str, flt) -> str:
    """A short human phrase for one active filter."""
    spec = BY_NAME.get(name)
    return spec.words(flt) if spec else name


def explain_lines(counts: dict[str, int], flt) -> list[str]:
    """For an empty result: each active filter with how many events it alone keeps."""
    return [f"{describe(name, flt)}: {n:,} event{'s' if n != 1 else ''} on its own" for name, n in counts.items()]
