"""The shared table through the app: saved only with the operator's token, under the table's lock.

Everything runs the real app.py through Streamlit's AppTest against a small
table in a temporary folder (see conftest.py).
"""

from __future__ import annotations

import re
import threading

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.add_articles import save_additions
from conftest import APP, event_row, sample_rows
from newsline.model import EVENT_COLUMNS
from newsline.store import read_events, write_events
from test_bad_input import GOOD_TXT

STORED = len(sample_rows())


# --- driving the page -------------------------------------------------------------------------


def plain(value: str) -> str:
    """What the visitor reads: the text without the backslashes that keep Markdown literal."""
    return re.sub(r"\\(.)", r"\1", value)


def open_add_tab(secrets: dict | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=180)
    if secrets:
        at.secrets.update(secrets)
    if query:
        at.query_params.update(query)
    at.query_params["tab"] = "Add articles"
    return run(at)


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click()
    return run(at)


def errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.error]


def captions(at: AppTest) -> list[str]:
    return [plain(c.value) for c in at.caption]


def added(at: AppTest) -> pd.DataFrame | None:
    return at.session_state["added_events"] if "added_events" in at.session_state else None


def paste_and_extract(at: AppTest, text: str = GOOD_TXT, published: str = "2024-03-05") -> AppTest:
    at.text_area(key="paste_text").input(text)
    at.text_input(key="upload_published").input(published)
    click(at, "read_articles")
    return click(at, "extract_events")



# --- the shared table ------------------------------------------------------------------------


def operator_buttons(at: AppTest) -> list:
    return [b for b in at.button if b.key == "operator_save"]


@pytest.mark.parametrize("secrets", [None, {"newsline": {"write_token": ""}}, {"newsline": {"other": "x"}}])
def test_without_the_operators_secret_there_is_no_way_to_save(events_file, secrets):
    before, stat = events_file.read_bytes(), events_file.stat()
    at = paste_and_extract(open_add_tab(secrets))
    assert added(at) is not None
    assert operator_buttons(at) == [] and "operator_token" not in at.session_state
    assert "The shared table cannot be changed from this page." in captions(at)
    assert events_file.read_bytes() == before and events_file.stat().st_mtime_ns == stat.st_mtime_ns


@pytest.mark.parametrize("typed", ["", "guess", "s3cret ", "S3CRET", "s3cre"])
def test_a_wrong_token_is_refused_and_nothing_on_disk_changes(events_file, typed):
    before, stat = events_file.read_bytes(), events_file.stat()
    at = paste_and_extract(open_add_tab({"newsline": {"write_token": "s3cret"}}))
    at.text_input(key="operator_token").input(typed)
    click(at, "operator_save")
    assert errors(at) == ["That token is not the operator's."]
    assert events_file.read_bytes() == before and events_file.stat().st_mtime_ns == stat.st_mtime_ns
    assert not list(events_file.parent.glob(".events.parquet.*.tmp"))
    assert len(added(at)) == 1  # still in the session, still downloadable


def test_the_operators_token_appends_and_keeps_every_stored_row(events_file):
    stored = read_events(events_file)
    at = paste_and_extract(open_add_tab({"newsline": {"write_token": "s3cret"}}))
    mine = added(at)
    at.text_input(key="operator_token").input("s3cret")
    click(at, "operator_save")
    now = read_events(events_file)
    assert len(now) == len(stored) + len(mine)
    kept = now[now["event_id"].isin(stored["event_id"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, stored)
    assert set(mine["event_id"]) <= set(now["event_id"])
    assert any("Saved 1 events to events.parquet (1 new, 0 replaced)" in s for s in (plain(x.value) for x in at.success))


def test_saving_onto_a_table_it_cannot_trust_leaves_it_as_it_is(events_file):
    at = paste_and_extract(open_add_tab({"newsline": {"write_token": "s3cret"}}))
    garbage = b"PAR1 this is somebody's data, not a table"
    events_file.write_bytes(garbage)
    at.text_input(key="operator_token").input("s3cret")
    click(at, "operator_save")
    # One line at the top of the page (the table cannot be shown) and one where the save was refused.
    lines = [e for e in errors(at) if "not a readable Parquet event table" in e]
    assert len(lines) == 2 and all("\n" not in line for line in lines)
    assert events_file.read_bytes() == garbage
    assert len(added(at)) == 1  # nothing saved, the additions still in the session
    assert not [x for x in at.success if "Saved" in x.value]


def rows(tag: str, n: int) -> pd.DataFrame:
    frame = pd.DataFrame([event_row(f"{tag}-article", f"Talks resumed on March 3, 2024, round {i}.",
                                    "March 3, 2024", "2024-03-03", "2024-03-03", "2024-03-03", "day")
                          for i in range(n)], columns=EVENT_COLUMNS)
    frame["event_id"] = [f"{tag}-{i:04d}" for i in range(n)]
    return frame


def test_two_saves_at_once_keep_every_row(tmp_path):
    """What the Save button calls, from two threads as two sessions of one server would, started together."""
    path = tmp_path / "events.parquet"
    write_events(pd.DataFrame(sample_rows(), columns=EVENT_COLUMNS), path)
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def operator(tag: str) -> None:
        try:
            start.wait()
            for batch in range(30):
                save_additions(rows(tag, 300).iloc[batch * 10: batch * 10 + 10], path)
        except BaseException as exc:  # reported below, with the thread's name
            failures.append(exc)

    threads = [threading.Thread(target=operator, args=(tag,)) for tag in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    frame = read_events(path)
    expected = {r["event_id"] for r in sample_rows()} | {f"{t}-{i:04d}" for t in "ab" for i in range(300)}
    assert set(frame["event_id"]) == expected and frame["event_id"].is_unique
