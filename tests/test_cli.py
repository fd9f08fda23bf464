"""The `newsline` command, run as a user runs it: a real process, real files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from support.corpus_paths import CORPUS_ARTICLES, CORPUS_GOLD
from newsline.store import read_events

ROOT = Path(__file__).resolve().parents[1]


def newsline(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newsline.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT, env={**os.environ, "PYTHONWARNINGS": "ignore"})


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Maduro meets envoy\n\nMaduro met the U.S. envoy on Monday in Caracas.\n")
    (folder / "b.json").write_text(json.dumps({
        "url": "https://example.org/2024/05/02/story", "title": "Talks", "source": "Example",
        "published": "2024-05-02", "text": "Talks resumed on April 30, 2024. They will continue next week.",
        "extra": "ignored"}))
    return folder


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_extract_writes_each_format(articles, tmp_path, suffix):
    out = tmp_path / f"events{suffix}"
    result = newsline("extract", articles, "--out", out, "--published", "2024-05-06")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    if suffix == ".jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
    elif suffix == ".csv":
        rows = pd.read_csv(out).to_dict(orient="records")
    else:
        rows = read_events(out).to_dict(orient="records")
    values = {r["date_text"]: r["value"] for r in rows}
    assert values["on Monday"] == "2024-05-06"  # --published applies to the text file
    assert values["on April 30, 2024"] == "2024-04-30"
    assert values["next week"] == "2024-05-13/2024-05-19"  # --published overrides the JSON date too


def test_published_flag_overrides_and_missing_date_leaves_relatives_unresolved(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("Note\n\nThe envoy arrived on Monday and left on May 3, 2024.\n")
    out = tmp_path / "e.jsonl"
    result = newsline("extract", src, "--out", out)
    assert result.returncode == 0
    assert "no publication date" in result.stderr
    rows = {r["date_text"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert rows["on Monday"]["value"] is None and rows["on Monday"]["granularity"] == "unresolved"
    assert rows["on May 3, 2024"]["value"] == "2024-05-03"


def test_bad_files_get_one_line_and_good_ones_still_count(articles, tmp_path):
    (articles / "empty.txt").write_text("")
    (articles / "binary.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    out = tmp_path / "e.jsonl"
    result = newsline("extract", articles, "--out", out, "--published", "2024-05-06")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [l for l in result.stderr.splitlines() if "empty.txt" in l or "binary.txt" in l]
    assert len(lines) == 2 and all(l.startswith("newsline: ") for l in lines)
    assert len(out.read_text().splitlines()) == 3  # the good files' events were written


def test_unknown_extension_and_output_format_are_refused(tmp_path):
    odd = tmp_path / "story.docx"
    odd.write_text("x")
    result = newsline("extract", odd, "--out", tmp_path / "e.jsonl")
    assert result.returncode == 2 and "unsupported file type" in result.stderr
    assert "Traceback" not in result.stderr
    good = tmp_path / "s.txt"
    good.write_text("T\n\nOn May 3, 2024 it rained.")
    result = newsline("extract", good, "--out", tmp_path / "e.xlsx")
    assert result.returncode == 2 and "unknown output format" in result.stderr


def test_malformed_published_is_refused(tmp_path):
    good = tmp_path / "s.txt"
    good.write_text("T\n\nOn May 3, 2024 it rained.")
    result = newsline("extract", good, "--out", tmp_path / "e.jsonl", "--published", "2024-13-45")
    assert result.returncode == 2 and "--published" in result.stderr
    assert not (tmp_path / "e.jsonl").exists()


def test_a_failed_run_leaves_the_previous_table(tmp_path, articles):
    out = tmp_path / "events.parquet"
    assert newsline("extract", articles, "--out", out, "--published", "2024-05-06").returncode == 0
    before = out.read_bytes()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "x.txt").write_text("   \n")
    result = newsline("extract", broken, "--out", out)
    assert result.returncode == 1 and "left unchanged" in result.stderr
    assert out.read_bytes() == before


def test_progress_bar_for_many_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"Story {i}\n\nTalks were held on May {i + 1}, 2024.\n")
    result = newsline("extract", folder, "--out", tmp_path / "e.csv")
    assert result.returncode == 0
    assert "6/6" in result.stderr  # the bar's last state


def test_build_writes_a_readable_table(tmp_path):
    out = tmp_path / "events.parquet"
    result = newsline("build", "--out", out)
    assert result.returncode == 0, result.stderr
    frame = read_events(out)
    [article_id] = set(frame["article_id"])
    assert article_id.startswith("elpais-2024-12-03-maduro-trump-security.json#")


def test_evaluate_prints_both_systems(tmp_path):
    result = newsline("evaluate", CORPUS_GOLD, CORPUS_ARTICLES)
    assert result.returncode == 0, result.stderr
    assert "newsline" in result.stdout and "search_dates" in result.stdout
    assert "event F1" in result.stdout and "throughput" in result.stdout


def test_show_reports_a_missing_table(tmp_path):
    result = newsline("show", tmp_path / "none.parquet")
    assert result.returncode == 2 and "no event table" in result.stderr
