"""Hostile input beyond the catalogue: inputs shaped to exhaust memory, lose data or crash a command.

Each test names the defect it guards against; docs/reliability.md lists them with their results.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsline.events import MAX_EVENTS_PER_ARTICLE, SENTENCE_WINDOW, extract_events
from newsline.ingest import MAX_TITLE_CHARS, load_file
from newsline.model import Article

ROOT = Path(__file__).resolve().parents[1]


def newsline(*args, cwd=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "newsline.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout)


# --- memory: rows are bounded, whatever the sentence or the title ----------------------------


def test_a_sentence_full_of_dates_stores_a_bounded_window_around_each_date():
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
    text = "Dates\n\n" + "It rained on 1 May 2020. " * (MAX_EVENTS_PER_ARTICLE + 500)
    article = Article("many", text, title="Dates", published="2024-01-01", path="many.txt")
    rows = extract_events(article)
    assert len(rows) == MAX_EVENTS_PER_ARTICLE
    assert [w for w in article.warnings if "limit for one article" in w and w.startswith("many.txt: ")]


def test_a_megabyte_title_is_cut(tmp_path):
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
