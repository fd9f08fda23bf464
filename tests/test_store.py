"""The Parquet store: schema version, atomic replacement, exports."""

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsline.errors import NewslineError
from newsline.model import EVENT_COLUMNS
from newsline.store import ARROW_SCHEMA, SCHEMA_VERSION, read_events, to_frame, write_events


def row(**over):
    base = {c: None for c in EVENT_COLUMNS}
    base.update(event_id="e1", article_id="a", date_text="July 28", date_char_start=5, date_char_end=12,
                value="2024-07-28", date_start="2024-07-28", date_end="2024-07-28", granularity="day",
                actors=["Nicolás Maduro"], topics=["elections"], confidence=0.9, sentence="x",
                sentence_char_start=0, sentence_char_end=20)
    base.update(over)
    return base


def test_round_trip_keeps_lists_and_columns(tmp_path):
    path = write_events(to_frame([row(), row(event_id="e2", actors=[])]), tmp_path / "t.parquet")
    frame = read_events(path)
    assert list(frame.columns) == EVENT_COLUMNS
    assert frame.loc[0, "actors"] == ["Nicolás Maduro"] and frame.loc[1, "actors"] == []


def test_exports_csv_and_jsonl(tmp_path):
    frame = to_frame([row()])
    write_events(frame, tmp_path / "t.csv")
    write_events(frame, tmp_path / "t.jsonl")
    assert pd.read_csv(tmp_path / "t.csv").loc[0, "actors"] == "Nicolás Maduro"
    record = json.loads((tmp_path / "t.jsonl").read_text())
    assert record["actors"] == ["Nicolás Maduro"] and record["value"] == "2024-07-28"


def test_unknown_schema_version_is_refused(tmp_path):
    table = pa.Table.from_pandas(to_frame([row()]), schema=ARROW_SCHEMA, preserve_index=False)
    table = table.replace_schema_metadata({b"newsline.schema_version": b"99"})
    pq.write_table(table, tmp_path / "t.parquet")
    with pytest.raises(NewslineError, match="schema version 99"):
        read_events(tmp_path / "t.parquet")


def test_a_table_of_the_previous_schema_version_gets_one_clear_message(tmp_path):
    """Version 1 tables have no TIMEX3 columns: reading one says so and how to rebuild it."""
    table = pa.Table.from_pandas(to_frame([row()]), schema=ARROW_SCHEMA, preserve_index=False)
    table = table.replace_schema_metadata({b"newsline.schema_version": b"1"})
    pq.write_table(table, tmp_path / "old.parquet")
    with pytest.raises(NewslineError) as caught:
        read_events(tmp_path / "old.parquet")
    message = str(caught.value)
    assert f"schema version 1, older than this Newsline's {SCHEMA_VERSION}" in message and "TIMEX3" in message
    assert "newsline build" in message and "\n" not in message
    write_events(to_frame([row()]), tmp_path / "old.parquet")  # an older table may be replaced
    assert list(read_events(tmp_path / "old.parquet").columns) == EVENT_COLUMNS


def test_corrupt_file_is_reported_not_replaced(tmp_path):
    path = tmp_path / "t.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(NewslineError, match="not a readable Parquet"):
        read_events(path)
    assert path.read_bytes() == b"PAR1 this is not parquet"


def test_failed_write_keeps_the_old_table(tmp_path):
    path = write_events(to_frame([row()]), tmp_path / "t.parquet")
    before = path.read_bytes()
    bad = to_frame([row(date_char_start="not a number")])
    with pytest.raises(Exception):
        write_events(bad, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_table_of_the_previous_schema_version_is_refused_with_how_to_rebuild_it(tmp_path):
    from newsline.errors import NewslineError
    from newsline.store import SCHEMA_VERSION

    path = tmp_path / "old.parquet"
    old = ARROW_SCHEMA.with_metadata({b"newsline.schema_version": str(SCHEMA_VERSION - 1).encode()})
    pq.write_table(pa.Table.from_pandas(to_frame([row()]), schema=ARROW_SCHEMA, preserve_index=False)
                   .replace_schema_metadata(old.metadata), path)
    with pytest.raises(NewslineError) as caught:
        read_events(path)
    message = str(caught.value)
    assert "newsline build" in message and "action" in message and str(path) in message
