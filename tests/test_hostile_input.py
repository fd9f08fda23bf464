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
