"""The query layer against real Parquet files: DuckDB's answers equal a plain pandas reading.

A generated store (events with every precision, empty and accented lists, odd characters;
merged facts of two and three sources, one disagreeing on the date) is written with the
pipeline's own writers; every filter, alone and combined, must give the same events and
facts as the pandas reference below, and the counts per period and lane the same totals.
"""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsline.errors import NewslineError
from newsline.store import FACT_COLUMNS, write_events, write_facts
from newsline.model import EVENT_COLUMNS
from newsline.filters import NO_ACTOR, NO_OUTLET, NO_TOPIC, Filters
from newsline.query import EventStore
from newsline.time_axis import fitted_lower_by_year, period_end
from support.rows import fact_row

ACTORS = ["Nicolás Maduro", "Donald Trump", "Chevron", "Delcy Rodríguez", "Marco Rubio", "O'Brien"]
TOPICS = ["elections", "oil-sanctions", "military", "diplomacy-talks"]
OUTLETS = ["Reuters", "El País", "CNN", "", "Bob's <b>Blog</b>"]
WORDS = ["sanciones", "ÉXITO", "oil", "50%", "a_b", "(paren)", "o'clock", "back\\slash", "Caracas", "talks",
         "strike", "boats", "[x]", "*", "dólar"]


def generated_events(n: int = 1200, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        kind = rng.choice(["day", "month", "year", "decade", "range", "unresolved", "open"],
                          p=[0.45, 0.15, 0.12, 0.03, 0.1, 0.1, 0.05])
        day = date(1995, 1, 1).toordinal() + int(rng.integers(0, 365 * 30))
        d = date.fromordinal(day)
        if kind == "day":
            value, start, end = d.isoformat(), d.isoformat(), d.isoformat()
        elif kind == "month":
            start = d.replace(day=1)
            end = (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()
            value, start, end = start.strftime("%Y-%m"), start.isoformat(), end.isoformat()
        elif kind == "year":
            value, start, end = str(d.year), f"{d.year}-01-01", f"{d.year}-12-31"
        elif kind == "decade":
            dec = d.year // 10 * 10
            value, start, end = f"{dec}/{dec + 9}", f"{dec}-01-01", f"{dec + 9}-12-31"
        elif kind == "range":
            last = date.fromordinal(day + int(rng.integers(20, 900)))
            value, start, end = f"{d}/{last}", d.isoformat(), last.isoformat()
        elif kind == "open":  # a start without an end: covers its first day
            kind, value, start, end = "day", d.isoformat(), d.isoformat(), None
        else:
            value = start = end = None
        words = " ".join(rng.choice(WORDS, 6))
        date_text = value or "that day"
        sentence = f"On {date_text} {words}."
        rows.append({
            "event_id": f"e{i:05d}", "article_id": f"a{i // 3}", "url": f"https://example.org/{i // 3}",
            "title": f"Article {i // 3}", "source": OUTLETS[int(rng.integers(0, len(OUTLETS)))],
            "published": d.isoformat(), "language": "en", "date_text": date_text,
            "date_char_start": 3, "date_char_end": 3 + len(date_text), "value": value, "date_start": start,
            "date_end": end, "granularity": kind, "resolution": "explicit" if value else "unresolved",
            "rule": "test", "tense": ["past", "future", "present"][int(rng.integers(0, 3))],
            "sentence": sentence, "sentence_char_start": 0, "sentence_char_end": len(sentence),
            "actors": list(rng.choice(ACTORS, int(rng.integers(0, 3)), replace=False)),
            "topics": list(rng.choice(TOPICS, int(rng.integers(0, 3)), replace=False)),
            "confidence": 0.9, "timex_type": "DATE", "timex_value": value or "XXXX-XX-XX",
            "timex_char_start": 3, "timex_char_end": 3 + len(date_text),
        })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def reprinted(members: list[dict], sources: int) -> list[str]:
    """Syndication groups giving ``members`` ``sources`` independent sources: when fewer than the
    members, the first two are reprints of one story."""
    return ["g-shared" if sources < len(members) and k < 2 else m["article_id"] for k, m in enumerate(members)]


def generated_facts(events: pd.DataFrame, seed: int = 5) -> pd.DataFrame:
    """Groups of 2–3 dated events from different articles; the rest one event each."""
    rng = np.random.default_rng(seed)
    records = events.to_dict(orient="records")
    dated = [i for i, r in enumerate(records) if isinstance(r["value"], str)]
    rng.shuffle(dated)
    rows, used, k = [], set(), 0
    while k + 3 <= len(dated) // 3:
        size = 2 + (k // 3) % 2
        group = dated[k:k + size]
        k += size
        members = [records[i] for i in group]
        if len({m["article_id"] for m in members}) < size:
            continue
        sources = size - 1 if (k % 7 == 0 and size == 3) else size  # some syndicated
        rows.append(fact_row(members, reprinted(members, sources), disagree=k % 11 == 0))
        used.update(group)
    rows += [fact_row([records[i]], fact_id=f"f-solo-{records[i]['event_id']}")
             for i in range(len(records)) if i not in used]
    return pd.DataFrame(rows, columns=FACT_COLUMNS)


@pytest.fixture(scope="module")
def store_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store")
    events = generated_events()
    facts = generated_facts(events)
    write_events(events, folder / "events.parquet")
    write_facts(facts, folder / "facts.parquet")
    return folder, events, facts


@pytest.fixture(scope="module")
def store(store_files):
    folder, _, _ = store_files
    opened = EventStore.open(folder / "events.parquet")
    yield opened
    opened.close()


# --- the pandas reference ------------------------------------------------------------


def prepared(events: pd.DataFrame) -> pd.DataFrame:
    frame = events.copy()
    frame["start"] = pd.to_datetime(frame["date_start"], errors="coerce", format="%Y-%m-%d")
    frame["end"] = pd.to_datetime(frame["date_end"], errors="coerce", format="%Y-%m-%d").fillna(frame["start"])
    frame["placed"] = frame["start"].notna() & (frame["granularity"] != "unresolved")
    return frame


def reference_mask(frame: pd.DataFrame, flt: Filters) -> np.ndarray:
    keep = np.ones(len(frame), dtype=bool)
    if flt.actors:
        wanted = set(flt.actors)
        keep &= np.array([bool(wanted & set(xs)) or (NO_ACTOR in wanted and not xs) for xs in frame["actors"]])
    if flt.topics:
        keep &= np.array([bool(set(flt.topics) & set(xs)) for xs in frame["topics"]])
    if flt.outlets:
        keep &= frame["source"].fillna("").isin(flt.outlets).to_numpy()
    if flt.date_from or flt.date_to:
        keep &= frame["placed"].to_numpy()
        if flt.date_from:
            keep &= (frame["end"] >= pd.Timestamp(flt.date_from)).to_numpy()
        if flt.date_to:
            keep &= (frame["start"] <= pd.Timestamp(flt.date_to)).to_numpy()
    text = (frame["sentence"].fillna("") + " " + frame["date_text"].fillna("")).str.lower()
    for term in flt.search.lower().split():
        keep &= text.str.contains(term, regex=False).to_numpy()
    if flt.hide_year_only:
        keep &= ~frame["granularity"].isin(["year", "decade"]).to_numpy()
    if flt.hide_unresolved:
        keep &= frame["placed"].to_numpy()
    if flt.tense != "all":
        keep &= (frame["tense"] == flt.tense).to_numpy()
    return keep


class Reference:
    """What the dashboard should show, computed the slow, obvious way."""

    def __init__(self, events: pd.DataFrame, facts: pd.DataFrame):
        self.frame = prepared(events)
        ids = set(events["event_id"])
        self.fact_of: dict[str, str] = {}
        self.sources: dict[str, int] = {}
        self.place: dict[str, tuple] = {}
        merged = facts[facts["member_event_ids"].map(len) >= 2]
        for fact in merged.to_dict(orient="records"):
            if not set(fact["member_event_ids"]) <= ids:
                continue
            for member in fact["member_event_ids"]:
                self.fact_of[member] = fact["fact_id"]
            self.sources[fact["fact_id"]] = int(fact["sources"])
            start = pd.Timestamp(fact["date_start"])
            end = fact["date_end"] if isinstance(fact["date_end"], str) else fact["date_start"]
            self.place[fact["fact_id"]] = (start, pd.Timestamp(end),
                                           (fact["topics"] or [NO_TOPIC])[0], list(fact["actors"]))
        for row in self.frame.itertuples(index=False):
            if row.event_id not in self.fact_of:
                self.fact_of[row.event_id] = row.event_id
                self.sources[row.event_id] = 1
                if row.placed:
                    self.place[row.event_id] = (row.start, row.end, (row.topics or [NO_TOPIC])[0], list(row.actors))

    def events(self, flt: Filters) -> set[str]:
        matched = self.frame["event_id"][reference_mask(self.frame, flt)]
        return {e for e in matched if self.sources[self.fact_of[e]] >= flt.min_sources}

    def facts(self, flt: Filters) -> set[str]:
        return {self.fact_of[e] for e in self.events(flt)}

    def in_window(self, flt: Filters, lo: date, hi: date) -> set[str]:
        lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
        return {f for f in self.facts(flt) if f in self.place and self.place[f][1] >= lo and self.place[f][0] <= hi}


@pytest.fixture(scope="module")
def reference(store_files):
    _, events, facts = store_files
    return Reference(events, facts)


CASES = [
    Filters(),
    Filters(actors=("Nicolás Maduro",)),
    Filters(actors=("Chevron", NO_ACTOR)),
    Filters(actors=("O'Brien",)),
    Filters(topics=("oil-sanctions", "military")),
    Filters(outlets=("El País", "Bob's <b>Blog</b>")),
    Filters(outlets=("",)),
    Filters(date_from=date(2005, 1, 1), date_to=date(2009, 12, 31)),
    Filters(date_to=date(2000, 6, 30)),
    Filters(search="SANCIONES"),
    Filters(search="éxito dólar"),
    Filters(search="50% a_b"),
    Filters(search="(paren) [x] *"),
    Filters(search="o'clock back\\slash"),
    Filters(search="'; DROP TABLE merged; --"),
    Filters(hide_year_only=True),
    Filters(hide_unresolved=True),
    Filters(tense="future"),
    Filters(min_sources=2),
    Filters(min_sources=3),
    Filters(topics=("elections",), min_sources=2, tense="past"),
    Filters(actors=("Donald Trump",), search="oil", hide_year_only=True, date_from=date(2001, 1, 1)),
]


@pytest.mark.parametrize("flt", CASES, ids=[",".join(f.active()) or "none" for f in CASES])
def test_filters_give_the_same_events_and_facts_as_pandas(store, reference, flt):
    q = store.query()
    expected_events, expected_facts = reference.events(flt), reference.facts(flt)
    summary = q.summary(flt)
    assert summary.events == len(expected_events)
    assert summary.facts == len(expected_facts)
    assert summary.corroborated == sum(reference.sources[f] >= 2 for f in expected_facts)
    got = q.events(flt)
    assert set(got["event_id"]) == expected_events
    assert all(reference.fact_of[e] == f for e, f in zip(got["event_id"], got["fact_id"]))
    assert list(got["sources"]) == [reference.sources[f] for f in got["fact_id"]]
    starts = got["d_start"].dropna()
    assert list(starts) == sorted(starts)  # time order, undated last
    window = (date(2008, 1, 1), date(2010, 12, 31))
    timeline = q.timeline(flt, window, "Actor", threshold=10_000)
    drawn = set() if timeline.facts is None else set(timeline.facts["fact_id"])
    assert drawn == reference.in_window(flt, *window)
    assert timeline.drawn == len(drawn)


def test_a_page_of_events_is_the_first_of_the_full_answer(store):
    q = store.query()
    flt = Filters(topics=("elections",))
    everything = q.events(flt)
    page = q.events(flt, limit=25)
    assert list(page["event_id"]) == list(everything["event_id"][:25])
    undated = q.events(flt, placed=False)
    assert len(undated) and not undated["placed"].any()
    assert set(undated["event_id"]) == set(everything.loc[~everything["placed"].astype(bool), "event_id"])


@pytest.mark.parametrize("lanes", ["Actor", "Topic", "Outlet"])
def test_counts_per_period_and_lane_add_up(store, reference, lanes):
    q = store.query()
    flt = Filters(hide_year_only=True)
    window = (date(1995, 1, 1), date(2024, 12, 31))
    counted = q.timeline(flt, window, lanes, threshold=50)
    assert counted.mode == "aggregated" and counted.period == "year"
    bins = counted.bins
    assert all(b.month == 1 and b.day == 1 for b in bins["bin"])
    assert all(e == period_end(b, "year") for b, e in zip(bins["bin"], bins["end"]))
    facts = reference.in_window(flt, *window)
    assert counted.drawn == len(facts)
    # Every fact counted once in each of its lanes (no lane here is folded into "other").
    expected = {}
    for f in facts:
        start, end, topic, actors = reference.place[f]
        middle = start + pd.Timedelta(days=((end - start).days + 1) // 2)
        if lanes == "Actor":
            lanes_of = actors or [NO_ACTOR]
        elif lanes == "Topic":
            lanes_of = _topics_of(reference, f) or [NO_TOPIC]
        else:
            lanes_of = _outlets_of(reference, f)
        for lane in lanes_of:
            key = (lane, middle.year, topic)
            expected[key] = expected.get(key, 0) + 1
    got = {(r.lane, r.bin.year, r.topic): int(r.n) for r in bins.itertuples()}
    assert got == expected


def _topics_of(reference: Reference, fact: str) -> list[str]:
    members = [e for e, f in reference.fact_of.items() if f == fact]
    rows = reference.frame[reference.frame["event_id"].isin(members)]
    return list(dict.fromkeys(t for ts in rows["topics"] for t in ts))


def _outlets_of(reference: Reference, fact: str) -> list[str]:
    members = [e for e, f in reference.fact_of.items() if f == fact]
    rows = reference.frame[reference.frame["event_id"].isin(members)]
    return sorted({s or NO_OUTLET for s in rows["source"].fillna("")})


def test_narrowing_the_window_drills_down_to_single_facts(store):
    q = store.query()
    wide = q.timeline(Filters(), (date(1995, 1, 1), date(2024, 12, 31)), "Actor", threshold=200)
    assert wide.mode == "aggregated"
    medium = q.timeline(Filters(), (date(2010, 1, 1), date(2014, 12, 31)), "Actor", threshold=200)
    assert medium.period == "quarter" or medium.mode == "events"
    narrow = q.timeline(Filters(), (date(2012, 3, 1), date(2012, 5, 31)), "Actor", threshold=200)
    assert narrow.mode == "events" and 0 < narrow.drawn < 200
    assert set(narrow.facts.columns) >= {"fact_id", "sources", "dates_disagree", "lanes", "d_start", "d_end"}


def test_lanes_past_the_limit_share_one_other_lane_counting_a_fact_once(tmp_path):
    rows = []
    for i in range(40):  # 40 facts naming three of 24 actors each: far more lanes than drawn
        actors = [f"Actor {i % 24:02d}", f"Actor {(i + 7) % 24:02d}", f"Actor {(i + 13) % 24:02d}"]
        day = f"2020-0{1 + i % 9}-1{i % 10}"
        rows.append(_event(f"x{i:03d}", day, actors=actors))
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), tmp_path / "events.parquet")
    q = EventStore.open(tmp_path / "events.parquet").query()
    counted = q.timeline(Filters(), (date(2020, 1, 1), date(2020, 12, 31)), "Actor", threshold=10)
    bins = counted.bins
    assert len(counted.lane_order) == 18 and counted.lane_order[-1] == "(other actors)"
    other = bins[bins["lane"] == "(other actors)"]
    kept = set(counted.lane_order[:-1])
    expected_other = sum(1 for r in rows if set(r["actors"]) - kept)
    assert int(other["n"].sum()) == expected_other  # a fact in two folded lanes counts once
    assert int(bins[bins["lane"] != "(other actors)"]["n"].sum()) == sum(len(set(r["actors"]) & kept) for r in rows)


def _event(event_id: str, day: str | None, **extra) -> dict:
    row = {c: None for c in EVENT_COLUMNS}
    row.update(event_id=event_id, article_id=f"art-{event_id}", url="https://example.org/" + event_id,
               title="T", source="Reuters", published="2020-01-01", language="en", date_text=day or "that day",
               date_char_start=0, date_char_end=len(day or "that day"), value=day, date_start=day, date_end=day,
               granularity="day" if day else "unresolved", resolution="explicit" if day else "unresolved",
               rule="t", tense="past", sentence=f"{day or 'that day'} it happened.", sentence_char_start=0,
               sentence_char_end=20, actors=[], topics=[], confidence=0.9)
    row.update(extra)
    return row


def test_the_default_window_leaves_out_a_few_far_older_facts(tmp_path):
    rows = [_event(f"old{i}", d) for i, d in enumerate(["1798-06-25", "1823-12-02"])]
    rows += [_event(f"new{i:03d}", f"20{10 + i % 15}-0{1 + i % 9}-15") for i in range(60)]
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), tmp_path / "events.parquet")
    q = EventStore.open(tmp_path / "events.parquet").query()
    summary = q.summary(Filters())
    assert summary.extent[0] == date(1798, 6, 25)
    assert summary.fitted[0] == date(2010, 1, 15)
    assert summary.fitted[1] == summary.extent[1]


def test_fitted_lower_bound_matches_the_gap_rule_on_sorted_starts():
    rng = np.random.default_rng(1)
    for _ in range(200):
        starts = sorted(date.fromordinal(date(1700, 1, 1).toordinal() + int(x))
                        for x in rng.integers(0, 120_000, int(rng.integers(1, 80))))
        head = starts[: int(len(starts) * 0.05) + 1]
        expected = starts[0]
        if len(head) > 1:
            gaps = [(b - a).days for a, b in zip(head, head[1:])]
            widest = int(np.argmax(gaps))
            if gaps[widest] > 3652:
                expected = head[widest + 1]
        years: dict[int, list[date]] = {}
        for d in starts:
            years.setdefault(d.year, []).append(d)
        per_year = [(len(v), v[0], v[-1]) for _, v in sorted(years.items())]
        assert fitted_lower_by_year(per_year, len(starts), starts[0]) == expected


def test_the_filter_is_evaluated_inside_the_parquet_scan(store):
    q = store.query()
    sql, params = q._with_shown(Filters(tense="future", actors=("Chevron",)), ["d_start"],
                                "SELECT count(*) FROM shown")
    plan = json.loads(q._run("EXPLAIN (FORMAT JSON) " + sql, params).fetchall()[0][1])

    def nodes(node):
        yield node
        for child in node.get("children", []):
            yield from nodes(child)

    scans = [n for root in plan for n in nodes(root) if n.get("name") == "PARQUET_SCAN"]
    assert scans
    filters = " ".join(str(n.get("extra_info", {}).get("Filters", "")) for n in scans)
    assert "tense = 'future'" in filters and "list_contains(actors, 'Chevron')" in filters
    projected = {c for n in scans for c in n.get("extra_info", {}).get("Projections", [])}
    assert "sentence" not in projected and "title" not in projected  # only the columns asked for are read


def test_hostile_filter_values_are_data_not_sql(store, reference):
    q = store.query()
    for flt in (Filters(actors=("x') OR TRUE OR list_contains(actors, 'y",)),
                Filters(outlets=("' OR '1'='1",)),
                Filters(search="$p0 ? ?? $min_sources"),
                Filters(tense="past' OR '1'='1")):
        assert q.summary(flt).events == len(reference.events(flt)) == 0
    assert q.summary(Filters()).events == len(reference.events(Filters()))  # nothing was dropped


def test_a_dataset_folder_answers_like_one_file(store_files, tmp_path):
    from newsline.engines.dataset import write_dataset

    folder, events, _ = store_files
    table = pq.read_table(folder / "events.parquet")
    third = table.num_rows // 3
    write_dataset(table, tmp_path / "events", [(0, third), (third, 2 * third), (2 * third, table.num_rows)])
    (tmp_path / "facts.parquet").write_bytes((folder / "facts.parquet").read_bytes())
    one = EventStore.open(folder / "events.parquet").query()
    parts = EventStore.open(tmp_path / "events").query()
    for flt in (Filters(), Filters(min_sources=2), Filters(search="oil", tense="past")):
        assert one.summary(flt) == parts.summary(flt)
        assert list(one.events(flt)["event_id"]) == list(parts.events(flt)["event_id"])


def test_added_events_are_seen_by_their_own_cursor_only(store, reference):
    added = pd.DataFrame([_event("mine-1", "2011-05-05", actors=["Nicolás Maduro"]),
                          _event("mine-2", None)], columns=EVENT_COLUMNS)
    mine, theirs = store.query(added), store.query()
    flt = Filters(actors=("Nicolás Maduro",))
    assert mine.summary(flt).events == len(reference.events(flt)) + 1
    assert theirs.summary(flt).events == len(reference.events(flt))
    assert mine.resolve("mine-1") == "mine-1" and theirs.resolve("mine-1") is None
    assert mine.fact("mine-1").fact["sources"] == 1
    assert "mine-2" in set(mine.events(Filters(), placed=False)["event_id"])


def test_a_fact_lists_every_source_in_order(store, store_files):
    _, _, facts = store_files
    q = store.query()
    fact = facts[(facts["articles"] == 3) & (facts["sources"] == 2)].iloc[0]
    detail = q.fact(fact["fact_id"])
    assert detail.fact["sources"] == 2 and detail.fact["articles"] == 3
    assert list(detail.members["event_id"]) == list(fact["member_event_ids"])
    assert list(detail.members["syndication_group"])[:2] == ["g-shared", "g-shared"]
    assert {"sentence", "date_text", "source", "url", "date_char_start", "resolution"} <= set(detail.members.columns)
    disagreeing = facts[facts["dates_disagree"]].iloc[0]
    assert q.fact(disagreeing["fact_id"]).fact["dates_disagree"] is True


def test_any_id_of_a_fact_resolves_to_it(store, store_files):
    _, events, facts = store_files
    q = store.query()
    merged = facts[facts["member_event_ids"].map(len) == 2].iloc[0]
    assert q.resolve(merged["fact_id"]) == merged["fact_id"]
    assert q.resolve(merged["member_event_ids"][1]) == merged["fact_id"]  # an old event link
    solo = facts[facts["fact_id"].str.startswith("f-solo-")].iloc[0]
    event_id = solo["member_event_ids"][0]
    assert q.resolve(event_id) == event_id  # a fact of one event is named by its event
    assert q.resolve(solo["fact_id"]) == event_id
    assert q.resolve("nope") is None and q.resolve("") is None
    assert q.is_shown(Filters(), merged["fact_id"])
    assert not q.is_shown(Filters(min_sources=3), event_id)


def test_a_stale_fact_table_is_named_and_its_events_shown_alone(tmp_path):
    rows = [_event(f"s{i}", "2021-03-0" + str(1 + i), actors=["Chevron"]) for i in range(4)]
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), tmp_path / "events.parquet")
    facts = pd.DataFrame([fact_row([rows[0], rows[1]]), fact_row([rows[2], _event("gone", "2021-03-03")])],
                         columns=FACT_COLUMNS)
    write_facts(facts, tmp_path / "facts.parquet")
    store = EventStore.open(tmp_path / "events.parquet")
    assert store.notes and "1 merged fact name" in store.notes[0]
    summary = store.query().summary(Filters())
    assert (summary.events, summary.facts, summary.corroborated) == (4, 3, 1)


def test_other_schema_versions_and_broken_files_are_refused(tmp_path):
    bad = tmp_path / "events.parquet"
    bad.write_bytes(b"not parquet")
    with pytest.raises(NewslineError, match="not a readable Parquet"):
        EventStore.open(bad)
    with pytest.raises(NewslineError, match="no event table here"):
        EventStore.open(tmp_path / "missing.parquet")
    plain = tmp_path / "plain.parquet"
    pd.DataFrame({"x": [1]}).to_parquet(plain)
    with pytest.raises(NewslineError, match="no schema version"):
        EventStore.open(plain)


def test_an_empty_store_answers_with_nothing():
    q = EventStore.open(None).query()
    assert q.summary(Filters()).events == 0 and q.summary(Filters()).extent is None
    assert q.timeline(Filters(), None, "Actor").mode == "empty"
    facets = q.facets()
    assert facets.events == 0 and facets.actors == {}


def test_a_broken_fact_table_leaves_every_event_a_fact_of_its_own(tmp_path):
    rows = [_event(f"b{i}", f"2022-01-0{1 + i}") for i in range(3)]
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), tmp_path / "events.parquet")
    (tmp_path / "facts.parquet").write_bytes(b"garbage")
    store = EventStore.open(tmp_path / "events.parquet")
    assert store.notes and "facts.parquet: not a readable Parquet fact table" in store.notes[0]
    summary = store.query().summary(Filters())
    assert (summary.events, summary.facts) == (3, 3)


def test_each_search_word_reads_the_sentences_once(store_files, reference):
    folder, _, _ = store_files
    fresh = EventStore.open(folder / "events.parquet")
    q = fresh.query()
    flt = Filters(search="Caracas talks")
    assert q.summary(flt).events == len(reference.events(flt))
    tables = dict(fresh._words)
    assert set(tables) == {"caracas", "talks"}
    other = fresh.query()  # another session's cursor sees the same word tables
    for again in (Filters(search="talks"), Filters(search="TALKS caracas", tense="past")):
        assert other.summary(again).events == len(reference.events(again))
    assert fresh._words == tables  # no word was read again
    sql, params = other._with_shown(Filters(search="talks"), ["d_start"], "SELECT count(*) FROM shown")
    plan = json.dumps(json.loads(other._run("EXPLAIN (FORMAT JSON) " + sql, params).fetchall()[0][1]))
    assert '"sentence"' not in plan  # the sentences are not read again
    added = pd.DataFrame([_event("mine-9", "2011-05-05", sentence="Talks in CARACAS resumed.")], columns=EVENT_COLUMNS)
    mine = fresh.query(added)
    assert mine.summary(flt).events == len(reference.events(flt)) + 1  # a visitor's own events are searched too


@pytest.mark.parametrize("flt", CASES, ids=[",".join(f.active()) or "none" for f in CASES])
def test_an_empty_result_is_explained_filter_by_filter(store, reference, flt):
    counts = store.query().explain(flt)
    fields_of = {"dates": ("date_from", "date_to")}
    for name, n in counts.items():
        alone = Filters(**{f: getattr(flt, f) for f in fields_of.get(name, (name,))})
        if name == "min_sources":
            assert n == len(reference.events(alone))
        else:
            assert n == int(reference_mask(reference.frame, alone).sum())
    assert set(counts) == {"dates" if a in ("date_from", "date_to") else a for a in flt.active()}


def test_search_ignores_case_accents_and_word_form_but_not_word_edges():
    from newsline.store import events_path

    store = EventStore.open(events_path())
    try:
        q = store.query()
        count = lambda text: q.summary(Filters(search=text)).events  # noqa: E731
        assert count("Guaido") == count("guaidó") == count("Guaidó") > 0
        assert count("recognise") == count("recognized") > 0
        assert count("brokered") > 0
        assert q.events(Filters(search="Maduro broke"))["sentence"].str.contains("brokered").sum() == 0
    finally:
        store.close()
