"""The shipped event table is derived data: `newsline build` must reproduce it exactly."""

import pandas as pd

from support.corpus_paths import ARCHIVE_ARTICLES, CORPUS_ARTICLES
from newsline.cli import main
from newsline.store import events_path
from newsline.store import read_events


def test_shipped_table_is_what_build_makes(tmp_path):
    out = tmp_path / "events.parquet"
    assert main(["build", "--corpus", str(CORPUS_ARTICLES), "--corpus", str(ARCHIVE_ARTICLES), "--out", str(out)]) == 0
    rebuilt, shipped = read_events(out), read_events(events_path())
    pd.testing.assert_frame_equal(rebuilt, shipped)


def test_shipped_table_spans_years_and_many_outlets():
    shipped = read_events(events_path())
    years = pd.to_datetime(shipped["date_start"].dropna()).dt.year
    assert years.max() - years.min() >= 8
    assert shipped["source"].nunique() >= 20
    assert shipped["event_id"].is_unique


def test_shipped_table_tells_the_relationship_from_chavez_on_in_two_languages():
    shipped = read_events(events_path())
    assert set(shipped["language"]) == {"en", "es"}
    assert shipped["article_id"].nunique() >= 150
    years = pd.to_datetime(shipped["date_start"].dropna()).dt.year
    assert (years.between(1998, 2000)).sum() >= 10 and (years >= 2025).sum() >= 50
    # An archive page without a headline has none, not the editor's note standing in for it.
    assert not shipped["title"].str.startswith("[").any()
