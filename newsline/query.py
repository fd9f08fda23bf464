"""The dashboard's questions to the event store, answered by DuckDB straight from Parquet.

The event table (one file, or a dataset folder of ``part-*.parquet``) and the fact table
beside it are opened with DuckDB's ``read_parquet``: nothing is loaded into pandas except
the answers, which are small (the facts in the visible window, or counts per period and
lane, a page of the table, one fact's evidence). Every filter becomes SQL with bound
parameters, so DuckDB evaluates it inside the Parquet scan; user input is never written
into SQL text.

What the dashboard shows are **facts** (docs/facts.md): a fact is one or more events that
state the same dated thing. Filters are about events (actor, topic, outlet, dates, words,
precision, tense, language: ``newsline/filters.py``); a fact is shown when any of its events passes them and it is confirmed
by at least ``min_sources`` independent sources. A fact with one event is identified by
that event's id, a merged fact by its ``fact_id``; ``resolve`` accepts either, or any
member's event id, so links made before facts existed keep working.

Opening reads only the Parquet footers (schema versions) and the merged facts: the
member ids and the short columns of every fact with two or more events, kept in DuckDB
tables. Queries run on a cursor of their own (``EventStore.query``), one per thread;
events a visitor added in their session are attached to that cursor only.

Nothing here imports Streamlit: the app caches these answers, the tests and the
benchmark call them directly.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from .errors import NewslineError
from .filters import NO_ACTOR, NO_OUTLET, NO_TOPIC, WORD_MATCH, Filters, event_conditions, where
from .model import EVENT_COLUMNS
from .store import EVENTS, check_version, event_files, facts_path_for
from .store_sql import (
    DAYS, EVENT_ORDERS, EVENTS_VIEW, FACT_LIST_COLUMNS, LANE_COLUMNS, LANES, MERGED_COLUMNS, MERGED_EMPTY,
    ONE_EVENT_FACT, SOLO_FACT, arrow_events, empty_events, index_facts,
)
from .time_axis import FITTED_SHARE, as_date, fitted_window, period_end, period_for
from .wordforms import word_pattern

#: Past this many marks (a fact counts once per lane it sits in) the window is counted, not drawn.
AGGREGATE_THRESHOLD = 4_000
#: Lanes drawn; beyond it the rest share one "other" lane.
MAX_LANES = 18
#: Search words whose matches a store keeps (see ``EventStore.word_tables``).
WORD_TABLES = 32
#: Seconds one statement may run before DuckDB is interrupted: no visitor's query holds the
#: cores other visitors need for longer than this.
QUERY_SECONDS = 20.0


# --- answers ------------------------------------------------------------------------------


@dataclass
class Facets:
    """What the filters can offer, once per table version."""

    actors: dict[str, int]  # actor -> events naming it, most named first; NO_ACTOR for none
    topics: dict[str, int]
    outlets: dict[str, int]
    events: int
    facts: int
    max_sources: int
    extent: tuple[date, date] | None  # first and last day any event covers
    fitted: tuple[date, date] | None  # the same without a few far older facts
    actions: dict[str, int] = field(default_factory=dict)  # action class -> events coded with it


@dataclass
class Summary:
    """How many events and facts pass the filters, and where the shown facts lie in time."""

    events: int
    facts: int
    corroborated: int  # shown facts with two or more sources
    placed: int  # shown facts with a place on the time axis
    unplaced: int  # shown facts without one (events whose date could not be resolved)
    extent: tuple[date, date] | None
    fitted: tuple[date, date] | None


@dataclass
class TimelineData:
    """The timeline's content for one window: single facts, or counts per period and lane."""

    mode: str  # "events", "aggregated" or "empty"
    lanes: str
    window: tuple[date, date] | None
    drawn: int  # facts with a place inside the window
    facts: pd.DataFrame | None = None  # "events": one row per fact, its lanes in column ``lanes``
    bins: pd.DataFrame | None = None  # "aggregated": lane, rank, bin, end, topic, n
    period: str = ""  # "year", "quarter" or "month" when aggregated
    lane_order: list[str] = field(default_factory=list)  # lanes by marks, most first (aggregated)
    marks: int = 0  # facts × lanes: what the chart would draw one by one


@dataclass
class FactDetail:
    """One fact with every source: the fact's own columns and one row per member event."""

    fact: dict
    members: pd.DataFrame  # event columns + syndication_group, in the fact's evidence order


# --- the store (its tables' layout in DuckDB: store_sql.py) ---------------------------------


class EventStore:
    """An opened store: an in-memory DuckDB database with views over the Parquet files.

    Open once per file version and share it; call ``query()`` in each thread.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, events: Path | None, facts: Path | None,
                 notes: list[str]):
        self._con = con
        self._lock = threading.Lock()
        self._words: OrderedDict[str, str] = OrderedDict()  # search word -> table of matching rids
        self._building: dict[str, threading.Event] = {}  # words a thread is reading now
        self._word_count = 0
        self.events_path = events
        self.facts_path = facts
        self.notes = notes  # problems worth telling the reader (a stale fact table)

    @classmethod
    def open(cls, events: str | Path | None, facts: str | Path | None = None) -> EventStore:
        """Open the event table at ``events`` (file or dataset folder) and the fact table, if any.

        ``facts`` defaults to ``facts.parquet`` beside the events; without one, every event
        is a fact of its own. ``events=None`` opens an empty store.
        """
        con = duckdb.connect(":memory:")
        con.execute("SET parquet_metadata_cache = true")  # footers read once, not on every query
        notes: list[str] = []
        events_path = Path(events) if events is not None else None
        if events_path is None:
            con.register("empty_events", empty_events())
            con.execute("CREATE TABLE events_raw AS SELECT 0::BIGINT AS rid, * FROM empty_events")
            con.unregister("empty_events")
        else:
            files = event_files(events_path)
            for f in files:
                check_version(f, EVENTS)
            # One scan over every part; rid from the file's place in the list and the row's in the file.
            con.read_parquet([str(f) for f in files], file_row_number=True).select(
                "(CAST(file_index AS BIGINT) << 40) + file_row_number AS rid, " + ", ".join(EVENT_COLUMNS)
            ).create_view("events_raw")
        con.execute(EVENTS_VIEW)

        facts_path = Path(facts) if facts is not None else (facts_path_for(events_path) if events_path else None)
        if facts_path is not None and facts_path.exists():
            try:
                stale = index_facts(con, facts_path)
            except (NewslineError, duckdb.Error) as exc:  # the events still make a timeline
                problem = exc.problem if isinstance(exc, NewslineError) else f"unreadable ({exc.__class__.__name__})"
                notes.append(f"{facts_path.name}: {problem}; every event is shown as a fact of its own")
                facts_path = None
                for name in ("members", "merged", "candidates"):
                    con.execute(f"DROP TABLE IF EXISTS {name}")
                con.execute("DROP VIEW IF EXISTS facts_raw")
                con.execute(MERGED_EMPTY)
            else:
                if stale:
                    notes.append(f"{facts_path.name}: {stale:,} merged fact{'s' if stale != 1 else ''} name events "
                                 "that are not in the event table, so their events are shown one by one "
                                 "(`newsline merge` brings the facts up to date)")
        else:
            facts_path = None
            con.execute(MERGED_EMPTY)
        return cls(con, events_path, facts_path, notes)

    def query(self, added: pa.Table | pd.DataFrame | None = None) -> StoreQuery:
        """A cursor for one thread. ``added``: a visitor's own events (none of them already in
        the store, see ``StoreQuery.known_event_ids``), seen by this cursor alone."""
        with self._lock:
            cursor = self._con.cursor()
        return StoreQuery(cursor, added, self)

    def word_tables(self, words: list[str]) -> dict[str, str]:
        """Names of tables of the rids of the store's events holding each word (case-insensitive).

        Reading every sentence is the dearest part of a search: it is done once per word and
        file version, in one pass for all the words not seen yet, and every later query with
        those words (another filter, the timeline, a narrower window, the table) joins on the
        rids instead. The last ``WORD_TABLES`` words are kept.

        The pass runs on a cursor of its own, outside the store's lock: every session takes
        that lock to get its cursor, so a slow pass held under it kept new visitors waiting.
        A word another thread is reading already is waited for, not read twice.
        """
        words = list(dict.fromkeys(words))
        with self._lock:
            new = [w for w in words if w not in self._words and w not in self._building]
            waiting = [self._building[w] for w in words if w in self._building]
            first = self._word_count + 1
            self._word_count += len(new)
            done = threading.Event()
            for w in new:
                self._building[w] = done
            cursor = self._con.cursor() if new else None
        try:
            if new:
                _read_words(cursor, new, first)
        except BaseException:
            with self._lock:
                for word in new:
                    del self._building[word]
            done.set()
            raise
        finally:
            if cursor is not None:
                cursor.close()
        with self._lock:
            for k, word in enumerate(new):
                del self._building[word]
                self._words[word] = f"word_{first + k}"
        done.set()
        for event in waiting:
            event.wait(QUERY_SECONDS)
        with self._lock:
            missing = [w for w in words if w not in self._words]
            if missing:  # another thread's pass failed or was interrupted
                raise NewslineError("search", "the search took too long and was stopped; try fewer or longer words")
            for word in words:
                self._words.move_to_end(word)
            while len(self._words) > max(WORD_TABLES, len(words)):
                _, oldest = self._words.popitem(last=False)
                self._con.execute(f"DROP TABLE IF EXISTS {oldest}")
            return {w: self._words[w] for w in words}

    def close(self) -> None:
        self._con.close()


def _read_words(cursor: duckdb.DuckDBPyConnection, words: list[str], first: int) -> None:
    """Tables ``word_<first>``… of the rids holding each word: one pass over the sentences, within the budget."""
    params = {f"w{k}": word_pattern(w) for k, w in enumerate(words)}
    if len(words) == 1:
        _budgeted(cursor, f"CREATE TABLE word_{first} AS SELECT rid FROM events_raw e "
                          f"WHERE {WORD_MATCH.replace('?', '$w0')}", params)
        return
    flags = ", ".join(f"{WORD_MATCH.replace('?', f'$w{k}')} AS m{k}" for k in range(len(words)))
    _budgeted(cursor, f"CREATE TEMP TABLE word_pass AS SELECT rid, {flags} FROM events_raw e", params)
    for k in range(len(words)):
        cursor.execute(f"CREATE TABLE word_{first + k} AS SELECT rid FROM word_pass WHERE m{k}")
    cursor.execute("DROP TABLE word_pass")


def _budgeted(cursor: duckdb.DuckDBPyConnection, sql: str, params=None):
    """``cursor.execute`` interrupted after ``QUERY_SECONDS``: a ``NewslineError`` instead of a stall."""
    timer = threading.Timer(QUERY_SECONDS, cursor.interrupt)
    timer.daemon = True
    timer.start()
    try:
        return cursor.execute(sql, params if params is not None else [])
    except duckdb.InterruptException:
        raise NewslineError("query", f"stopped after {QUERY_SECONDS:g} s; narrow the filters or the search") from None
    finally:
        timer.cancel()


class StoreQuery:
    """The queries of one thread (a Streamlit rerun), on its own DuckDB cursor."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection, added: pa.Table | pd.DataFrame | None,
                 store: EventStore | None = None):
        self._cur = cursor
        self._store = store
        self._has_added = added is not None and len(added) > 0
        self._added_words: dict[str, str] = {}
        if self._has_added:
            cursor.register("added_events", arrow_events(added))
            cursor.execute(
                f"CREATE OR REPLACE TEMP VIEW ev AS SELECT * FROM events_base UNION ALL "
                f"SELECT *, {DAYS} FROM added_events")
        else:
            cursor.execute("CREATE OR REPLACE TEMP VIEW ev AS SELECT * FROM events_base")

    # -- building blocks --

    def _word_tables(self, flt: Filters) -> dict[str, str]:
        """Search word -> the tables of the rids holding it (the store's, and this cursor's additions')."""
        if self._store is None:
            return {}
        out = {}
        stored = self._store.word_tables(flt.terms())
        for word in dict.fromkeys(flt.terms()):
            tables = [stored[word]]
            if self._has_added:
                if word not in self._added_words:
                    name = f"added_word_{len(self._added_words) + 1}"
                    pattern = word_pattern(word)
                    self._run(f"CREATE TEMP TABLE {name} AS SELECT rid FROM added_events e WHERE {WORD_MATCH}",
                              [pattern, pattern])
                    self._added_words[word] = name
                tables.append(self._added_words[word])
            out[word] = ",".join(tables)
        return out

    def _where(self, flt: Filters) -> tuple[str, dict]:
        """The filters' condition for this cursor (search words looked up in the word tables)."""
        return where(flt, self._word_tables(flt))

    def _run(self, sql: str, params=None):
        if isinstance(params, dict):  # only the names this statement uses ($name)
            used = set(re.findall(r"\$(\w+)", sql))
            params = {k: v for k, v in params.items() if k in used}
        return _budgeted(self._cur, sql, params)

    def _with_shown(self, flt: Filters, columns: list[str], tail: str, *, window=None,
                    params: dict | None = None) -> tuple[str, dict]:
        """``WITH matched, shown`` (the facts the filters show, with ``columns``) and ``tail``.

        ``matched`` holds the events passing the filters, materialised once with only the
        columns asked for. With ``window``, events alone in a fact are kept only inside it
        (a merged fact's place is its own, so its members are kept wherever they lie).
        """
        where, named = self._where(flt)
        named.update(no_topic=NO_TOPIC, no_actor=NO_ACTOR, no_outlet=NO_OUTLET,
                     min_sources=max(int(flt.min_sources), 1), **(params or {}))
        keep = ""
        if window is not None:
            keep = " AND (x.fkey IS NOT NULL OR (e.placed AND e.d_end >= $w_lo AND e.d_start <= $w_hi))"
            named.update(w_lo=window[0], w_hi=window[1])
        solo = ", ".join(f"{SOLO_FACT[c]} AS {c}" for c in columns)
        merged = ", ".join(c if c in MERGED_COLUMNS else f"NULL AS {c}" for c in columns)
        sql = f"""
        WITH matched AS MATERIALIZED (
            SELECT e.rid, x.fkey AS mkey, {solo}
            FROM ev e LEFT JOIN members x ON x.rid = e.rid
            WHERE {where}{keep}
        ),
        shown AS (
            SELECT rid AS fkey, {", ".join(columns)} FROM matched WHERE mkey IS NULL AND $min_sources <= 1
            UNION ALL
            SELECT fkey, {merged} FROM merged
            WHERE sources >= $min_sources AND fkey IN (SELECT mkey FROM matched)
        )
        {tail}
        """
        return sql, named

    # -- once per table version --

    def facets(self) -> Facets:
        """Actor, topic and outlet counts (events), the table's size and extent, the default window."""
        rows = self._run(f"""
            SELECT 'actor' AS kind, a AS name, count(*) AS n
            FROM (SELECT unnest({LANES['Named actor']}) AS a FROM ev)
            GROUP BY a
            UNION ALL
            SELECT 'action', coalesce(action, 'other'), count(*) FROM ev GROUP BY 2
            UNION ALL
            SELECT 'topic', t, count(*) FROM (SELECT unnest(topics) AS t FROM ev) GROUP BY t
            UNION ALL
            SELECT 'outlet', source, count(*) FROM ev WHERE coalesce(source, '') <> '' GROUP BY source
        """, {"no_actor": NO_ACTOR}).fetchall()
        by_kind: dict[str, dict[str, int]] = {"actor": {}, "topic": {}, "outlet": {}, "action": {}}
        for kind, name, n in sorted(rows, key=lambda r: (r[0], -r[2], r[1])):
            by_kind[kind][name] = int(n)
        events, lo, hi = self._run(
            "SELECT count(*), min(d_start) FILTER (placed), max(d_end) FILTER (placed) FROM ev").fetchone()
        merged_away = self._run("SELECT count(*) - count(DISTINCT fkey) FROM members").fetchone()[0]
        max_sources = self._run("SELECT coalesce(max(sources), 1) FROM merged").fetchone()[0]
        fitted = self.summary(Filters()).fitted
        return Facets(by_kind["actor"], by_kind["topic"], by_kind["outlet"], int(events), int(events - merged_away),
                      int(max_sources), (lo, hi) if lo is not None else None, fitted, by_kind["action"])

    def about(self) -> dict:
        """What the table is: articles, outlets, languages and the span of publication dates."""
        articles, outlets, languages, first, last = self._run("""
            SELECT count(DISTINCT article_id), count(DISTINCT source) FILTER (coalesce(source, '') <> ''),
                   list(DISTINCT language ORDER BY language) FILTER (language IS NOT NULL),
                   min(published[:4]) FILTER (published IS NOT NULL AND published <> ''),
                   max(published[:4]) FILTER (published IS NOT NULL AND published <> '')
            FROM ev
        """).fetchone()
        return {"articles": int(articles), "outlets": int(outlets), "languages": list(languages or []),
                "first": first, "last": last}

    # -- per filter --

    def summary(self, flt: Filters) -> Summary:
        """Events and facts shown, how many facts are corroborated, where they lie in time."""
        sql, params = self._with_shown(flt, ["d_start", "d_end", "placed", "sources"], """,
            years AS (
                SELECT year(d_start) AS y, count(*) AS n, min(d_start) AS first, max(d_start) AS last
                FROM shown WHERE placed GROUP BY y
            )
            SELECT
                (SELECT count(*) FROM matched WHERE mkey IS NULL AND $min_sources <= 1)
                  + (SELECT count(*) FROM matched WHERE mkey IN (SELECT fkey FROM shown)),
                count(*), count(*) FILTER (sources >= 2), count(*) FILTER (placed),
                min(d_start) FILTER (placed), max(d_end) FILTER (placed),
                (SELECT list((n, first, last) ORDER BY y) FROM years),
                quantile_disc(d_start, $q_lo) FILTER (placed), quantile_disc(d_end, $q_hi) FILTER (placed)
            FROM shown
        """, params={"q_lo": (1 - FITTED_SHARE) / 2, "q_hi": 1 - (1 - FITTED_SHARE) / 2})
        events, facts, multi, placed, lo, hi, years, q_lo, q_hi = self._run(sql, params).fetchone()
        extent = (lo, hi) if lo is not None else None
        fitted = fitted_window(years or [], placed, extent, (q_lo, q_hi)) if extent is not None else None
        return Summary(int(events), int(facts), int(multi), int(placed), int(facts - placed), extent, fitted)

    def outside(self, flt: Filters, window: tuple[date, date], limit: int = 3) -> tuple[int, pd.DataFrame]:
        """Facts the filters show that lie wholly outside ``window``: how many, and the
        ``limit`` farthest from it (date_start, date_text, sentence), to name them."""
        sql, params = self._with_shown(flt, ["d_start", "d_end", "placed", "date_text", "sentence"], """
            SELECT d_start, d_end, date_text, sentence, count(*) OVER () AS n FROM shown
            WHERE placed AND (d_end < $o_lo OR d_start > $o_hi)
            ORDER BY greatest(date_diff('day', d_end, $o_lo), date_diff('day', $o_hi, d_start)) DESC, d_start
            LIMIT $o_limit
        """, params={"o_lo": window[0], "o_hi": window[1], "o_limit": limit})
        rows = self._run(sql, params).df()
        return (int(rows["n"].iloc[0]) if len(rows) else 0), rows.drop(columns="n")

    def explain(self, flt: Filters) -> dict[str, int]:
        """For an empty result: how many events each active filter keeps on its own."""
        conds = event_conditions(flt, self._word_tables(flt))
        out: dict[str, int] = {}
        if conds:
            sql = "SELECT " + ", ".join(f"count(*) FILTER ({c})" for c, _ in conds.values()) + " FROM ev e"
            row = self._run(sql, [p for _, ps in conds.values() for p in ps]).fetchone()
            out.update({name: int(n) for name, n in zip(conds, row)})
        if flt.min_sources > 1:
            out["min_sources"] = int(self._run(
                "SELECT count(*) FROM members x JOIN merged m USING (fkey) WHERE m.sources >= ?",
                [int(flt.min_sources)]).fetchone()[0])
        return out

    def timeline(self, flt: Filters, window: tuple[date, date] | None, lanes: str,
                 threshold: int = AGGREGATE_THRESHOLD, expected: int | None = None) -> TimelineData:
        """The facts placed inside ``window`` one by one, or, past ``threshold`` marks (a fact
        counts once per lane it sits in), counted per period and lane.

        ``expected``: facts the filters show in all (``Summary.placed``), if known; when it is
        far above the threshold the counts are asked for first.
        """
        if lanes not in LANES:
            raise ValueError(f"unknown lanes {lanes!r}")
        if window is None:
            window = self.summary(flt).extent
            if window is None:
                return TimelineData("empty", lanes, None, 0)
        if expected is not None and expected > 4 * threshold:
            counted = self._counted(flt, window, lanes)
            if counted.marks > threshold:
                return counted
        cols = ["fact_id", "value", "date_start", "date_end", "granularity", "d_start", "d_end", "placed", "dates",
                "dates_disagree", "sentence", "date_text", "source", "published", "outlets", "sources", "articles",
                "main_topic", "actors", "topics", "tense", "action", "actors_source", "actors_target", "headline"]
        sql, params = self._with_shown(flt, cols, f"""
            SELECT * EXCLUDE (topics, outlets), outlets, {LANES[lanes]} AS lanes
            FROM shown WHERE placed AND d_end >= $w_lo AND d_start <= $w_hi
            ORDER BY d_start, fact_id
            LIMIT $limit
        """, window=window, params={"limit": threshold + 1})
        facts = self._run(sql, params).df()
        if facts.empty:
            return TimelineData("empty", lanes, window, 0)
        marks = int(facts["lanes"].map(len).sum())
        if len(facts) > threshold or marks > threshold:
            return self._counted(flt, window, lanes)
        _lists(facts, ("lanes", "dates", "outlets", "actors_source", "actors_target"))
        facts["fkey"] = facts["fkey"].astype("int64")
        return TimelineData("events", lanes, window, len(facts), facts=facts, marks=marks)

    def _counted(self, flt: Filters, window: tuple[date, date], lanes: str) -> TimelineData:
        period = period_for(window)
        cols = ["d_start", "d_end", "placed", "main_topic", *LANE_COLUMNS[lanes]]
        # Marks are counted per lane, period and main topic. Past MAX_LANES lanes, the least
        # filled share one "other" lane, where a fact in two of them counts once.
        sql, params = self._with_shown(flt, cols, f""",
            win AS MATERIALIZED (
                SELECT main_topic,
                       CAST(date_trunc($period, d_start + CAST((d_end - d_start + 1) // 2 AS INTEGER)) AS DATE) AS bin,
                       {LANES[lanes]} AS lane_list
                FROM shown WHERE placed AND d_end >= $w_lo AND d_start <= $w_hi
            ),
            cells AS (
                SELECT lane, bin, main_topic, count(*) AS n
                FROM (SELECT unnest(lane_list) AS lane, bin, main_topic FROM win) GROUP BY ALL
            ),
            ranked AS (
                SELECT lane,
                       row_number() OVER (ORDER BY lane IN ($no_actor, $no_topic, $no_outlet), sum(n) DESC, lane)
                         AS rk,
                       count(*) OVER () AS lanes
                FROM cells GROUP BY lane
            ),
            dropped AS (SELECT coalesce(list(lane), []) AS l FROM ranked WHERE lanes > $max_lanes AND rk >= $max_lanes),
            other AS (
                SELECT bin, main_topic, count(*) AS n FROM win, dropped
                WHERE len(dropped.l) > 0 AND list_has_any(lane_list, dropped.l) GROUP BY ALL
            )
            SELECT c.lane, r.rk, c.bin, c.main_topic AS topic, c.n, (SELECT count(*) FROM win) AS drawn
            FROM cells c JOIN ranked r USING (lane) WHERE r.lanes <= $max_lanes OR r.rk < $max_lanes
            UNION ALL
            SELECT $other, $max_lanes, bin, main_topic, n, (SELECT count(*) FROM win) FROM other
            ORDER BY 2, 3, 4
        """, window=window, params={"period": period, "max_lanes": MAX_LANES, "other": f"(other {lanes.lower()}s)"})
        bins = self._run(sql, params).df()
        if bins.empty:
            return TimelineData("empty", lanes, window, 0)
        drawn = int(bins["drawn"].iloc[0])
        bins = bins.drop(columns="drawn")
        bins["n"] = bins["n"].astype("int64")
        bins["bin"] = bins["bin"].map(as_date)
        bins["end"] = bins["bin"].map(lambda b: period_end(b, period))
        order = list(dict.fromkeys(bins.sort_values("rk", kind="stable")["lane"]))
        return TimelineData("aggregated", lanes, window, drawn, bins=bins, period=period, lane_order=order,
                            marks=int(bins["n"].sum()))

    def events(self, flt: Filters, limit: int | None = None, placed: bool | None = None,
               order: str = "time") -> pd.DataFrame:
        """Events passing the filters whose fact is shown, in ``order`` (one of ``EVENT_ORDERS``;
        by default time order, undated last), with the event table's columns plus their fact's id
        and number of sources.

        ``placed`` keeps only events with (True) or without (False) a place on the time axis.
        One pass: DuckDB keeps the first ``limit`` rows by date while it scans.
        """
        where, params = self._where(flt)
        keep = "" if placed is None else (" AND e.placed" if placed else " AND NOT e.placed")
        params.update(min_sources=max(int(flt.min_sources), 1), limit=int(limit) if limit is not None else None)
        sql = f"""
            SELECT e.* EXCLUDE (rid), coalesce(f.fact_id, e.event_id) AS fact_id, coalesce(f.sources, 1) AS sources
            FROM ev e LEFT JOIN members x ON x.rid = e.rid LEFT JOIN merged f ON f.fkey = x.fkey
            WHERE {where}{keep} AND coalesce(f.sources, 1) >= $min_sources
            ORDER BY {EVENT_ORDERS[order]}
            {"LIMIT $limit" if limit is not None else ""}
        """
        return _tidy_events(self._run(sql, params).df())

    def facts(self, flt: Filters, limit: int | None = None) -> pd.DataFrame:
        """The facts the filters show, in time order (undated last): a merged fact's own columns,
        or for a fact of one event that event's."""
        sql, params = self._with_shown(flt, list(FACT_LIST_COLUMNS) + ["d_start"], f"""
            SELECT * EXCLUDE (fkey, d_start) FROM shown ORDER BY d_start NULLS LAST, fact_id
            {"LIMIT $limit" if limit is not None else ""}
        """, params={"limit": int(limit) if limit is not None else None})
        frame = self._run(sql, params).df()
        _lists(frame, _FACT_LISTS)
        frame["dates_disagree"] = frame["dates_disagree"].astype(bool)
        return frame

    # -- one fact --

    def is_shown(self, flt: Filters, fact_id: str) -> bool:
        """Whether the filters show this fact (any of its events passes them, and it has the sources)."""
        where, params = self._where(flt)
        params.update(fid=fact_id, min_sources=max(int(flt.min_sources), 1))
        row = self._run(f"""
            SELECT
                (SELECT count(*) FROM ev e WHERE e.event_id = $fid AND $min_sources <= 1
                   AND e.rid NOT IN (SELECT rid FROM members) AND {where})
              + (SELECT count(*) FROM ev e JOIN members x ON x.rid = e.rid JOIN merged m ON m.fkey = x.fkey
                 WHERE m.fact_id = $fid AND m.sources >= $min_sources AND {where})
        """, params).fetchone()
        return bool(row[0])

    def resolve(self, ident: str) -> str | None:
        """The id of the fact shown for ``ident`` (a fact's id, or any of its events'); None when unknown."""
        if not isinstance(ident, str) or not ident:
            return None
        row = self._run("SELECT fact_id FROM merged WHERE fact_id = $i UNION ALL "
                        "SELECT m.fact_id FROM members x JOIN merged m USING (fkey) WHERE x.event_id = $i LIMIT 1",
                        {"i": ident}).fetchone()
        if row:
            return row[0]
        if self._run("SELECT 1 FROM ev WHERE event_id = ? LIMIT 1", [ident]).fetchone():
            return ident
        # A one-event fact named by its id in the fact table (as `newsline merge` writes it).
        row = self._run("SELECT member_event_ids[1] FROM facts_raw WHERE fact_id = ? AND len(member_event_ids) = 1",
                        [ident]).fetchone()
        if row and row[0] and row[0] != ident:
            return self.resolve(row[0])
        return None

    def _events_by_id(self, ids: list[str]) -> pd.DataFrame:
        """Whole event rows by id. One equality per id: DuckDB checks an equality inside the Parquet
        scan and decodes the other columns only where it holds (an IN list it checks afterwards)."""
        ids = list(dict.fromkeys(ids)) or [""]
        sql = " UNION ALL ".join(f"SELECT * EXCLUDE (rid) FROM ev WHERE event_id = $i{k}" for k in range(len(ids)))
        return _tidy_events(self._run(sql, {f"i{k}": v for k, v in enumerate(ids)}).df())

    def fact(self, fact_id: str) -> FactDetail | None:
        """A fact's columns and its member events, one per source, in the fact table's order."""
        merged = self._run("SELECT * EXCLUDE (fkey) FROM merged WHERE fact_id = ?", [fact_id]).df()
        if not merged.empty:
            fact = merged.iloc[0].to_dict()
            ids, groups = list(fact.pop("member_event_ids")), list(fact.pop("groups"))
            rows = self._events_by_id(ids)  # every member is in the table (stale facts were left out)
            by_id = {r["event_id"]: r for r in rows.to_dict(orient="records")}
            members = []
            for event_id, group in zip(ids, groups):
                row = dict(by_id[event_id])
                row["syndication_group"] = group or row.get("article_id")
                members.append(row)
        else:
            rows = self._events_by_id([fact_id])
            if rows.empty:
                return None
            row = rows.iloc[0].to_dict()
            # The fact of one event: the same columns the timeline's queries give it (SOLO_FACT).
            solo = ", ".join(f"{SOLO_FACT[c]} AS {c}" for c in ONE_EVENT_FACT)
            fact = self._run(f"SELECT {solo}, '' AS merge_reason FROM ev e WHERE e.event_id = $i LIMIT 1",
                             {"i": fact_id, "no_topic": NO_TOPIC}).df().iloc[0].to_dict()
            fact["placed"] = bool(fact["placed"])
            row["syndication_group"] = row["article_id"]
            members = [row]
        fact.update({col: _as_list(fact.get(col)) for col in _FACT_LISTS})
        fact["dates_disagree"] = bool(fact.get("dates_disagree"))
        fact["sources"], fact["articles"] = int(fact["sources"]), int(fact["articles"])
        return FactDetail(fact, pd.DataFrame(members))

    def fact_places(self, fact_ids: list[str], lanes: str) -> pd.DataFrame:
        """Where given facts sit on the timeline (dates and lanes), whether the filters show them or not."""
        columns = ["fact_id", "fkey", "d_start", "d_end", "granularity", "placed", "lanes"]
        if not fact_ids:
            return pd.DataFrame(columns=columns)
        solo = re.sub(r"\b(actors|actors_source|topics)\b", r"coalesce(\1, [])", LANES[lanes])
        solo = re.sub(r"\boutlets\b", "[coalesce(source, '')]", solo)
        frame = self._run(f"""
            SELECT fact_id, fkey, d_start, d_end, granularity, placed, {LANES[lanes]} AS lanes FROM merged
            WHERE list_contains($ids, fact_id)
            UNION ALL
            SELECT event_id, rid, d_start, d_end, granularity, placed, {solo} AS lanes
            FROM ev WHERE list_contains($ids, event_id) AND rid NOT IN (SELECT rid FROM members)
        """, {"ids": list(fact_ids), "no_actor": NO_ACTOR, "no_topic": NO_TOPIC, "no_outlet": NO_OUTLET}).df()
        frame["lanes"] = frame["lanes"].map(list)
        return frame[columns]

    def known_event_ids(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` the store already holds."""
        if not ids:
            return set()
        return {r[0] for r in self._run("SELECT event_id FROM events_raw WHERE list_contains(?, event_id)",
                                        [list(ids)]).fetchall()}


_FACT_LISTS = ("dates", "actors", "topics", "outlets", "actors_source", "actors_target")


def _as_list(value) -> list:
    """A list cell of DuckDB's answer (an array; None or NaN for null) as a Python list."""
    return [] if value is None or isinstance(value, float) else list(value)


def _lists(frame: pd.DataFrame, columns) -> pd.DataFrame:
    for col in columns:
        if col in frame:
            frame[col] = frame[col].map(_as_list)
    return frame


def _tidy_events(frame: pd.DataFrame) -> pd.DataFrame:
    """DuckDB's answer in the event table's Python shapes: lists for actors and topics."""
    return _lists(frame, ("actors", "topics"))
