"""One path from bytes to articles: a file on disk and the same bytes under its name read alike."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from newsline.engines import FileTask, extract_file
from newsline.ingest import load_bytes, load_file, read_input

INPUTS = {
    "talks.txt": "Talks resume\n\nTalks resumed on March 3, 2024 in Caracas, officials said last Sunday.\n",
    "talks.md": "# Talks resume\n\nTalks resumed on March 3, 2024 in Caracas.\n",
    "talks.html": "<html><head><title>Talks</title><meta property='article:published_time' content='2024-03-05'>"
                  "</head><body><article><h1>Talks</h1><p>Talks resumed on March 3, 2024 in Caracas, the "
                  "ministry said after a long day of meetings.</p></article></body></html>",
    "talks.json": json.dumps({"title": "Talks", "published": "2024-03-05",
                              "text": "Talks resumed on March 3, 2024 in Caracas."}),
    "talks.jsonl": "\n".join(json.dumps({"title": f"Talks {i}", "url": f"https://news.example.org/{i}",
                                         "text": f"Talks resumed on March {i}, 2024."}) for i in (3, 4)) + "\n{bad\n",
}


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_a_file_and_its_bytes_give_the_same_articles_and_messages(tmp_path, name):
    path = tmp_path / name
    path.write_text(INPUTS[name], encoding="utf-8")
    on_disk, in_memory = load_file(path), load_bytes(str(path), path.read_bytes())
    assert [asdict(a) for a in on_disk] == [asdict(a) for a in in_memory] and len(on_disk) >= 1
    assert on_disk.warnings == in_memory.warnings
    result = extract_file(FileTask(str(path), path.read_bytes()))
    assert result.ok and result.articles == len(on_disk) and result.rows


def test_a_bad_input_is_one_line_naming_it_whichever_way_it_arrives(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4 binary")
    articles, errors = read_input(str(path), path.read_bytes())
    assert list(articles) == [] and errors == [f"{path}: binary file, not text (looks like PDF)"]
    assert extract_file(FileTask(str(path), path.read_bytes())).errors == errors
    assert read_input("pasted", b"{}", kind=".json")[1] == ["pasted: missing or empty 'text'"]
    assert read_input("big.txt", b"x", size=20_000_000)[1] == [
        "big.txt: file is 20.0 MB, over the 16.0 MB limit for one input"]
