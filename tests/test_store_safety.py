"""The store never loses data: killed writers, concurrent writers, tables it must not replace.

Every writer here is a real process: killed with SIGKILL mid-write, or racing
another one for the same file. No step is timed; the tests wait for states
(a temporary file on disk, a process gone), with generous limits only so that
a broken build fails instead of hanging.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsline.errors import NewslineError
from newsline.store import ARROW_SCHEMA, append_events, read_events, to_frame, write_events
from support.rows import numbered_rows as rows

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONWARNINGS": "ignore", "PYTHONPATH": str(ROOT)}
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock semantics")


def temporaries(path: Path) -> list[Path]:
    pattern = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")
    return [p for p in path.parent.iterdir() if pattern.fullmatch(p.name)]


def partly_written(path: Path) -> bool:
    """Is a temporary file of ``path`` on disk with some of a table in it?"""
    for tmp in temporaries(path):
        try:
            if tmp.stat().st_size > 0:
                return True
        except FileNotFoundError:  # renamed into place meanwhile
            pass
    return False


def wait_for(condition, what: str, limit: float = 120.0) -> None:
    """Poll until ``condition()``; the limit only stops a broken build from hanging."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.002)


def script(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def newsline(*args):
    return subprocess.run([sys.executable, "-m", "newsline.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env=ENV)


# --- a writer killed mid-write --------------------------------------------------------------

LOOP_WRITER = """
    import sys
    from newsline.store import to_frame, write_events
    sys.path.insert(0, {tests!r})
    from support.rows import numbered_rows as rows

    path = {path!r}
    frame = to_frame(rows("v1", 200_000))  # large, so that a write takes a while
    version = 1
    while True:
        frame["article_id"] = f"v{{version}}"
        write_events(frame, path)
        version += 1
"""


def test_a_writer_killed_mid_write_leaves_a_whole_table(tmp_path):
    path = tmp_path / "events.parquet"
    write_events(to_frame(rows("v0", 1000)), path)
    writer = subprocess.Popen(
        [sys.executable, script(tmp_path, "writer.py", LOOP_WRITER.format(tests=str(ROOT / "tests"), path=str(path)))],
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # Kill while a temporary file with part of a table in it is on disk: mid-write.
        wait_for(lambda: partly_written(path) or writer.poll() is not None, "the writer to start writing")
        assert writer.poll() is None, writer.stderr.read().decode()
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert temporaries(path), "the killed writer's temporary file should still be there"

    frame = read_events(path)  # the table on disk is whole: the first version or a later complete one
    versions = set(frame["article_id"])
    assert len(versions) == 1
    assert len(frame) == (1000 if versions == {"v0"} else 200_000)

    # The next write, under the lock, clears what the dead writer left.
    write_events(to_frame(rows("after", 3)), path)
    assert temporaries(path) == []
    assert list(read_events(path)["article_id"]) == ["after"] * 3


def test_a_build_killed_mid_extraction_leaves_the_previous_table(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(300):
        (folder / f"story-{i:03d}.txt").write_text(
            f"Story {i}\n\n" + f"Talks resumed on March {i % 28 + 1}, 2024 in Caracas, officials said. " * 40,
            encoding="utf-8")
    out = tmp_path / "events.parquet"
    write_events(to_frame(rows("previous", 50)), out)
    before = out.read_bytes()

    build = subprocess.Popen([sys.executable, "-m", "newsline.cli", "extract", str(folder), "--out", str(out)],
                             cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        progress = b""  # the progress bar: kill once it shows a file done
        while not re.search(rb"\| *[1-9]\d*/300 \[", progress):
            chunk = os.read(build.stderr.fileno(), 4096)
            if not chunk:
                break
            progress += chunk
        assert build.poll() is None, "the build ended before it could be killed"
        build.send_signal(signal.SIGKILL)
    finally:
        build.kill()
        build.wait()
    assert build.returncode == -signal.SIGKILL
    assert out.read_bytes() == before
    assert set(read_events(out)["article_id"]) == {"previous"}


# --- two writers at once --------------------------------------------------------------------

APPENDER = """
    import sys, time
    from pathlib import Path
    from newsline.store import append_events, to_frame
    sys.path.insert(0, {tests!r})
    from support.rows import numbered_rows as rows

    path, tag, go = {path!r}, sys.argv[1], Path({go!r})
    while not go.exists():
        time.sleep(0.001)
    for batch in range(40):
        append_events(to_frame(rows(tag, 25, start=batch * 25)), path)
"""


def test_two_processes_appending_at_once_both_keep_every_row(tmp_path):
    path = tmp_path / "events.parquet"
    write_events(to_frame(rows("stored", 10)), path)
    go = tmp_path / "go"
    code = script(tmp_path, "appender.py", APPENDER.format(tests=str(ROOT / "tests"), path=str(path), go=str(go)))
    writers = [subprocess.Popen([sys.executable, code, tag], env=ENV, stderr=subprocess.PIPE) for tag in ("a", "b")]
    go.touch()
    for writer in writers:
        assert writer.wait(timeout=300) == 0, writer.stderr.read().decode()
    frame = read_events(path)
    expected = {f"stored-{i}" for i in range(10)} | {f"{t}-{i}" for t in "ab" for i in range(1000)}
    assert set(frame["event_id"]) == expected
    assert frame["event_id"].is_unique and len(frame) == 2010


READER_WRITER = """
    import sys
    from newsline.store import to_frame, write_events
    sys.path.insert(0, {tests!r})
    from support.rows import numbered_rows as rows

    frame = to_frame(rows("w", 20_000))
    for version in range(25):
        frame["article_id"] = f"v{{version}}"
        write_events(frame, {path!r})
"""


def test_a_reader_never_sees_a_half_written_table(tmp_path):
    path = tmp_path / "events.parquet"
    write_events(to_frame(rows("w", 20_000)), path)
    code = script(tmp_path, "rewriter.py", READER_WRITER.format(tests=str(ROOT / "tests"), path=str(path)))
    writer = subprocess.Popen([sys.executable, code], env=ENV, stderr=subprocess.PIPE)
    reads = 0
    while writer.poll() is None or reads == 0:
        frame = read_events(path)
        assert len(frame) == 20_000 and frame["article_id"].nunique() == 1
        reads += 1
    assert writer.returncode == 0, writer.stderr.read().decode()
    assert set(read_events(path)["article_id"]) == {"v24"}


def test_append_replaces_a_row_extracted_again_and_creates_a_missing_table(tmp_path):
    path = tmp_path / "new" / "events.parquet"
    assert append_events(to_frame(rows("a", 3)), path) == 3
    again = rows("a", 2, start=2)
    again[0]["value"] = "2024-07-29"
    assert append_events(to_frame(again), path) == 1  # a-2 replaced, a-3 added
    frame = read_events(path).set_index("event_id")
    assert sorted(frame.index) == ["a-0", "a-1", "a-2", "a-3"]
    assert frame.loc["a-2", "value"] == "2024-07-29"
    with pytest.raises(NewslineError, match="only be appended to a .parquet"):
        append_events(to_frame(rows("a", 1)), tmp_path / "events.csv")


# --- tables the store must not read or replace ---------------------------------------------------


def versioned(path: Path, version: bytes | None) -> Path:
    table = pa.Table.from_pandas(to_frame(rows("x", 2)), schema=ARROW_SCHEMA, preserve_index=False)
    table = table.replace_schema_metadata({b"newsline.schema_version": version} if version else {})
    pq.write_table(table, path)
    return path


@pytest.fixture
def good_article(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text("Story\n\nTalks resumed on March 3, 2024 in Caracas.\n", encoding="utf-8")
    return path


def truncated(path: Path) -> Path:
    write_events(to_frame(rows("x", 500)), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # what a non-atomic write cut short leaves
    return path


@pytest.mark.parametrize("make, problem", [
    (lambda p: versioned(p, b"99"), "schema version 99 is not the supported version 3"),
    (lambda p: versioned(p, b"1.5"), "schema version 1.5 is not the supported version 3"),
    (lambda p: versioned(p, None), "not a Newsline event table (no schema version)"),
    (lambda p: (p.write_bytes(b"PAR1 this is not parquet"), p)[1], "not a readable Parquet event table"),
    (truncated, "not a readable Parquet event table"),
], ids=["newer-version", "garbled-version", "no-version", "garbage", "truncated"])
def test_show_refuses_a_table_it_cannot_trust_with_one_line(tmp_path, make, problem):
    path = make(tmp_path / "events.parquet")
    result = newsline("show", path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"newsline: error: {path}: ") and problem in line


@pytest.mark.parametrize("make, problem", [
    (lambda p: versioned(p, b"99"), "schema version 99, newer than this Newsline's 3; not replacing it"),
    (lambda p: versioned(p, None), "not a Newsline event table (no schema version); not replacing it"),
    (lambda p: (p.write_bytes(b"PAR1 this is not parquet"), p)[1], "not a readable Parquet event table"),
    (truncated, "not a readable Parquet event table"),
], ids=["newer-version", "no-version", "garbage", "truncated"])
def test_extract_and_append_report_a_table_they_must_not_replace(tmp_path, good_article, make, problem):
    path = make(tmp_path / "events.parquet")
    before = path.read_bytes()
    result = newsline("extract", good_article, "--out", path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert problem in result.stderr
    assert path.read_bytes() == before
    with pytest.raises(NewslineError):
        append_events(to_frame(rows("y", 1)), path)
    with pytest.raises(NewslineError):
        write_events(to_frame(rows("y", 1)), path)
    assert path.read_bytes() == before


def test_a_table_of_an_older_schema_version_is_rebuilt(tmp_path, good_article):
    path = versioned(tmp_path / "events.parquet", b"0")
    result = newsline("extract", good_article, "--out", path)
    assert result.returncode == 0, result.stderr
    assert list(read_events(path)["value"]) == ["2024-03-03"]


def test_exports_are_not_checked_as_tables(tmp_path):
    # CSV and JSON Lines are exports, replaced whole like any output file.
    out = tmp_path / "events.csv"
    out.write_text("whatever was here\n")
    write_events(to_frame(rows("x", 1)), out)
    assert pd.read_csv(out).loc[0, "event_id"] == "x-0"
