"""How fast the dashboard's queries run through DuckDB on a large event store.

    .venv/bin/python benchmarks/query_bench.py [--sizes 100000 1000000] [--repeat 5] [--layouts file one-group parts]

For each size the script writes a synthetic store to a temporary folder with the
pipeline's own writers: the event table as one ``events.parquet``
(``newsline.store.write_events``, what ``newsline build`` writes, in 131,072-row groups;
also rewritten as one big row group, as older builds wrote it), or as an ``events/``
dataset of 8 part files (``newsline.engines.dataset.write_dataset``, what
``newsline extract --engine dask`` writes), and the fact table ``facts.parquet``
(``newsline.merge.write_facts``):

- events: the table's real columns; 20 actors, 9 topics, 12 outlets; 55% day, 15% month,
  15% year, 7% range and 8% unresolved dates spread over 2000–2025; sentences of about
  twenty words;
- facts: about a fifth of the dated events merged into facts of two to four sources
  (one in ten with a syndicated reprint counted once, one in thirty disagreeing by a
  day); every other event a fact of its own.

It opens the store with ``newsline.query.EventStore`` and makes the queries the page makes,
``--repeat`` times each with new filter values (so DuckDB does the work, no cache answers):

- open: reading the Parquet footers and indexing the merged facts (once per file version);
- facets: actor, topic and outlet counts and the table's extent (once per file version);
- a filter change: ``counts`` (events and facts shown, their extent: the header line and
  the window) then ``timeline`` for the fitted window, all 25 years, which the store
  answers as counts per period and lane; for actor/topic/tense/precision filters, for
  two search words never searched before (``counts`` reads the sentences for them, the
  timeline reuses what it found), and for "confirmed by at least 2 sources" with a topic;
- one-year window: the timeline after narrowing the window to one year (single facts);
- table page: the first 2,000 matching events in time order;
- evidence: one merged fact with every source.

Target: a filter query at 1M events under 500 ms. Prints a Markdown table (median / worst
of the runs, in ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsline.merge import fact_row  # noqa: E402
from newsline.model import EVENT_COLUMNS  # noqa: E402
from newsline.store import FACT_COLUMNS, write_events, write_facts  # noqa: E402

ACTORS = ["Nicolás Maduro", "Donald Trump", "Joe Biden", "Juan Guaidó", "María Corina Machado",
          "Edmundo González Urrutia", "Venezuela", "United States", "Venezuelan opposition", "Chevron",
          "Citgo", "PDVSA", "OPEC", "United Nations", "European Union", "Diosdado Cabello", "Marco Rubio",
          "Pete Hegseth", "Delcy Rodríguez", "Tren de Aragua"]
TOPICS = ["elections", "oil-sanctions", "migration-deportation", "diplomacy-talks", "military",
          "justice-prisoners", "security-crime", "economy", "human-rights"]
OUTLETS = ["Reuters", "Associated Press", "El País", "CNN", "Miami Herald", "NPR", "CBS News", "BBC",
           "Bloomberg", "The Guardian", "El Nacional", "Efecto Cocuyo"]
WORDS = ("the government said sanctions oil talks Caracas Washington election opposition migrants "
         "flights embassy license prisoners exchange military boats strike court charges").split()


def _pick_lists(rng, pool: list[str], n: int, most: int) -> list[list[str]]:
    """n lists of 0..most distinct items of pool (vectorised enough for a million rows)."""
    sizes = rng.integers(0, most + 1, n)
    keys = rng.random((n, len(pool))).argsort(axis=1)[:, :most]
    out = []
    pool_arr = np.array(pool, dtype=object)
    for row, size in zip(keys, sizes):
        out.append(list(pool_arr[row[:size]]))
    return out


def synthetic_events(n: int, seed: int = 7) -> pd.DataFrame:
    """n events over 2000–2025 with the table's columns and realistic value shapes."""
    rng = np.random.default_rng(seed)
    day = (np.datetime64("2000-01-01") + rng.integers(0, 365 * 26, n).astype("timedelta64[D]"))
    kind = rng.choice(np.array(["day", "month", "year", "range", "unresolved"]), n,
                      p=[0.55, 0.15, 0.15, 0.07, 0.08])
    month_start = day.astype("datetime64[M]")
    year_start = day.astype("datetime64[Y]")
    start = np.where(kind == "month", month_start.astype("datetime64[D]"),
                     np.where(kind == "year", year_start.astype("datetime64[D]"), day))
    end = np.where(kind == "month", (month_start + 1).astype("datetime64[D]") - 1,
                   np.where(kind == "year", (year_start + 1).astype("datetime64[D]") - 1,
                            np.where(kind == "range", day + rng.integers(30, 1500, n).astype("timedelta64[D]"),
                                     day)))
    start_s = np.datetime_as_string(start, unit="D").astype(object)
    end_s = np.datetime_as_string(end, unit="D").astype(object)
    value = np.where(kind == "day", start_s,
                     np.where(kind == "month", np.datetime_as_string(month_start, unit="M").astype(object),
                              np.where(kind == "year", np.datetime_as_string(year_start, unit="Y").astype(object),
                                       start_s + "/" + end_s)))
    unresolved = kind == "unresolved"
    value = np.where(unresolved, None, value)
    start_s = np.where(unresolved, None, start_s)
    end_s = np.where(unresolved, None, end_s)
    date_text = np.where(unresolved, "that day", value)
    pool = np.array([" ".join(rng.choice(WORDS, 18)) for _ in range(4096)], dtype=object)
    sentence = "On " + date_text + " " + pool[rng.integers(0, len(pool), n)] + "."
    article = np.arange(n) // 6
    article_id = np.char.add("article-", article.astype(str)).astype(object)
    published = np.datetime_as_string(day + rng.integers(0, 30, n).astype("timedelta64[D]"), unit="D").astype(object)
    titles = np.array([f"Article: {' '.join(rng.choice(WORDS, 6))}" for _ in range(1024)], dtype=object)
    frame = pd.DataFrame({
        "event_id": [f"{i:016x}" for i in range(n)],
        "article_id": article_id,
        "url": "https://news.example.org/" + article.astype(str).astype(object),
        "title": titles[article % len(titles)],
        "source": np.array(OUTLETS, dtype=object)[rng.integers(0, len(OUTLETS), n)],
        "published": published,
        "language": "en",
        "date_text": date_text,
        "date_char_start": 3,
        "date_char_end": 3 + np.array([len(t) for t in date_text]),
        "value": value,
        "date_start": start_s,
        "date_end": end_s,
        "granularity": kind.astype(object),
        "resolution": np.where(unresolved, "unresolved", "explicit"),
        "rule": "synthetic",
        "tense": np.array(["past", "past", "future", "present"], dtype=object)[np.arange(n) % 4],
        "sentence": sentence,
        "sentence_char_start": 0,
        "sentence_char_end": np.array([len(s) for s in sentence]),
        "actors": _pick_lists(rng, ACTORS, n, 3),
        "topics": _pick_lists(rng, TOPICS, n, 2),
        "confidence": rng.uniform(0.5, 1.0, n),
        "timex_type": "DATE",
        "timex_value": np.where(unresolved, "XXXX-XX-XX", value),
        "timex_char_start": 3,
        "timex_char_end": 3 + np.array([len(t) for t in date_text]),
    })
    # Who did what to whom: the first actor named acts on the others.
    frame["action"] = np.array(["sanctions", "meeting", "statement", "release", "other"], dtype=object)[np.arange(n) % 5]
    frame["action_text"] = ""
    frame["action_char_start"] = 0
    frame["action_char_end"] = 0
    frame["actors_source"] = [a[:1] for a in frame["actors"]]
    frame["actors_target"] = [a[1:] for a in frame["actors"]]
    frame["roles_rule"] = "synthetic"
    frame["headline"] = [" ".join(s.split()[:8]) for s in sentence]
    return frame[EVENT_COLUMNS]


def synthetic_facts(events: pd.DataFrame, seed: int = 11, share: float = 0.2) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Merge about ``share`` of the dated events into facts of 2–4 members, as ``newsline merge`` writes them.

    Members of one fact get the first member's date (one in thirty disagrees by a day)
    and different articles; one fact in ten has two members that are reprints of one
    story. Returns the event table (dates aligned) and the fact table.
    """
    rng = np.random.default_rng(seed)
    events = events.copy()
    dated = np.flatnonzero(events["granularity"].to_numpy() != "unresolved")
    chosen = rng.permutation(dated)[: int(len(dated) * share)]
    sizes = rng.integers(2, 5, len(chosen))
    bounds = np.cumsum(sizes)
    groups = np.split(chosen, bounds[bounds < len(chosen)])
    groups = [g for g in groups if len(g) >= 2]
    cols = {c: events[c].to_numpy(copy=True) for c in ("value", "date_start", "date_end", "granularity",
                                                        "date_text", "article_id")}
    disagree = np.zeros(len(groups), dtype=bool)
    for k, g in enumerate(groups):
        head = g[0]
        for c in ("value", "date_start", "date_end", "granularity"):
            cols[c][g] = cols[c][head]
        cols["date_text"][g] = cols["value"][head]
        if cols["granularity"][head] == "day" and k % 30 == 0:  # one source a day off
            shifted = str(np.datetime64(cols["value"][head]) + 1)
            cols["value"][g[-1]] = cols["date_start"][g[-1]] = cols["date_end"][g[-1]] = shifted
            cols["date_text"][g[-1]] = shifted
            disagree[k] = True
        cols["article_id"][g] = [f"merged-{k}-{m}" for m in range(len(g))]
    for c, values in cols.items():
        events[c] = values
    sentence = events["sentence"].to_numpy(copy=True)
    for k, g in enumerate(groups):  # keep the date expression inside its sentence
        for m in g:
            sentence[m] = "On " + cols["date_text"][m] + " " + sentence[m].split(" ", 2)[-1]
    events["sentence"] = sentence
    events["date_char_end"] = 3 + events["date_text"].str.len()
    events["sentence_char_end"] = events["sentence"].str.len()

    member_of = np.full(len(events), -1)
    for k, g in enumerate(groups):
        member_of[g] = k
    records = events.iloc[np.flatnonzero(member_of >= 0)].to_dict(orient="records")
    by_id = {r["event_id"]: r for r in records}
    ids = events["event_id"].to_numpy()
    rows = []
    for k, g in enumerate(groups):
        members = [by_id[ids[m]] for m in g]
        groups_of = [m["article_id"] for m in members]
        if k % 10 == 0:  # a syndicated reprint: two articles, one story
            groups_of[1] = groups_of[0]
        rows.append(fact_row(members, groups_of, disagree=bool(disagree[k]), reason="synthetic"))
    merged = pd.DataFrame(rows, columns=FACT_COLUMNS)
    return events, pd.concat([merged, _solo_facts(events[member_of < 0])], ignore_index=True)


def _solo_facts(events: pd.DataFrame) -> pd.DataFrame:
    """One fact per event, as ``newsline merge`` writes an event nothing joined."""
    return pd.DataFrame([fact_row([r], [r["article_id"]]) for r in events.to_dict(orient="records")],
                        columns=FACT_COLUMNS)


LAYOUTS = {
    "file": "one file, 128k-row groups (newsline build)",
    "one-group": "one file, one row group (older builds)",
    "parts": "8-part dataset",
}


def write_store(folder: Path, n: int, seed: int = 7, layout: str = "file") -> tuple[Path, Path]:
    """A synthetic store of n events in ``folder`` and its fact table (facts.parquet).

    ``layout``: "file", events.parquet as ``newsline build`` writes it (row groups of
    ``newsline.store.ROW_GROUP_ROWS`` rows); "one-group", the same file rewritten with pyarrow's
    default row groups (up to about a million rows each), as tables were written before; "parts",
    an ``events/`` dataset of 8 part files, as ``newsline extract --engine dask`` writes.
    """
    events, facts = synthetic_facts(synthetic_events(n, seed))
    if layout == "parts":
        from newsline.engines.dataset import write_dataset
        from newsline.store import ARROW_SCHEMA

        table = pa.Table.from_pandas(events, schema=ARROW_SCHEMA, preserve_index=False)
        cuts = np.linspace(0, n, 9).astype(int)
        events_path = write_dataset(table, folder / "events", list(zip(cuts[:-1], cuts[1:])))
    else:
        events_path = write_events(events, folder / "events.parquet")
        if layout == "one-group":
            import pyarrow.parquet as pq

            pq.write_table(pq.read_table(events_path), events_path)  # pyarrow's default row groups
    facts_path = write_facts(facts, folder / "facts.parquet")
    return events_path, facts_path


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.glob("*.parquet")) if path.is_dir() else path.stat().st_size


def _timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def bench(n: int, repeat: int, layout: str) -> dict:
    """Times of the queries a filter change, a zoom and a click make, as the app makes them."""
    from newsline.filters import Filters
    from newsline.query import EventStore

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        events_path, facts_path = write_store(Path(folder), n, layout=layout)
        made = time.perf_counter() - started
        size_mb = (_size(events_path) + _size(facts_path)) / 2**20
        opened, store = _timed(lambda: EventStore.open(events_path, facts_path))
        q = store.query()
        facets_ms, _ = _timed(q.facets)
        times: dict[str, list[float]] = {k: [] for k in (
            "filter: counts", "filter: timeline", "search: counts", "search: timeline", "min sources: counts",
            "min sources: timeline", "one-year window", "table page", "evidence")}
        modes: dict[str, str] = {}

        def change(label: str, flt: Filters) -> None:
            ms, summary = _timed(lambda: q.summary(flt))
            times[f"{label}: counts"].append(ms)
            ms, timeline = _timed(lambda: q.timeline(flt, summary.fitted, "Actor", expected=summary.placed))
            times[f"{label}: timeline"].append(ms)
            modes[label] = timeline.mode if timeline.mode != "aggregated" else f"counts per {timeline.period}"

        for i in range(repeat):
            change("filter", Filters(actors=(ACTORS[i % len(ACTORS)],), topics=(TOPICS[i % len(TOPICS)],))
                   if i % 2 else Filters(tense=["past", "future", "present"][i % 3], hide_year_only=bool(i % 3)))
            # Two words never searched before in this store: the sentences are read for each.
            change("search", Filters(search=f"{WORDS[(2 * i) % len(WORDS)]} {WORDS[(2 * i + 1) % len(WORDS)]}"))
            change("min sources", Filters(min_sources=2, topics=(TOPICS[i % len(TOPICS)],)))
            flt = Filters(actors=(ACTORS[(i + 3) % len(ACTORS)],))
            expected = q.summary(flt).placed
            ms, year = _timed(lambda: q.timeline(flt, (date(2004 + i, 1, 1), date(2004 + i, 12, 31)), "Actor",
                                                 expected=expected))
            times["one-year window"].append(ms)
            modes["one-year window"] = f"{year.mode} ({year.drawn:,} facts)"
            ms, _ = _timed(lambda: q.events(Filters(topics=(TOPICS[i % len(TOPICS)],)), limit=2_000))
            times["table page"].append(ms)
        corroborated = q.events(Filters(min_sources=2, date_from=date(2010, 1, 1)), limit=repeat * 4)
        for fact_id in list(dict.fromkeys(corroborated["fact_id"]))[:repeat]:
            ms, _ = _timed(lambda: q.fact(fact_id))
            times["evidence"].append(ms)
        zoomed_out = q.timeline(Filters(), q.summary(Filters()).fitted, "Actor", expected=n)
        store.close()
    row = {"events": f"{n:,}", "layout": LAYOUTS[layout],
           "store (MB)": f"{size_mb:,.0f}", "open (ms)": f"{opened:,.0f}", "facets (ms)": f"{facets_ms:,.0f}"}
    for name, values in times.items():
        row[f"{name} (ms)"] = f"{statistics.median(values):,.0f} / {max(values):,.0f}" if values else "–"
    row["zoomed out"] = (f"counts per {zoomed_out.period}" if zoomed_out.mode == "aggregated" else zoomed_out.mode)
    row["one year"] = modes["one-year window"]
    row["written in (s)"] = f"{made:.0f}"
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query, each with new filter values")
    parser.add_argument("--layouts", nargs="+", default=list(LAYOUTS), choices=list(LAYOUTS),
                        help="how the event table is stored (see write_store)")
    args = parser.parse_args()
    rows = [bench(n, args.repeat, layout) for n in args.sizes for layout in args.layouts]
    headers = list(rows[0])
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for row in rows:
        print("| " + " | ".join(str(row[h]) for h in headers) + " |")
    print("\nquery times in ms: median / worst of the runs, each run with new filter values")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
