"""The app side of hardening: hostile uploads and addresses, sessions kept apart, the shared table guarded.

Everything runs the real app.py through Streamlit's AppTest, which drives
``st.file_uploader`` in this Streamlit version: ``set_value`` hands the app real
``UploadedFile`` objects holding the test's bytes, and the page's own code path
(``components/add_articles.py``) reads them. What AppTest cannot do is send a
request through the HTTP upload endpoint, so it never meets the server's own
size cap: that is checked in a real browser (``tests/test_browser_hostile.py``).
The app's check of ``UploadedFile.size`` is tested here with real
``UploadedFile`` objects that record any read.

Fetching by address runs against an HTTP server the tests start on 127.0.0.1:
refused in hosted mode (the default), fetched when the operator turns it off.

The bad-input catalogue runs through the upload path in ``tests/test_bad_input.py``, as one
suite with the command line.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest
from streamlit.proto.Common_pb2 import FileURLs
from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec
from streamlit.testing.v1 import AppTest

from components.intake import MAX_FILES_PER_READ, read_upload, save_additions
from newsline.model import EVENT_COLUMNS
from newsline.store import read_events, write_events
from support.bad_inputs import GOOD_JSON, GOOD_TXT
from support.page import (
    APP, added, captions, click, errors, open_add_tab, open_page, paste_and_extract, pending, plain,
    rerun_page as run,
    shown_counts, upload,
)
from support.rows import event_row, sample_rows

STORED = len(sample_rows())
MiB = 1024 * 1024


@pytest.fixture(autouse=True)
def no_hosted_override(monkeypatch):
    """The tests decide hosted mode; the environment they run in does not."""
    monkeypatch.delenv("NEWSLINE_HOSTED", raising=False)


# --- 5. size, before reading ------------------------------------------------------------------


class WatchedUpload(UploadedFile):
    """A real UploadedFile that records every way its bytes could be read."""

    def __init__(self, name: str, data: bytes):
        super().__init__(UploadedFileRec("f1", name, "text/plain", data), FileURLs())
        self.reads: list[str] = []

    def getvalue(self):
        self.reads.append("getvalue")
        return super().getvalue()

    def read(self, *args):
        self.reads.append("read")
        return super().read(*args)

    def getbuffer(self):
        self.reads.append("getbuffer")
        return super().getbuffer()


def test_an_upload_over_the_limit_is_refused_by_its_size_before_a_byte_is_read(tmp_path):
    big = WatchedUpload("huge.txt", b"Huge\n\n" + b"Talks on March 3, 2024. " * 1_000_000)
    batch = read_upload(big, None, limit_mb=5)
    assert batch.errors == ["huge.txt: file is 22.9 MiB, over the 5 MiB upload limit; not read"]
    assert big.reads == [] and list(tmp_path.iterdir()) == []

    over = WatchedUpload("over.txt", b"x" * (5 * MiB + 1))
    assert read_upload(over, None, limit_mb=5).errors == [
        "over.txt: file is 5.0 MiB, over the 5 MiB upload limit; not read"]
    assert over.reads == []

    at_limit = WatchedUpload("limit.txt", (b"Talks resumed on March 3, 2024. " * MiB)[: 5 * MiB])
    [problem] = read_upload(at_limit, None, limit_mb=5).errors  # read, then refused by ingest
    assert problem == "limit.txt: article text is 5,242,880 characters, over the 2,000,000 limit"
    assert at_limit.reads == ["getvalue"] and list(tmp_path.iterdir()) == []  # the scratch copy is gone


def test_the_uploader_states_the_configured_cap(events_file):
    at = open_add_tab()
    label = at.file_uploader(key="upload_files").label
    assert "up to 5 MiB each" in label  # server.maxUploadSize from .streamlit/config.toml


def test_at_most_so_many_files_are_read_at_once(events_file):
    at = open_add_tab()
    files = [(f"note-{i:02d}.txt", f"Note {i}\n\nTalks resumed on March {i % 28 + 1}, 2024.".encode())
             for i in range(MAX_FILES_PER_READ + 2)]
    upload(at, files)
    click(at, "read_articles")
    assert len(pending(at)) == MAX_FILES_PER_READ
    [line] = errors(at)
    assert line == (f"2 more files (note-{MAX_FILES_PER_READ:02d}.txt, note-{MAX_FILES_PER_READ + 1:02d}.txt): "
                    f"at most {MAX_FILES_PER_READ} files are read at once; not read, add them next")


# --- 3. add by address ------------------------------------------------------------------------

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Talks resume in Caracas</title>
<meta property="og:site_name" content="Local Courier">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body><article><h1>Talks resume in Caracas</h1>
<p>Talks between the two governments resumed on March 3, 2024 in Caracas, officials said,
after months without contact between the delegations.</p>
<p>The envoy will return next week, the ministry said in a statement on Monday evening.</p>
</article></body></html>"""

HOSTILE_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>&lt;img src=x onerror=alert(1)&gt; Leak</title>
<meta property="og:site_name" content="&lt;script&gt;alert(2)&lt;/script&gt; Blog">
<meta property="article:published_time" content="2024-03-05">
<script>alert("March 9, 2024")</script></head>
<body onload="alert(3)"><article><h1>&lt;img src=x onerror=alert(1)&gt; Leak</h1>
<p>Officials said on March 3, 2024 that &lt;b&gt;talks&lt;/b&gt; would resume in Caracas after months.</p>
<p><a href="javascript:alert(4)">A link</a> that no reader should follow, said the ministry.</p>
</article></body></html>"""


class PageServer:
    """Article pages and redirects on 127.0.0.1 at a free port; records every path requested."""

    def __init__(self):
        self.requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                outer.requests.append(self.path)
                redirects = {"/to-metadata": "http://169.254.169.254/latest/meta-data/",
                             "/to-private": "http://10.0.0.7/admin"}
                if self.path in redirects:
                    self.send_response(302)
                    self.send_header("Location", redirects[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = {"/article": PAGE, "/hostile": HOSTILE_PAGE}.get(self.path)
                self.send_response(200 if body else 404)
                data = (body or "no such page").encode()
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


@pytest.fixture(scope="module")
def pages():
    server = PageServer()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def fetch(at: AppTest, address: str) -> AppTest:
    at.text_input(key="fetch_url").input(address)
    return click(at, "fetch_article")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_hosted_by_default_the_local_server_is_refused_before_any_request(events_file, pages, host):
    at = open_add_tab()
    before = len(pages.requests)
    fetch(at, pages.url("/article", host))
    [line] = errors(at)
    assert line.startswith(f"{pages.url('/article', host)}: refused: {host} resolves to ")
    assert "a loopback address" in line
    assert pages.requests[before:] == [] and pending(at) == []


def test_a_visitor_cannot_turn_hosted_mode_off(events_file, pages, monkeypatch):
    monkeypatch.setenv("NEWSLINE_HOSTED", "1")
    at = open_add_tab(query={"hosted": "0", "allow_private_fetch": "true", "NEWSLINE_HOSTED": "0"})
    fetch(at, pages.url("/article"))
    assert "a loopback address" in errors(at)[0] and pending(at) == []


@pytest.mark.parametrize("switch", ["env", "secret"])
def test_with_hosted_mode_off_the_same_server_gives_an_article_and_its_events(events_file, pages, monkeypatch, switch):
    if switch == "env":
        monkeypatch.setenv("NEWSLINE_HOSTED", "0")
        at = open_add_tab()
    else:
        at = open_add_tab({"newsline": {"allow_private_fetch": True}})
    before = events_file.read_bytes()
    fetch(at, pages.url("/article"))
    assert errors(at) == []
    [article] = pending(at)
    assert (article.title, article.source, article.published) == ("Talks resume in Caracas", "Local Courier", "2024-03-05")
    assert at.text_input(key="pending_published_0").value == "2024-03-05"
    click(at, "extract_events")
    events = {r["date_text"]: r for r in added(at).to_dict(orient="records")}
    assert events["on March 3, 2024"]["value"] == "2024-03-03"
    assert events["next week"]["value"] == "2024-03-11/2024-03-17"
    assert {r["url"] for r in events.values()} == {pages.url("/article")}
    assert events_file.read_bytes() == before and shown_counts(at)[0] == STORED + len(events)


@pytest.mark.parametrize("path, expected", [
    ("/to-metadata", "redirect to http://169.254.169.254/latest/meta-data/: refused: 169.254.169.254 resolves to "
                     "169.254.169.254, a cloud metadata address"),
    ("/to-private", "redirect to http://10.0.0.7/admin: refused: 10.0.0.7 resolves to 10.0.0.7, a private address"),
])
def test_hosted_mode_checks_every_redirect_from_the_app(events_file, pages, path, expected):
    # The operator exempts exactly the test server, so its redirect is followed and judged.
    at = open_add_tab({"newsline": {"fetch_allow": ["127.0.0.1/32"]}})
    before = len(pages.requests)
    fetch(at, pages.url(path))
    assert errors(at) == [f"{pages.url(path)}: {expected}"]
    assert pages.requests[before:] == [path] and pending(at) == []


@pytest.mark.parametrize("address, problem", [
    ("javascript:alert(document.cookie)", "only http and https addresses are fetched"),
    ("file:///etc/passwd", "only http and https addresses are fetched"),
    ("http://user:pw@example.org/", "addresses with a user name or password are not fetched"),
])
def test_addresses_that_are_never_fetched(events_file, address, problem):
    at = open_add_tab()
    fetch(at, address)
    assert errors(at) == [f"{address}: {problem}"]
    assert "javascript" not in " ".join(m.value for m in at.markdown if "](" in m.value)  # no link made


def test_a_hostile_page_is_read_as_text(events_file, pages, monkeypatch):
    monkeypatch.setenv("NEWSLINE_HOSTED", "0")
    at = fetch(open_add_tab(), pages.url("/hostile"))
    [article] = pending(at)
    assert article.title == "<img src=x onerror=alert(1)> Leak"
    listed = [t.value for t in at.text if "Leak" in t.value]  # st.text: shown as typed, never parsed
    assert len(listed) == 1  # the outlet as the page's metadata gives it (trafilatura capitalises site names)
    assert listed[0].lower().startswith("<img src=x onerror=alert(1)> leak — <script>alert(2)</script> blog (")
    click(at, "extract_events")
    values = {r["value"] for r in added(at).to_dict(orient="records")}
    assert values == {"2024-03-03"}  # the date in the page's script never became an event


# --- 5. sessions, and the shared table -----------------------------------------------------------


def test_two_sessions_do_not_see_each_others_uploads_or_additions(events_file):
    first, second = open_add_tab(), open_add_tab()
    upload(first, [("good.txt", GOOD_TXT.encode())])
    click(first, "read_articles")
    assert len(pending(first)) == 1
    run(second)
    assert second.file_uploader(key="upload_files").value == [] and pending(second) == []
    first.checkbox(key="pending_undated_0").check()  # good.txt gives no publication date
    click(first, "extract_events")
    assert len(added(first)) == 1 and shown_counts(first)[0] == STORED + 1

    upload(second, [("good-wire.json", json.dumps(GOOD_JSON).encode())])
    click(second, "read_articles")
    click(second, "extract_events")
    assert set(added(second)["title"]) == {"Talks resume"} and shown_counts(second)[0] == STORED + 2
    run(first)
    assert set(added(first)["title"]) == {"Envoy returns to Caracas"} and shown_counts(first)[0] == STORED + 1
    fresh = open_add_tab()
    assert added(fresh) is None and pending(fresh) == [] and shown_counts(fresh)[0] == STORED


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


# --- 5. any query string renders a working page ----------------------------------------------

HOSTILE_QUERIES = [
    {"tab": "<script>alert(1)</script>"},
    {"tab": "Add articles", "fact": "javascript:alert(1)", "event": "<img src=x onerror=alert(1)>"},
    {"tab": "Add articles", "from": "0000-00-00", "to": "-1", "window": "9" * 400, "min_sources": "1e30"},
    {"tab": "Add articles", "min_sources": "nan", "hide_year": "\u202e", "lanes": "x" * 5000},
    {"tab": "Add articles", "actor": ["\x00", "‮evil", "a" * 10_000], "zzz": "1", "": ""},
    {"tab": "Add articles", "upload_files": "x", "operator_token": "s3cret", "pending_articles": "[]"},
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=[str(i) for i in range(len(HOSTILE_QUERIES))])
def test_any_query_string_renders_a_working_page(events_file, query):
    before = events_file.read_bytes()
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets.update({"newsline": {"write_token": "s3cret"}})
    at.query_params.update(query)
    open_page(at)
    assert shown_counts(at)[0] == STORED
    assert pending(at) == [] and added(at) is None  # a link cannot plant articles in a session
    assert events_file.read_bytes() == before


@pytest.mark.parametrize("value", ["inf", "-inf", "1e309"])
def test_a_non_finite_number_in_the_query_string_renders_a_working_page(events_file, value):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["min_sources"] = value
    open_page(at)
    assert shown_counts(at)[0] == STORED
