"""The bad-input catalogue, run through the `newsline` command as a user runs it.

Every case is a file in one folder beside two good articles. The command runs
once over the folder for each kind of output (a Parquet table, which goes
through the incremental store, and JSON Lines), and each case is then checked
in what came out: either correct events, or one line on stderr that names the
file and says what is wrong with it. The good articles' events are always
there, no traceback ever reaches the user, and a table already on disk keeps
its rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsline.ingest import MAX_FILE_BYTES, load_file
from newsline.store import read_events
from support.bad_inputs import CASES, ERRORS, GOOD_JSON, GOOD_TXT, HOSTILE_VISIBLE, article_json, long_line

ROOT = Path(__file__).resolve().parents[1]

def newsline(*args):
    return subprocess.run([sys.executable, "-m", "newsline.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def write_cases(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (folder / "good-wire.json").write_text(json.dumps(GOOD_JSON), encoding="utf-8")
    for name, content in CASES.items():
        path = folder / name
        if name == "huge.txt":
            line = "Talks resumed in Caracas on March 3, 2024, officials said again and again.\n"
            path.write_text("Huge\n\n" + line * (20_000_000 // len(line) + 1), encoding="utf-8")
            assert path.stat().st_size > 20_000_000 > MAX_FILE_BYTES
        elif name == "long-line.txt":
            path.write_text("Long line\n" + long_line() + "\n", encoding="utf-8")
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def read_rows(out: Path) -> list[dict]:
    if out.suffix == ".parquet":
        return read_events(out).to_dict(orient="records")
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


class Run:
    def __init__(self, folder: Path, out: Path, result: subprocess.CompletedProcess, before: list[dict]):
        self.folder, self.out, self.result, self.before = folder, out, result, before
        self.rows = read_rows(out)

    def lines_about(self, name: str) -> list[str]:
        path = str(self.folder / name)
        return [line for line in self.result.stderr.splitlines() if path in line and "%|" not in line]

    def events(self, article_id: str) -> list[dict]:
        return [r for r in self.rows if r["article_id"] == article_id]

    def events_titled(self, title: str) -> list[dict]:
        return [r for r in self.rows if r["title"] == title]


@pytest.fixture(scope="module", params=["parquet", "jsonl"])
def run(request, tmp_path_factory) -> Run:
    """The catalogue through `newsline extract`; for Parquet, over a table built from the good files first."""
    base = tmp_path_factory.mktemp(f"bad-{request.param}")
    folder = base / "in"
    write_cases(folder)
    out = base / f"events.{request.param}"
    before: list[dict] = []
    if request.param == "parquet":
        first = newsline("extract", folder / "good.txt", folder / "good-wire.json", "--out", out)
        assert first.returncode == 0, first.stderr
        before = read_rows(out)
    result = newsline("extract", folder, "--out", out)
    return Run(folder, out, result, before)


# --- the run as a whole -----------------------------------------------------------------


def test_no_traceback_and_every_message_is_one_prefixed_line(run):
    stderr = run.result.stderr
    assert "Traceback" not in stderr and "Error:" not in stderr.replace("NewslineError", "")
    for line in stderr.splitlines():
        if "%|" in line or not line.strip():  # the progress bar and its carriage returns
            continue
        assert line.startswith("newsline: "), line
    assert run.result.returncode == 1  # some inputs were bad


def test_the_good_files_are_processed(run):
    good = run.events("good")
    assert [(r["date_text"], r["value"]) for r in good] == [("on March 3, 2024", "2024-03-03")]
    values = {r["date_text"]: r["value"] for r in run.events_titled("Talks resume")}
    assert values == {"on March 4, 2024": "2024-03-04", "next week": "2024-03-11/2024-03-17"}


def test_rows_of_files_already_stored_are_unchanged(run):
    # The JSON Lines run writes fresh output; the Parquet run starts from a stored table.
    assert bool(run.before) == (run.out.suffix == ".parquet")
    stored = {r["event_id"]: r for r in run.before}
    now = {r["event_id"]: r for r in run.rows}
    assert set(stored) <= set(now)
    for event_id, row in stored.items():
        assert now[event_id] == row


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_bad_file_gets_one_clear_line_naming_it(run, name):
    lines = run.lines_about(name)
    assert len(lines) == 1, lines
    assert ERRORS[name] in lines[0]
    assert not run.events(Path(name).stem)


# --- cases that give events --------------------------------------------------------------


@pytest.mark.parametrize("name", ["latin1.txt", "utf16.txt"])
def test_legacy_and_utf16_text_is_decoded_and_dated(run, name):
    [event] = run.events(Path(name).stem)
    assert event["value"] == "2024-03-03"
    assert "Bogotá" in event["sentence"] and "José Pérez" in event["sentence"]
    assert [line for line in run.lines_about(name) if "error" in line or "binary" in line] == []


def test_million_character_line_gives_every_date_at_its_offset(run):
    text = (run.folder / "long-line.txt").read_text(encoding="utf-8")
    events = run.events("long-line")
    assert sorted(r["value"] for r in events) == [f"2024-03-{day:02d}" for day in range(1, 11)]
    for r in events:
        assert text[r["date_char_start"]:r["date_char_end"]] == r["date_text"]
        assert text[r["sentence_char_start"]:r["sentence_char_end"]] == r["sentence"]
        assert len(r["sentence"]) < 100  # sentences, not the whole line


def test_scripts_styles_iframes_and_handlers_never_become_events(run):
    events = run.events("hostile")
    assert {r["value"] for r in events} == HOSTILE_VISIBLE
    assert all(r["published"] == "2024-03-05" for r in events)
    for r in events:
        for hidden in ("alert", "document.write", "content:", "fallback", "JavaScript", "template", "onerror"):
            assert hidden not in r["sentence"]


def test_extra_fields_are_ignored(run):
    [event] = run.events("extra-fields")
    assert (event["value"], event["published"]) == ("2024-03-04", "2024-03-05")


def test_json_list_keeps_the_good_item_and_names_each_bad_one(run):
    assert [r["value"] for r in run.events_titled("Good item")] == ["2024-03-01"]
    lines = run.lines_about("mixed-items.json")
    assert len(lines) == 3
    assert "item 2: 'text' must be a string, not list; skipped" in lines[0]
    assert "item 3: 'language' must be a string, not int; skipped" in lines[1]
    assert "item 4: expected an article object, found str; skipped" in lines[2]


def test_json_lines_keep_the_good_lines_around_a_broken_one(run):
    assert [r["value"] for r in run.events_titled("First line")] == ["2024-03-02"]
    assert [r["value"] for r in run.events_titled("Third line")] == ["2024-03-04"]
    assert not run.events_titled("Broken line")
    [line] = run.lines_about("broken-line.jsonl")
    assert "broken-line.jsonl:2: invalid JSON" in line and "skipped" in line


def test_a_lone_surrogate_in_json_becomes_a_replacement_character(run):
    [event] = run.events("lone-surrogate")
    assert event["value"] == "2024-03-03"
    assert event["sentence"] == "On March 3, 2024 the envoy \ufffd arrived in Caracas."
    assert event["title"] == "Stray \ufffd"
    assert run.lines_about("lone-surrogate.json") == []


def test_partial_publication_date_stays_partial(run):
    events = {r["date_text"]: r for r in run.events("partial-date")}
    assert events["on March 4, 2024"]["value"] == "2024-03-04"
    assert {r["published"] for r in events.values()} == {"2024-03"}
    assert run.lines_about("partial-date.json") == []


def test_future_publication_date_is_kept_with_a_warning(run):
    [event] = run.events("future-date")
    assert (event["value"], event["published"]) == ("2024-03-04", "2999-01-01")
    [line] = run.lines_about("future-date.json")
    assert "publication date 2999-01-01 is in the future" in line


def test_impossible_dates_give_no_impossible_values(run):
    events = run.events("impossible-dates")
    day_values = [r["value"] for r in events if r["granularity"] == "day"]
    assert day_values == ["2024-02-29"]
    for r in events:
        assert "99999" not in (r["value"] or "") and "02-30" not in (r["value"] or "")
        assert r["date_text"] not in ("February 30, 2024", "the year 99999")


def test_unsupported_language_is_read_with_a_warning(run):
    [line] = [line for line in run.lines_about("russian.txt") if "language" in line]
    assert "language not recognised" in line
    for r in run.events("russian"):  # whatever is found is well formed and in place
        assert r["value"] is None or r["value"].startswith("2024")
    [line] = [line for line in run.lines_about("language-ru.json") if "language" in line]
    assert "no date rules for language 'ru'" in line


# --- a run where nothing is readable --------------------------------------------------------


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
