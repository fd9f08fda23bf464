"""Incremental builds: only new or changed articles are extracted; the table is what a full build gives."""

import json
import shutil

import pandas as pd
import pytest

from support.corpus_paths import CORPUS_ARTICLES
from newsline.cli import main
from newsline.ingest import article_file
from newsline.manifest import manifest_path, update_table
from newsline.store import read_events, write_events


def story(i: int, day: int = 3) -> str:
    return json.dumps({
        "url": f"https://news.example.org/2024/05/0{day}/story-{i}", "title": f"Story {i}",
        "source": "Example", "published": f"2024-05-0{day}", "language": "en",
        "text": f"Talks {i}\n\nNicolás Maduro met the U.S. envoy on Monday in Caracas. "
                f"The talks began on April {i + 1}, 2024, officials said.",
    })


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for i in range(5):
        (src / f"s{i}.json").write_text(story(i))
    return src


def files_of(table) -> set[str]:
    """The files a table's articles came from (an article id is the file's relative path plus a hash)."""
    return {article_file(a) for a in table["article_id"]}


def full(src, tmp_path):
    out = tmp_path / "full" / "events.parquet"
    report = update_table([src], out, progress=False, incremental=False)
    assert report.written
    return read_events(out)


def test_unchanged_articles_are_not_extracted_again(folder, tmp_path):
    out = tmp_path / "events.parquet"
    first = update_table([folder], out, progress=False)
    assert (first.extracted, first.reused, first.written) == (5, 0, True)
    before = out.stat().st_mtime_ns, out.read_bytes()
    again = update_table([folder], out, progress=False)
    assert (again.extracted, again.reused, again.written) == (0, 5, False)
    assert again.events == first.events and again.articles == 5
    assert (out.stat().st_mtime_ns, out.read_bytes()) == before


def test_a_changed_article_is_extracted_and_the_table_equals_a_full_build(folder, tmp_path):
    out = tmp_path / "events.parquet"
    update_table([folder], out, progress=False)
    (folder / "s2.json").write_text(story(2, day=6))  # new date: its relative "Monday" moves
    report = update_table([folder], out, progress=False)
    assert (report.extracted, report.reused, report.removed) == (1, 4, 0)
    table = read_events(out)
    pd.testing.assert_frame_equal(table, full(folder, tmp_path))
    assert "2024-05-06" in set(table.loc[table["article_id"].map(article_file) == "s2.json", "value"])


def test_a_removed_article_loses_its_events_and_a_new_one_gains_them(folder, tmp_path):
    out = tmp_path / "events.parquet"
    update_table([folder], out, progress=False)
    (folder / "s1.json").unlink()
    (folder / "s9.json").write_text(story(9))
    report = update_table([folder], out, progress=False)
    assert (report.extracted, report.reused, report.removed) == (1, 4, 1)
    table = read_events(out)
    assert "s1.json" not in files_of(table) and "s9.json" in files_of(table)
    pd.testing.assert_frame_equal(table, full(folder, tmp_path))
    entries = json.loads(manifest_path(out).read_text())["files"]
    assert [e["path"].rsplit("/", 1)[-1] for e in entries] == ["s0.json", "s2.json", "s3.json", "s4.json", "s9.json"]


def test_a_manifest_that_does_not_describe_the_table_means_a_full_build(folder, tmp_path):
    out = tmp_path / "events.parquet"
    update_table([folder], out, progress=False)
    # The table replaced behind the manifest's back (by hand, or an older build).
    table = read_events(out)
    write_events(table.iloc[1:], out)
    report = update_table([folder], out, progress=False)
    assert report.extracted == 5 and not report.incremental
    pd.testing.assert_frame_equal(read_events(out), full(folder, tmp_path))


def test_another_extractor_version_means_a_full_build(folder, tmp_path):
    out = tmp_path / "events.parquet"
    update_table([folder], out, progress=False)
    path = manifest_path(out)
    manifest = json.loads(path.read_text())
    manifest["extractor"] = "an-older-extractor"
    path.write_text(json.dumps(manifest))
    assert update_table([folder], out, progress=False).extracted == 5


def test_a_changed_published_option_means_a_full_build(folder, tmp_path):
    out = tmp_path / "events.parquet"
    update_table([folder], out, progress=False)
    assert update_table([folder], out, published="2024-06-01", progress=False).extracted == 5


def test_a_file_that_failed_is_tried_again(folder, tmp_path):
    out = tmp_path / "events.parquet"
    (folder / "broken.json").write_text("{not json")
    first = update_table([folder], out, progress=False)
    assert len(first.errors) == 1 and "broken.json" in first.errors[0]
    again = update_table([folder], out, progress=False)
    assert (again.extracted, again.reused) == (1, 5) and len(again.errors) == 1
    (folder / "broken.json").write_text(story(8))
    fixed = update_table([folder], out, progress=False)
    assert fixed.extracted == 1 and not fixed.errors
    pd.testing.assert_frame_equal(read_events(out), full(folder, tmp_path))


def test_build_twice_on_the_corpus_extracts_nothing_the_second_time(tmp_path, capsys):
    assert CORPUS_ARTICLES.is_dir(), "the development corpus belongs in shared/ beside the repository"
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS_ARTICLES, corpus)
    out = tmp_path / "events.parquet"
    assert main(["build", "--corpus", str(corpus), "--out", str(out)]) == 0
    first = read_events(out)
    capsys.readouterr()
    assert main(["build", "--corpus", str(corpus), "--out", str(out)]) == 0
    said = capsys.readouterr().err
    assert "is up to date" in said and "0 files extracted, 28 unchanged" in said
    victim = sorted(corpus.glob("*.json"))[0]
    victim.unlink()
    assert main(["build", "--corpus", str(corpus), "--out", str(out)]) == 0
    said = capsys.readouterr().err
    assert "0 files extracted, 27 unchanged, 1 removed" in said
    table = read_events(out)
    assert victim.name not in files_of(table)
    assert len(table) == len(first) - (first["article_id"].map(article_file) == victim.name).sum()
    assert (tmp_path / "facts.parquet").exists()
