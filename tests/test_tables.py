"""The tables' home (newsline/store.py): one place says where the tables live and checks their versions.

Each test here stands for a defect the copies of those rules caused: a tampered version crashed
the page, the CLI and the app opened different tables, and `merge` wrote its facts elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from streamlit.testing.v1 import AppTest

from support.page import APP, ROOT, open_page
from support.rows import facts_of, sample_rows, store_rows
from newsline.engines.dataset import read_arrow
from newsline.errors import NewslineError
from newsline.model import EVENT_COLUMNS
from newsline.filters import Filters
from newsline.query import EventStore
from newsline.store import EVENTS, FACTS, read_events, read_facts, write_events, write_facts


def tampered(path, key: bytes, version: bytes):
    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), key: version}), path)
    return path


def run_page() -> AppTest:
    return open_page(AppTest.from_file(str(APP), default_timeout=60))


def shown_events(at: AppTest) -> int:
    line = next(m.value for m in at.markdown if "events match the filters" in m.value)
    return int(line.split("**")[1].replace(",", ""))


# --- a tampered schema version is one line, everywhere ------------------------------------


@pytest.fixture
def store(tmp_path):
    rows = store_rows()
    events = write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), tmp_path / "events.parquet")
    facts = write_facts(facts_of(rows)[2], tmp_path / "facts.parquet")
    return events, facts


def test_a_tampered_event_version_is_a_newsline_error_in_every_reader(store):
    events, _ = store
    tampered(events, EVENTS.key, b"x1")
    for read in (read_events, EventStore.open):
        with pytest.raises(NewslineError, match=f"schema version x1 is not the supported version {EVENTS.version}"):
            read(events)
    assert read_arrow(events) is None  # the incremental build rebuilds such a table instead


def test_a_tampered_fact_version_is_a_newsline_error_and_the_events_still_open(store):
    events, facts = store
    tampered(facts, FACTS.key, b"x1")
    with pytest.raises(NewslineError, match=f"schema version x1 is not the supported version {FACTS.version}"):
        read_facts(facts)
    opened = EventStore.open(events)
    assert opened.notes and "schema version x1" in opened.notes[0]
    summary = opened.query().summary(Filters())
    assert summary.events == summary.facts == len(store_rows())


def test_a_tampered_version_is_one_line_on_the_page_not_a_crash(store, monkeypatch):
    events, _ = store
    tampered(events, EVENTS.key, b"x1")
    monkeypatch.setenv("NEWSLINE_EVENTS", str(events))
    at = run_page()
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "schema version x1" in errors[0] and "\n" not in errors[0]
    assert shown_events(at) == 0


# --- the CLI and the app read the same tables ---------------------------------------------


def test_the_cli_and_the_app_open_the_table_in_newsline_data(tmp_path, monkeypatch):
    rows = sample_rows()[:5]
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), tmp_path / "events.parquet")
    monkeypatch.delenv("NEWSLINE_EVENTS", raising=False)
    monkeypatch.delenv("NEWSLINE_FACTS", raising=False)
    monkeypatch.setenv("NEWSLINE_DATA", str(tmp_path))
    shown = subprocess.run([sys.executable, "-m", "newsline.cli", "show"], capture_output=True, text=True,
                           env={**os.environ}, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr.strip().endswith(f"{len(rows)} events")
    assert shown_events(run_page()) == len(rows)


# --- merge writes the facts where build and the readers look -------------------------------


def test_merge_writes_the_facts_beside_the_event_table(tmp_path):
    tables, data = tmp_path / "tables", tmp_path / "data"
    data.mkdir()
    for name in ("actors.json", "topics.toml"):  # the knowledge base merging reads
        shutil.copy(ROOT / "data" / name, data / name)
    events = write_events(pd.DataFrame(store_rows(), columns=EVENT_COLUMNS), tables / "events.parquet")
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSLINE_EVENTS", "NEWSLINE_FACTS")}
    merged = subprocess.run([sys.executable, "-m", "newsline.cli", "merge", str(events)], capture_output=True,
                            text=True, env={**env, "NEWSLINE_DATA": str(data)}, timeout=120)
    assert merged.returncode == 0, merged.stderr
    assert not (data / "facts.parquet").exists()
    facts = read_facts(tables / "facts.parquet")
    assert EventStore.open(events).facts_path == tables / "facts.parquet"
    assert sorted(i for ids in facts["member_event_ids"] for i in ids) == sorted(r["event_id"] for r in store_rows())


def test_one_schema_per_table_kind():
    assert EVENTS.schema.metadata[EVENTS.key] == str(EVENTS.version).encode()
    assert FACTS.schema.metadata[FACTS.key] == str(FACTS.version).encode()
    assert isinstance(EVENTS.schema, pa.Schema) and EVENTS.schema.names == EVENT_COLUMNS
