"""Hostile input beyond the catalogue: inputs shaped to exhaust memory, lose data or crash a command.

Each test names the defect it guards against; docs/reliability.md lists them with their results.
"""

from __future__ import annotations

import json
import threading
import time
import subprocess
import sys
from pathlib import Path

from newsline.events import extract_events
from newsline.ingest import load_file
from newsline.model import Article

ROOT = Path(__file__).resolve().parents[1]


def newsline(*args, cwd=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "newsline.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout)


# --- memory: rows are bounded, whatever the sentence or the title ----------------------------


def test_a_sentence_full_of_dates_stores_a_bounded_window_around_each_date():
    from newsline.events import SENTENCE_WINDOW

    text = "Dates\n\nThe talks happened on " + "1 May 2020, " * 1_500 + "and then ended."
    article = Article("long", text, title="Dates", published="2024-01-01")
    rows = extract_events(article)
    assert len(rows) == 1_500
    for row in rows:
        assert len(row["sentence"]) <= SENTENCE_WINDOW
        # Offsets stay true and the window holds its own date.
        assert text[row["sentence_char_start"]:row["sentence_char_end"]] == row["sentence"]
        assert row["sentence_char_start"] <= row["date_char_start"] < row["date_char_end"] <= row["sentence_char_end"]
    assert rows[0]["sentence"].startswith("The talks happened on 1 May 2020")


def test_a_long_sentence_of_many_dates_is_coded_in_bounded_time():
    # Action and role coding weighed every trigger of the sentence against every date in it: 500 dates
    # in a 100 KB sentence of "officials said" ran for over five minutes. Coded within each date's
    # stored window, the work per date no longer grows with the sentence.
    import time

    pad = "and officials said little about it, " * 1_500
    text = "Dates\n\nThe talks happened on " + pad + "1 May 2020, " * 300 + pad + "and then ended."
    article = Article("long-said", text, title="Dates", published="2024-01-01")
    started = time.monotonic()
    rows = extract_events(article)
    assert len(rows) == 300 and time.monotonic() - started < 60
    for row in rows:
        assert row["sentence_char_start"] <= row["action_char_start"] <= row["action_char_end"] <= row["sentence_char_end"]


def test_an_ordinary_sentence_is_kept_whole():
    text = "Envoy\n\nThe United States envoy returned to Caracas on March 3, 2024, officials said."
    [row] = extract_events(Article("short", text, title="Envoy", published="2024-03-05"))
    assert row["sentence"] == "The United States envoy returned to Caracas on March 3, 2024, officials said."


def test_an_article_made_of_dates_keeps_the_first_ones_and_says_so():
    from newsline.events import MAX_EVENTS_PER_ARTICLE

    text = "Dates\n\n" + "It rained on 1 May 2020. " * (MAX_EVENTS_PER_ARTICLE + 500)
    article = Article("many", text, title="Dates", published="2024-01-01", path="many.txt")
    rows = extract_events(article)
    assert len(rows) == MAX_EVENTS_PER_ARTICLE
    assert [w for w in article.warnings if "limit for one article" in w and w.startswith("many.txt: ")]


def test_a_megabyte_title_is_cut(tmp_path):
    from newsline.ingest import MAX_TITLE_CHARS

    path = tmp_path / "title.json"
    path.write_text(json.dumps({"title": "Headline-" * 120_000, "published": "2024-01-01",
                                "text": "Talks resumed. " + "It happened on 1 May 2020. " * 50}))
    [article] = load_file(path)
    assert len(article.title) <= MAX_TITLE_CHARS
    assert any("title is 1,080,000 characters" in w for w in article.warnings)
    out = tmp_path / "out.jsonl"
    result = newsline("extract", path, "--out", out)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 50 and all(len(r["title"]) <= MAX_TITLE_CHARS for r in rows)
    assert out.stat().st_size < 200_000  # a megabyte per row before


# --- search: bounded, budgeted, never holding the lock every session needs ----------------------


def _big_table(path: Path, n: int) -> Path:
    """``n`` events with long sentences, written as the store writes them."""
    import pandas as pd

    from support.rows import event_row
    from newsline.model import EVENT_COLUMNS
    from newsline.store import write_events

    filler = "officials in Caracas and Washington said little about the talks " * 6
    rows = [event_row(f"a{i}", f"On March 3, 2024, {filler} number {i}.", "March 3, 2024", "2024-03-03",
                      "2024-03-03", "2024-03-03", "day") for i in range(n)]
    write_events(pd.DataFrame(rows, columns=EVENT_COLUMNS), path)
    return path


def test_a_search_of_thousands_of_words_reads_the_first_few_and_says_so(tmp_path):
    from newsline.filters import MAX_SEARCH_WORDS, Filters, search_notice
    from newsline.query import EventStore

    store = EventStore.open(_big_table(tmp_path / "events.parquet", 50))
    hostile = " ".join(f"word{i}" for i in range(3_000))
    flt = Filters(search="caracas " + hostile)
    assert len(flt.terms()) == MAX_SEARCH_WORDS
    assert store.query().summary(flt).events == 0  # once "Max expression depth" from DuckDB
    assert store.query().summary(Filters(search="caracas talks")).events == 50
    assert "at most 8 words" in search_notice(hostile) and search_notice("caracas talks") is None
    assert len(Filters(search="x" * 100_000).terms()[0]) <= 200


def test_a_query_past_its_budget_is_stopped_with_one_line(tmp_path, monkeypatch):
    import newsline.query as query
    from newsline.errors import NewslineError

    store = query.EventStore.open(_big_table(tmp_path / "events.parquet", 20))
    monkeypatch.setattr(query, "QUERY_SECONDS", 0.2)
    q = store.query()
    started = time.monotonic()
    try:
        q._run("SELECT count(*) FROM range(100000000000) a, ev")
    except NewslineError as exc:
        assert "stopped after 0.2 s" in str(exc)
    else:
        raise AssertionError("an endless query ran to its end")
    assert time.monotonic() - started < 5
    assert q.summary(query.Filters()).events == 20  # the cursor still answers


def test_a_search_pass_does_not_hold_the_store_lock(tmp_path):
    from newsline.query import EventStore

    store = EventStore.open(_big_table(tmp_path / "events.parquet", 20_000))
    words = [f"talks{i}" for i in range(150)]  # a slow pass (a search caps its words; the store does not)
    passing = threading.Thread(target=store.word_tables, args=(words,))
    started = time.monotonic()
    passing.start()
    time.sleep(0.05)
    waits = []
    while passing.is_alive():
        t = time.monotonic()
        store.query()  # what every session does first
        waits.append(time.monotonic() - t)
        time.sleep(0.01)
    passing.join()
    took = time.monotonic() - started
    assert took > 0.3, "the pass was too quick to tell anything"
    assert waits and max(waits) < 0.1 * took, (max(waits), took)


# --- fetching: one wall-clock deadline over the whole exchange -----------------------------------


def _dripping_server(reply: bytes):
    """A loopback server that sends ``reply`` one byte every 50 ms, then keeps dripping header bytes."""
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.recv(65536)
                try:
                    for byte in reply + b"X-Slow: " + b"a" * 200:
                        if stop.wait(0.05):
                            break
                        conn.sendall(bytes([byte]))
                except OSError:
                    pass

    threading.Thread(target=serve, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/", stop, listener


def test_a_server_dripping_its_status_line_and_headers_is_stopped_at_the_deadline():
    from newsline.errors import NewslineError
    from newsline.fetch import fetch_article

    for reply in (b"HTTP/1.1 200 OK\r\n", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"):
        url, stop, listener = _dripping_server(reply)
        started = time.monotonic()
        try:
            fetch_article(url, hosted=False, timeout=1.0)
        except NewslineError as exc:
            assert exc.problem == "timed out after 1 s"
        else:
            raise AssertionError("fetched a page that never ended")
        finally:
            stop.set()
            listener.close()
        assert time.monotonic() - started < 2.5


# --- data lost or wrong ----------------------------------------------------------------------------

GOOD = {"title": "Talks resume", "published": "2024-03-05", "url": "https://news.example.org/talks",
        "text": "Talks resumed on March 4, 2024, officials said."}
LONG_NUMBER = '{"title": "Bad", "n": ' + "9" * 5_000 + ', "text": "It rained on March 5, 2024."}'


def one_line_error(result, rc=2) -> str:
    assert result.returncode == rc, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("newsline: error: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_one_line_with_a_5000_digit_number_costs_that_line_only(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(GOOD) + "\n")
    table = tmp_path / "events.parquet"
    assert newsline("extract", feed, "--out", table).returncode == 0
    from newsline.store import read_events

    before = read_events(table)
    other = dict(GOOD, title="Second", url="https://news.example.org/second", text="Rain fell on March 1, 2024.")
    feed.write_text(json.dumps(GOOD) + "\n" + LONG_NUMBER + "\n" + json.dumps(other) + "\n")
    result = newsline("extract", feed, "--out", table)  # an incremental rebuild of the changed feed
    assert result.returncode == 0, result.stderr
    assert f"{feed}:2: a number too long to read (over 4,300 digits); skipped" in result.stderr
    after = read_events(table)
    assert set(before["event_id"]) < set(after["event_id"]) and set(after["title"]) == {"Talks resume", "Second"}


def test_a_json_article_with_a_5000_digit_number_is_one_clear_line(tmp_path):
    path = tmp_path / "long-number.json"
    path.write_text(LONG_NUMBER)
    result = newsline("extract", path, "--out", tmp_path / "out.jsonl")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"newsline: {path}: JSON holds a number too long to read (over 4,300 digits)" in result.stderr
    assert "set_int_max_str_digits" not in result.stderr


def _impostor(path: Path) -> bytes:
    """A Parquet file that claims the event schema version but holds other columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsline.store import SCHEMA_VERSION

    version = str(SCHEMA_VERSION).encode()
    table = pa.table({"event_id": ["x"], "notes": [1]}).replace_schema_metadata({b"newsline.schema_version": version})
    pq.write_table(table, path)
    return path.read_bytes()


def test_a_table_claiming_the_version_with_other_columns_is_refused_not_replaced(tmp_path):
    from newsline.errors import NewslineError
    from newsline.query import EventStore

    table = tmp_path / "events.parquet"
    data = _impostor(table)
    line = one_line_error(newsline("show", table))
    from newsline.store import SCHEMA_VERSION

    assert f"claims event table schema version {SCHEMA_VERSION} but its columns differ" in line
    assert "columns differ" in one_line_error(newsline("merge", table, "--out", tmp_path / "facts.parquet"))
    good = tmp_path / "good.txt"
    good.write_text("Envoy\n\nThe envoy returned on March 3, 2024.\n")
    result = newsline("extract", good, "--out", table)
    assert result.returncode != 0 and "not replacing it" in result.stderr and "Traceback" not in result.stderr
    assert table.read_bytes() == data
    try:
        EventStore.open(table)
    except NewslineError as exc:
        assert "columns differ" in exc.problem
    else:
        raise AssertionError("the app opened a table that is not one")


def test_a_rewrite_keeps_the_mode_of_the_table_and_its_manifest(tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("Envoy\n\nThe envoy returned on March 3, 2024.\n")
    table = tmp_path / "events.parquet"
    assert newsline("extract", good.parent, "--out", table).returncode == 0
    manifest = next(tmp_path.glob("*manifest*"))
    for path in (table, manifest):
        assert path.stat().st_mode & 0o044, f"{path.name} is not readable by others when new"
        path.chmod(0o644)
    good.write_text("Envoy\n\nThe envoy returned on March 4, 2024.\n")
    assert newsline("extract", good.parent, "--out", table).returncode == 0
    assert (table.stat().st_mode & 0o777, manifest.stat().st_mode & 0o777) == (0o644, 0o644)


def test_file_names_that_are_not_utf8_or_hold_a_newline_keep_their_articles(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Envoy\n\nThe envoy returned on March 3, 2024.\n")
    (folder / "two\nlines.txt").write_text("Envoy two\n\nThe envoy left on March 4, 2024.\n")
    (folder / "bad\nname.json").write_text("{not json")
    for out in ("out.jsonl", "events.parquet"):
        result = newsline("extract", folder, "--out", tmp_path / out, "--published", "2024-03-05")
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "2 events from 2 articles" in result.stderr
        bad = [line for line in result.stderr.splitlines() if "name.json" in line]
        assert len(bad) == 1 and "bad\\nname.json: invalid JSON" in bad[0]


# --- identity: the path relative to the input folder plus the content, never the stem alone (defect 8)


def _read(out: Path) -> "pd.DataFrame":
    import pandas as pd

    from newsline.store import read_events

    if out.suffix == ".jsonl":
        return pd.DataFrame([json.loads(line) for line in out.read_text().splitlines()])
    return read_events(out)


def _two_folders(tmp_path: Path) -> tuple[Path, Path]:
    x, y = tmp_path / "in" / "x", tmp_path / "in" / "y"
    for folder, text in ((x, "The envoy returned on March 3, 2024."), (y, "The talks resumed on May 9, 2024.")):
        folder.mkdir(parents=True)
        (folder / "article.txt").write_text(f"Envoy\n\n{text}\n")
    return x, y


def test_the_same_file_name_in_two_folders_gives_two_articles(tmp_path):
    x, y = _two_folders(tmp_path)
    runs = {
        "folders.jsonl": ("extract", x, y), "folders.parquet": ("extract", x, y),
        "files.jsonl": ("extract", x / "article.txt", y / "article.txt"), "parent.parquet": ("extract", x.parent),
        "build.parquet": ("build", "--articles", x, "--corpus", y),
    }
    for out, args in runs.items():
        result = newsline(*args, "--out", tmp_path / "out" / out)
        assert result.returncode == 0, result.stderr
        table = _read(tmp_path / "out" / out)
        assert sorted(table["value"]) == ["2024-03-03", "2024-05-09"], out
        assert table["article_id"].nunique() == 2 and table["event_id"].is_unique, out
    ids = set(_read(tmp_path / "out" / "parent.parquet")["article_id"])
    assert {i.split("#")[0] for i in ids} == {"x/article.txt", "y/article.txt"}


def test_a_txt_and_a_json_of_one_name_give_two_articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Envoy\n\nThe envoy returned on March 3, 2024.\n")
    (folder / "a.json").write_text(json.dumps(dict(GOOD, text="The talks resumed on May 9, 2024.")))
    for out in ("out.jsonl", "out.parquet"):
        assert newsline("extract", folder, "--out", tmp_path / out, "--published", "2024-06-01").returncode == 0
        table = _read(tmp_path / out)
        assert table["article_id"].nunique() == 2 and len(table) == 2, out
        assert {i.split("#")[0] for i in table["article_id"]} == {"a.txt", "a.json"}


def test_the_same_file_read_twice_is_one_article(tmp_path):
    x, _ = _two_folders(tmp_path)
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "article.txt").write_bytes((x / "article.txt").read_bytes())
    for out in ("out.jsonl", "out.parquet"):
        # the same path twice, as a folder and as a file, and the same bytes at the same relative path elsewhere
        result = newsline("extract", x, x / "article.txt", copy / "article.txt", "--out", tmp_path / out)
        assert result.returncode == 0, result.stderr
        table = _read(tmp_path / out)
        assert len(table) == 1, out
        assert f"{copy / 'article.txt'}: same article as {x / 'article.txt'}; skipped" in result.stderr
        assert "1 events from 1 articles" in result.stderr


def test_an_incremental_rebuild_keeps_ids_and_loses_no_article(tmp_path):
    import pandas as pd

    x, y = _two_folders(tmp_path)
    out = tmp_path / "events.parquet"
    assert newsline("extract", x, y, "--out", out, "--published", "2024-06-01").returncode == 0
    first = _read(out)
    (y / "more.txt").write_text("More\n\nThe envoy left on April 2, 2024.\n")
    again = newsline("extract", x, y, "--out", out, "--published", "2024-06-01")
    assert "1 files extracted, 2 unchanged" in again.stderr
    second = _read(out)
    assert set(first["event_id"]) < set(second["event_id"]) and len(second) == 3
    kept = second[second["event_id"].isin(first["event_id"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, first)
    # A copy of x's article under y is skipped while x holds it, and comes back when x no longer does.
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "article.txt").write_bytes((x / "article.txt").read_bytes())
    said = newsline("extract", x, tmp_path / "z", "--out", out, "--published", "2024-06-01").stderr
    assert "same article as" in said and len(_read(out)) == 1
    said = newsline("extract", tmp_path / "z", "--out", out, "--published", "2024-06-01").stderr
    assert "same article as" not in said
    assert list(_read(out)["article_id"]) == list(first.loc[first["value"] == "2024-03-03", "article_id"])


def test_show_and_the_coding_sets_find_an_article_by_its_file(tmp_path):
    from newsline.errors import NewslineError
    from newsline.evaluate_coding import extract_articles

    x, _ = _two_folders(tmp_path)
    out = tmp_path / "events.parquet"
    assert newsline("extract", x, "--out", out, "--published", "2024-06-01").returncode == 0
    [article_id] = set(_read(out)["article_id"])
    for name in (article_id, "article.txt"):
        shown = newsline("show", out, "--article", name)
        assert "1 events" in shown.stderr and "March 3, 2024" in shown.stdout
    assert len(extract_articles([article_id], [x])) == 1
    (x / "article.txt").write_text("Envoy\n\nThe envoy returned on March 4, 2024.\n")
    try:
        extract_articles([article_id], [x])
    except NewslineError as exc:
        assert "content changed" in str(exc)
    else:
        raise AssertionError("an annotated article whose bytes changed was read as if it were the same")


def test_publication_dates_in_other_digits_are_read_as_ascii_digits(tmp_path):
    from newsline.published import normalise_published

    assert normalise_published("２０２４-０３-０５") == "2024-03-05"
    assert normalise_published("٢٠٢٤-٠٣-٠٥") == "2024-03-05"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(dict(GOOD, published="２０２４-０３-０５")), encoding="utf-8")
    [article] = load_file(path)
    assert article.published == "2024-03-05"


# --- clear errors instead of tracebacks or hangs ------------------------------------------------------


def _good(tmp_path: Path) -> Path:
    good = tmp_path / "good.txt"
    good.write_text("Envoy\n\nThe envoy returned on March 3, 2024.\n")
    return good


def test_a_lock_path_that_is_a_folder_is_one_line(tmp_path):
    (tmp_path / "events.parquet.lock").mkdir()
    line = one_line_error(newsline("extract", _good(tmp_path), "--out", tmp_path / "events.parquet"))
    assert "lock file is a folder" in line


def test_out_naming_an_existing_folder_called_like_a_file_is_refused(tmp_path):
    folder = tmp_path / "d.jsonl"
    folder.mkdir()
    line = one_line_error(newsline("extract", _good(tmp_path), "--out", folder))
    assert f"{folder}: is a folder" in line and list(folder.iterdir()) == []


def test_an_output_folder_that_cannot_be_written_fails_at_once():
    started = time.monotonic()
    result = newsline("extract", ROOT / "data" / "articles", "--out", "/sys/newsline-events.jsonl", timeout=100)
    line = one_line_error(result)
    assert "/sys" in line and time.monotonic() - started < 60


def test_a_full_disk_is_one_line_and_the_old_file_is_kept(tmp_path):
    import resource
    import signal

    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")

    def small_files():  # the kernel refuses writes past 2 KB, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2_000, 2_000))

    result = subprocess.run([sys.executable, "-m", "newsline.cli", "extract", str(ROOT / "data" / "articles"),
                             "--out", str(out)], capture_output=True, text=True, preexec_fn=small_files, timeout=300)
    line = one_line_error(result)
    assert f"{out}: cannot write (File too large); the file on disk is unchanged" in line
    assert out.read_text() == "kept\n" and not list(tmp_path.glob(".out.jsonl.*"))


def test_an_unreadable_input_is_not_called_empty(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mem.txt").symlink_to("/proc/self/mem")  # opens, but every read fails
    _good(folder)
    result = newsline("extract", folder, "--out", tmp_path / "events.parquet")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{folder / 'mem.txt'}: cannot read file (Input/output error)" in result.stderr
    assert "empty file" not in result.stderr


def test_a_broken_ipv6_address_is_one_line(tmp_path):
    result = newsline("extract", "--url", "http://[::1", "--out", tmp_path / "out.jsonl")
    assert "Traceback" not in result.stderr and result.returncode != 0
    assert "newsline: http://[::1: not a valid address (Invalid IPv6 URL)" in result.stderr


def test_a_quote_in_a_lane_label_is_drawn_as_a_quote():
    from components.timeline_figure import esc

    assert esc('The "Cartel" <b>') == "The &#34;Cartel&#34; &lt;b&gt;"  # Plotly decodes &#34;, not &quot;


def test_the_app_says_when_an_article_hits_the_event_limit(events_file):
    from newsline.events import MAX_EVENTS_PER_ARTICLE
    from support.page import added, open_add_tab, paste_and_extract, plain

    text = "Dates\n\n" + "It rained on 1 May 2020. " * (MAX_EVENTS_PER_ARTICLE + 100)
    at = paste_and_extract(open_add_tab(), text=text, published="2024-01-01")
    assert len(added(at)) == MAX_EVENTS_PER_ARTICLE
    notices = [plain(s.value) for s in at.success]
    assert any(f"more than {MAX_EVENTS_PER_ARTICLE:,} date expressions, the limit for one article" in n
               for n in notices), notices
