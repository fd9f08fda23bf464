"""The bad-input catalogue (``support.bad_inputs``), run as a user meets it: through the `newsline`
command and through the app's intake.

Every case goes in one batch beside two good articles, once per way in:

- ``cli-parquet``: `newsline extract FOLDER --out events.parquet` over a table built from the good
  files first (the incremental store);
- ``cli-jsonl``: the same folder to JSON Lines;
- ``app``: the files uploaded on the page's "Add articles" tab (Streamlit's AppTest, the page's own
  code path through ``components/intake.py``) over a stored table, read, then extracted.

Each case is then checked in what came out, by the same tests whichever way it came in: either
correct events, or one line that names the file and says what is wrong with it. The good
articles' events are always there, no traceback ever reaches the user, and a table already on
disk keeps its rows. What only one way in has (the command's prefix and exit code, the page's
Markdown and the cases only an upload can have) is checked after the shared tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from newsline.errors import NewslineError
from newsline.ingest import MAX_FILE_BYTES, file_article_id, load_file
from newsline.model import EVENT_COLUMNS
from newsline.store import read_events, write_events
from support.bad_inputs import (
    CASES, ERRORS, GOOD_TXT, HOSTILE_VISIBLE, LONG_DATES, UPLOAD_ERRORS, UPLOADS, article_json, files,
)
from support.page import added, captions, click, errors, open_add_tab, pending, shown_counts, upload, warnings
from support.rows import sample_rows

ROOT = Path(__file__).resolve().parents[1]
CHANNELS = ("cli-parquet", "cli-jsonl", "app")


def newsline(*args):
    return subprocess.run([sys.executable, "-m", "newsline.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def about(lines: list[str], name: str) -> list[str]:
    """The lines about the file ``name`` (each starts with the name as the user knows it)."""
    return [line for line in lines if line.startswith(name + ":") or line.startswith(name + " ")]


@dataclass
class Outcome:
    """What one way in gave for the whole batch, in the same terms for every way in."""

    channel: str
    rows: list[dict]  # the events it gave
    errors: list[str]  # "name: problem" lines refusing a file or a part of it
    notes: list[str]  # every line shown about the batch (errors, warnings, notices)
    messages: list[str]  # the errors and warnings among them, each one line naming its file
    stored_before: list[dict]  # the stored table's rows before the batch
    stored_after: list[dict]
    ids: dict[str, set[str]]  # file name -> ids of the articles read from it
    texts: dict[str, str]  # file name -> the text of its (one) article
    expected_errors: dict[str, str]
    page: object = None  # the app's run, for what only the page has
    result: subprocess.CompletedProcess | None = None  # the command's run
    extra: dict = field(default_factory=dict)

    def events(self, name: str) -> list[dict]:
        """The events of the articles read from the file ``name``."""
        ids = self.ids.get(name, set())
        return [r for r in self.rows if r["article_id"] in ids]

    def titled(self, title: str) -> list[dict]:
        return [r for r in self.rows if r["title"] == title]


def _rows(out: Path) -> list[dict]:
    if out.suffix == ".parquet":
        return read_events(out).to_dict(orient="records")
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _cli(kind: str, base: Path) -> Outcome:
    folder = base / "in"
    folder.mkdir()
    for name, data in files().items():
        (folder / name).write_bytes(data)
    assert (folder / "huge.txt").stat().st_size > 20_000_000 > MAX_FILE_BYTES
    out = base / f"events.{kind}"
    before: list[dict] = []
    if kind == "parquet":
        first = newsline("extract", folder / "good.txt", folder / "good-wire.json", "--out", out)
        assert first.returncode == 0, first.stderr
        before = _rows(out)
    result = newsline("extract", folder, "--out", out)
    prefix = f"newsline: {folder}/"
    lines = [line.removeprefix("newsline: ").removeprefix(f"{folder}/") for line in result.stderr.splitlines()
             if line.strip() and "%|" not in line]  # not the progress bar and its carriage returns
    ids, texts = {}, {}
    for path in sorted(folder.iterdir()):
        try:  # the ids the command gives the file's articles
            articles = load_file(path)
        except NewslineError:  # refused: no article of it may be in the output under its id
            ids[path.name] = {file_article_id(path.name, path.read_bytes())}
            continue
        ids[path.name] = {a.article_id for a in articles}
        texts[path.name] = path.read_text(encoding="utf-8", errors="replace")
    rows = _rows(out)
    return Outcome(f"cli-{kind}", rows, lines, lines, lines, before, rows if kind == "parquet" else [], ids, texts,
                   ERRORS, result=result, extra={"prefix": prefix, "out": out})


def _app(base: Path) -> Outcome:
    store = base / "events.parquet"
    write_events(pd.DataFrame(sample_rows(), columns=EVENT_COLUMNS), store)
    before_bytes = store.read_bytes()
    before = read_events(store).to_dict(orient="records")
    batch = {**files(), **UPLOADS}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSLINE_EVENTS", str(store))
        mp.delenv("NEWSLINE_HOSTED", raising=False)
        at = open_add_tab()
        upload(at, list(batch.items()) + [("good.txt", batch["good.txt"])])  # one file given twice
        click(at, "read_articles")
        read_errors, read_warnings, read_captions = errors(at), warnings(at), captions(at)
        raw_errors = [e.value for e in at.error]  # as sent to the page, Markdown escapes included
        waiting = pending(at)
        for box in at.checkbox:  # undated files: the visitor says no date is known for them
            if str(box.key).startswith("pending_undated_"):
                box.check()
        click(at, "extract_events")
        extract_errors = errors(at)
        events = added(at)
        count = shown_counts(at)[0]
    ids: dict[str, set[str]] = {}
    for article in waiting:
        ids.setdefault(article.path, set()).add(article.article_id)
    texts = {a.path: a.text for a in waiting}
    return Outcome("app", events.to_dict(orient="records"), read_errors,
                   read_errors + read_warnings + read_captions + extract_errors,
                   read_errors + read_warnings + extract_errors, before,
                   read_events(store).to_dict(orient="records"), ids, texts, UPLOAD_ERRORS, page=at,
                   extra={"captions": read_captions, "raw_errors": raw_errors, "extract_errors": extract_errors, "pending": waiting,
                          "count": count, "bytes": (before_bytes, store.read_bytes()), "files": batch})


_RUNS: dict[str, Outcome] = {}


@pytest.fixture(scope="module", autouse=True)
def _forget_runs():
    yield
    _RUNS.clear()


def _run(channel: str, tmp_path_factory) -> Outcome:
    if channel not in _RUNS:
        base = tmp_path_factory.mktemp(f"bad-{channel}")
        _RUNS[channel] = _app(base) if channel == "app" else _cli(channel.split("-")[1], base)
    return _RUNS[channel]


@pytest.fixture(scope="module", params=CHANNELS)
def run(request, tmp_path_factory) -> Outcome:
    """The catalogue through one way in (each way runs once for the whole module)."""
    return _run(request.param, tmp_path_factory)


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Outcome:
    return _run("app", tmp_path_factory)


@pytest.fixture(scope="module", params=["cli-parquet", "cli-jsonl"])
def cli(request, tmp_path_factory) -> Outcome:
    return _run(request.param, tmp_path_factory)


# --- the batch as a whole, every way in ---------------------------------------------------------


def test_no_traceback_and_every_message_is_one_line(run):
    assert run.messages
    for line in run.messages:
        assert "\n" not in line and "Traceback" not in line and "newsline-upload-" not in line, line


def test_the_good_files_are_processed(run):
    assert [(r["date_text"], r["value"]) for r in run.events("good.txt")] == [("on March 3, 2024", "2024-03-03")]
    values = {r["date_text"]: r["value"] for r in run.titled("Talks resume")}
    assert values == {"on March 4, 2024": "2024-03-04", "next week": "2024-03-11/2024-03-17"}
    assert values == {r["date_text"]: r["value"] for r in run.events("good-wire.json")}


def test_rows_already_stored_are_unchanged(run):
    # The JSON Lines run writes fresh output; the others start from a stored table.
    assert bool(run.stored_before) == (run.channel != "cli-jsonl")
    now = {r["event_id"]: r for r in run.stored_after}
    for row in run.stored_before:
        assert now[row["event_id"]] == row


@pytest.mark.parametrize("run, name", [(c, n) for c in CHANNELS for n in sorted(UPLOAD_ERRORS if c == "app" else ERRORS)],
                         indirect=["run"])
def test_bad_file_gets_one_clear_line_naming_it(run, name):
    lines = about(run.errors, name)
    assert len(lines) == 1, (name, run.errors)
    assert run.expected_errors[name] in lines[0]
    assert not run.events(name)
    if run.channel == "app":  # refused when read: nothing of it waits for extraction
        assert not [a for a in run.extra["pending"] if a.path == name]


# --- cases that give events ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["latin1.txt", "utf16.txt"])
def test_legacy_and_utf16_text_is_decoded_and_dated(run, name):
    [event] = run.events(name)
    assert event["value"] == "2024-03-03"
    assert "Bogotá" in event["sentence"] and "José Pérez" in event["sentence"]
    assert [line for line in about(run.notes, name) if "error" in line or "binary" in line] == []


def test_million_character_line_gives_every_date_at_its_offset(run):
    text = run.texts["long-line.txt"]
    events = run.events("long-line.txt")
    assert sorted(r["value"] for r in events) == [f"2024-03-{day:02d}" for day in range(1, len(LONG_DATES) + 1)]
    for r in events:
        assert text[r["date_char_start"]:r["date_char_end"]] == r["date_text"]
        assert text[r["sentence_char_start"]:r["sentence_char_end"]] == r["sentence"]
        assert len(r["sentence"]) < 100  # sentences, not the whole line


def test_scripts_styles_iframes_and_handlers_never_become_events(run):
    events = run.events("hostile.html")
    assert {r["value"] for r in events} == HOSTILE_VISIBLE
    assert all(r["published"] == "2024-03-05" for r in events)
    for r in events:
        for hidden in ("alert", "document.write", "content:", "fallback", "JavaScript", "template", "onerror"):
            assert hidden not in r["sentence"]


def test_extra_fields_are_ignored(run):
    [event] = run.events("extra-fields.json")
    assert (event["value"], event["published"]) == ("2024-03-04", "2024-03-05")


def test_json_list_keeps_the_good_item_and_names_each_bad_one(run):
    assert [r["value"] for r in run.titled("Good item")] == ["2024-03-01"]
    assert [r["value"] for r in run.events("mixed-items.json")] == ["2024-03-01"]
    assert about(run.notes, "mixed-items.json") == [
        "mixed-items.json: item 2: 'text' must be a string, not list; skipped",
        "mixed-items.json: item 3: 'language' must be a string, not int; skipped",
        "mixed-items.json: item 4: expected an article object, found str; skipped",
    ]


def test_json_lines_keep_the_good_lines_around_a_broken_one(run):
    assert [r["value"] for r in run.titled("First line")] == ["2024-03-02"]
    assert [r["value"] for r in run.titled("Third line")] == ["2024-03-04"]
    assert not run.titled("Broken line")
    titles = {r["title"]: r["value"] for r in run.events("broken-line.jsonl")}
    assert titles == {"First line": "2024-03-02", "Third line": "2024-03-04"}
    [line] = about(run.notes, "broken-line.jsonl")
    assert line.startswith("broken-line.jsonl:2: invalid JSON") and line.endswith("; skipped")


def test_a_lone_surrogate_in_json_becomes_a_replacement_character(run):
    [event] = run.events("lone-surrogate.json")
    assert event["value"] == "2024-03-03"
    assert event["sentence"] == "On March 3, 2024 the envoy \ufffd arrived in Caracas."
    assert event["title"] == "Stray \ufffd"
    assert about(run.notes, "lone-surrogate.json") == []


def test_partial_publication_date_stays_partial(run):
    events = {r["date_text"]: r for r in run.events("partial-date.json")}
    assert events["on March 4, 2024"]["value"] == "2024-03-04"
    assert {r["published"] for r in events.values()} == {"2024-03"}
    assert about(run.notes, "partial-date.json") == []


def test_future_publication_date_is_kept_with_a_warning(run):
    [event] = run.events("future-date.json")
    assert (event["value"], event["published"]) == ("2024-03-04", "2999-01-01")
    assert about(run.notes, "future-date.json") == [
        "future-date.json: publication date 2999-01-01 is in the future; relative dates resolve against it"]


def test_impossible_dates_give_no_impossible_values(run):
    events = run.events("impossible-dates.txt")
    assert [r["value"] for r in events if r["granularity"] == "day"] == ["2024-02-29"]
    for r in events:
        assert "99999" not in (r["value"] or "") and "02-30" not in (r["value"] or "")
        assert r["date_text"] not in ("February 30, 2024", "the year 99999")


def test_unsupported_language_is_read_with_a_warning(run):
    [line] = [line for line in about(run.notes, "russian.txt") if "language" in line]
    assert line.startswith("russian.txt: language not recognised")
    for r in run.events("russian.txt"):  # whatever is found is well formed and in place
        assert r["value"] is None or r["value"].startswith("2024")
    [line] = [line for line in about(run.notes, "language-ru.json") if "language" in line]
    assert line.startswith("language-ru.json: no date rules for language 'ru'")


# --- what only the command has -------------------------------------------------------------------


def test_the_command_prefixes_every_line_and_exits_1(cli):
    stderr = cli.result.stderr
    assert "Traceback" not in stderr and "Error:" not in stderr.replace("NewslineError", "")
    for line in stderr.splitlines():
        if "%|" in line or not line.strip():  # the progress bar and its carriage returns
            continue
        assert line.startswith("newsline: "), line
    assert cli.result.returncode == 1  # some inputs were bad
    # Every line but the closing count names its file by the path the user gave.
    assert [line for line in stderr.splitlines() if line.startswith("newsline: ")
            and not line.startswith(cli.extra["prefix"])] == [line for line in stderr.splitlines()
                                                              if " written to " in line]


def test_a_batch_of_only_bad_files_leaves_the_stored_table_byte_for_byte(tmp_path):
    out = tmp_path / "events.parquet"
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TXT, encoding="utf-8")
    assert newsline("extract", good, "--out", out).returncode == 0
    before = out.read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    for name in ("empty.txt", "renamed-pdf.txt", "nested.html", "wrong-type.json", "malformed-date.json"):
        content = CASES[name]
        (bad / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    result = newsline("extract", bad, "--out", out)
    assert result.returncode == 1 and "left unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes() == before


# --- what only the page has ------------------------------------------------------------------------


def test_the_page_names_each_file_and_shows_markup_in_a_name_as_text(app):
    names = set(app.extra["files"]) | set(UPLOAD_ERRORS)
    for line in app.messages:
        assert any(line.startswith(name + ":") for name in names), line
    assert app.extra["extract_errors"] == []
    [hostile] = [e for e in app.extra["raw_errors"] if "onerror" in e]
    assert hostile.startswith(r"\<img src=x onerror=alert\(1\)\>\.txt\:")


def test_the_same_article_twice_is_read_once(app):
    # An upload is identified by its name and its bytes, as a file is by its path and its bytes.
    assert [n for n in app.notes if "same article" in n] == ["good.txt: same article as good.txt; skipped"]
    assert len([a for a in app.extra["pending"] if a.path == "good.txt"]) == 1
    assert [r["value"] for r in app.events("copy-of-good.txt")] == ["2024-03-03"]


def test_the_page_writes_nothing_and_counts_the_additions(app):
    before, after = app.extra["bytes"]
    assert after == before  # byte for byte: additions stay in the session
    assert app.extra["count"] == len(sample_rows()) + len(app.rows)


def test_the_page_shows_the_publication_date_it_read_for_confirmation(app):
    [partial] = [a for a in app.extra["pending"] if a.path == "partial-date.json"]
    assert partial.published == "2024-03"
    [future] = [a for a in app.extra["pending"] if a.path == "future-date.json"]
    assert future.published == "2999-01-01"  # kept, shown for confirmation, with a warning beside it
    assert "future-date.json: publication date 2999-01-01 is in the future; relative dates resolve against it" \
        in app.extra["captions"]


# --- the same limits in process (what the app's upload path calls) ------------------------------


def test_a_file_over_the_limit_is_refused_without_being_read_whole(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:  # sparse: 2 GB on paper, nothing on disk
        handle.truncate(2_000_000_000)
    with pytest.raises(Exception) as err:
        load_file(path)
    assert "file is 2000.0 MB, over the 16.0 MB limit" in str(err.value)


def test_an_article_over_the_character_limit_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Long\n\n" + "word " * 500_000, encoding="utf-8")  # 2.5 million characters
    with pytest.raises(Exception, match="article text is 2,500,006 characters, over the 2,000,000 limit"):
        load_file(path)


def test_a_javascript_url_in_json_is_left_out(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(article_json(url="javascript:alert(1)", published="2024-03-05"), encoding="utf-8")
    [article] = load_file(path)
    assert article.url == ""
    assert any("not an http(s) address" in w for w in article.warnings)
