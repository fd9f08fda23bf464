"""How the event store lays the Parquet tables out in DuckDB, as SQL.

Rows are joined on integer keys, never on the 16-character ids: ``rid`` is an event's
position in the store (file number << 40 | row number in the file; a visitor's added
events count from 1 << 62), ``fkey`` a fact's key (an event alone: its rid; a merged
fact: a negative number). An event's days on the time axis are derived once (``DAYS``),
and a fact of one event gets its columns from that event in one place (``SOLO_FACT``).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from .filters import NO_TOPIC
from .model import EVENT_COLUMNS
from .store import ARROW_SCHEMA, FACTS, check_version, complete_columns

_ADDED_BASE = 1 << 62  # rids of a visitor's added events start here

#: The orders the table and its downloads can take (SQL over the events ``e``; ``sources`` is the fact's).
EVENT_ORDERS = {
    "time": "e.d_start NULLS LAST, e.event_id",
    "newest": "e.d_start DESC NULLS LAST, e.event_id",
    "sources": "sources DESC, e.d_start NULLS LAST, e.event_id",
    "outlet": "e.source NULLS LAST, e.d_start NULLS LAST, e.event_id",
    "published": "e.published DESC NULLS LAST, e.d_start NULLS LAST, e.event_id",
}

#: An event's or a fact's days on the time axis, from its ISO columns: first and last day, and
#: whether it has a place at all (a date that parses, and not unresolved).
DAYS = """TRY_CAST(date_start AS DATE) AS d_start,
       coalesce(TRY_CAST(date_end AS DATE), TRY_CAST(date_start AS DATE)) AS d_end,
       (TRY_CAST(date_start AS DATE) IS NOT NULL AND coalesce(granularity, '') <> 'unresolved') AS placed"""

EVENTS_VIEW = f"""
CREATE VIEW events_base AS
SELECT *, {DAYS}
FROM events_raw
"""

# Member ids of every merged fact (two or more events), with the event's rid when the
# event table holds it. A fact naming an event the table lacks is stale: left out.
_CANDIDATES = """
CREATE TEMP TABLE candidates AS
SELECT c.fact_id, c.event_id, e.rid
FROM (SELECT fact_id, unnest(member_event_ids) AS event_id FROM facts_raw WHERE len(member_event_ids) >= 2) c
LEFT JOIN (SELECT event_id, rid FROM events_raw) e USING (event_id)
"""

_MERGED = f"""
CREATE TABLE merged AS
SELECT -row_number() OVER (ORDER BY fact_id) AS fkey, fact_id, value, date_start, date_end, granularity,
       {DAYS},
       coalesce(dates, []) AS dates, coalesce(dates_disagree, false) AS dates_disagree, sentence, date_text,
       coalesce(actors, []) AS actors, coalesce(topics, []) AS topics,
       list_sort(list_distinct(list_transform(evidence, lambda x: coalesce(x.source, '')))) AS outlets,
       coalesce(sources, 1) AS sources, coalesce(articles, 1) AS articles,
       coalesce(topics[1], $no_topic) AS main_topic,
       list_filter(evidence, lambda x: x.sentence = sentence AND x.date_text = date_text)[1].published AS published,
       member_event_ids, list_transform(evidence, lambda x: x.syndication_group) AS groups,
       coalesce(merge_reason, '') AS merge_reason,
       coalesce(action, 'other') AS action, coalesce(actors_source, []) AS actors_source,
       coalesce(actors_target, []) AS actors_target, coalesce(headline, '') AS headline
FROM facts_raw
WHERE len(member_event_ids) >= 2
  AND fact_id NOT IN (SELECT fact_id FROM candidates WHERE rid IS NULL)
"""

_MEMBERS = """
CREATE TABLE members AS
SELECT c.rid, m.fkey, c.event_id FROM candidates c JOIN merged m USING (fact_id)
QUALIFY row_number() OVER (PARTITION BY c.rid ORDER BY m.fkey) = 1
"""

MERGED_EMPTY = """
CREATE TABLE merged (
    fkey BIGINT, fact_id VARCHAR, value VARCHAR, date_start VARCHAR, date_end VARCHAR, granularity VARCHAR,
    d_start DATE, d_end DATE, placed BOOLEAN, dates VARCHAR[], dates_disagree BOOLEAN, sentence VARCHAR,
    date_text VARCHAR, actors VARCHAR[], topics VARCHAR[], outlets VARCHAR[], sources BIGINT, articles BIGINT,
    main_topic VARCHAR, published VARCHAR, member_event_ids VARCHAR[], groups VARCHAR[], merge_reason VARCHAR,
    action VARCHAR, actors_source VARCHAR[], actors_target VARCHAR[], headline VARCHAR);
CREATE TABLE members (rid BIGINT, fkey BIGINT, event_id VARCHAR);
CREATE VIEW facts_raw AS SELECT NULL::VARCHAR AS fact_id, []::VARCHAR[] AS member_event_ids,
    NULL::VARCHAR AS merge_reason, [] AS evidence WHERE false;
"""


def index_facts(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Index the merged facts of the fact table at ``path``; returns how many were stale."""
    check_version(path, FACTS)
    con.read_parquet(str(path)).create_view("facts_raw")
    con.execute(_CANDIDATES)
    con.execute(_MERGED, {"no_topic": NO_TOPIC})
    con.execute(_MEMBERS)
    stale = con.execute("SELECT count(DISTINCT fact_id) FROM candidates WHERE rid IS NULL").fetchone()[0]
    con.execute("DROP TABLE candidates")
    return int(stale)


def empty_events() -> pa.Table:
    return ARROW_SCHEMA.empty_table()


def arrow_events(added: pa.Table | pd.DataFrame) -> pa.Table:
    if isinstance(added, pa.Table):
        table = added.select(EVENT_COLUMNS).cast(ARROW_SCHEMA)
    else:
        table = pa.Table.from_pandas(complete_columns(added, ARROW_SCHEMA), schema=ARROW_SCHEMA, preserve_index=False)
    rids = pa.array(np.arange(table.num_rows, dtype=np.int64) + _ADDED_BASE)
    return table.add_column(0, "rid", rids)


# Lanes of a fact: every actor it names, every topic, every outlet that reported it.
LANES = {
    # A fact sits in the lane of who acted; the others it names are in its hover and evidence.
    "Actor": "CASE WHEN len(coalesce(actors_source, [])) > 0 THEN actors_source "
             "WHEN len(actors) = 0 THEN [$no_actor] ELSE actors END",
    "Named actor": "CASE WHEN len(actors) = 0 THEN [$no_actor] ELSE actors END",
    "Topic": "CASE WHEN len(topics) = 0 THEN [$no_topic] ELSE topics END",
    "Outlet": "list_transform(outlets, lambda o: CASE WHEN o = '' THEN $no_outlet ELSE o END)",
}

#: The columns each kind of lane is made from.
LANE_COLUMNS = {"Actor": ("actors", "actors_source"), "Named actor": ("actors",), "Topic": ("topics",),
                "Outlet": ("outlets",)}

# Columns a solo event gives its fact (alias e), and the same from the merged facts.
SOLO_FACT = {
    "fact_id": "e.event_id", "value": "e.value", "date_start": "e.date_start", "date_end": "e.date_end",
    "granularity": "e.granularity", "d_start": "e.d_start", "d_end": "e.d_end", "placed": "e.placed",
    "dates": "CASE WHEN e.value IS NULL THEN [] ELSE [e.value] END", "dates_disagree": "false",
    "sentence": "e.sentence", "date_text": "e.date_text", "actors": "coalesce(e.actors, [])",
    "topics": "coalesce(e.topics, [])", "outlets": "[coalesce(e.source, '')]", "sources": "1::BIGINT",
    "articles": "1::BIGINT", "main_topic": "coalesce(e.topics[1], $no_topic)", "source": "e.source",
    "published": "e.published", "event_id_": "e.event_id", "tense": "e.tense",
    "action": "coalesce(e.action, 'other')", "actors_source": "coalesce(e.actors_source, [])",
    "actors_target": "coalesce(e.actors_target, [])", "headline": "coalesce(e.headline, '')",
}

#: A fact as ``StoreQuery.facts`` lists it (``newsline query --facts``).
FACT_LIST_COLUMNS = ("fact_id", "value", "date_start", "date_end", "granularity", "placed", "dates", "dates_disagree",
                     "headline", "action", "actors_source", "actors_target",
                     "sentence", "date_text", "actors", "topics", "outlets", "sources", "articles")

#: A fact's own columns: those the merged facts hold, and ``StoreQuery.fact`` gives a solo event.
ONE_EVENT_FACT = ("fact_id", "value", "date_start", "date_end", "granularity", "d_start", "d_end", "placed", "dates",
                  "dates_disagree", "sentence", "date_text", "actors", "topics", "outlets", "sources", "articles",
                  "main_topic", "published", "action", "actors_source", "actors_target", "headline")

MERGED_COLUMNS = set(ONE_EVENT_FACT)
