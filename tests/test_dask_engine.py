"""The Dask engine on a real LocalCluster (worker processes): the local engine's output, partitioned."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import distributed  # a dependency, not optional: CI must run these tests, never skip them
import pandas as pd
import pyarrow.parquet as pq
import pytest

from support.corpus_paths import CORPUS_ARTICLES
from newsline.engines import read_task, run
from newsline.engines.dask_engine import plan, run_batches
from newsline.engines.dataset import parts, read_dataset
from newsline.errors import NewslineError
from newsline.ingest import find_inputs
from newsline.manifest import update_table
from newsline.store import SCHEMA_VERSION, data_dir, read_events

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cluster():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    yield cluster
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seed and the development corpus, plus one broken file and one multi-article file."""
    assert CORPUS_ARTICLES.is_dir(), "the development corpus belongs in shared/ beside the repository"
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS_ARTICLES, folder / "corpus")
    shutil.copytree(data_dir() / "articles", folder / "seed")
    (folder / "broken.json").write_text("{not json")
    rows = [{"title": f"Wire {i}", "url": f"https://wire.example.org/{i}", "published": "2024-05-06",
             "text": f"Wire {i}\n\nNicolás Maduro spoke on Monday; talks began on May {i + 1}, 2024."}
            for i in range(3)]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    return folder


def test_dask_rows_and_messages_equal_the_local_engine(cluster, corpus):
    tasks = [read_task(*p) for p in find_inputs([corpus])]
    local = run(tasks, "local", progress=False)
    with distributed.Client(cluster) as client:
        dask = run_batches(client, tasks, progress=False)
    assert len(dask) == len(plan(len(tasks), 2)) > 1
    assert [f.name for b in dask for f in b.files] == [t.name for t in tasks]
    local_files = [f for b in local for f in b.files]
    dask_files = [f for b in dask for f in b.files]
    for mine, theirs in zip(local_files, dask_files):
        assert (mine.event_ids, mine.errors, mine.warnings, mine.articles) == \
               (theirs.event_ids, theirs.errors, theirs.warnings, theirs.articles)
    errors = [e for f in dask_files for e in f.errors]
    assert len(errors) == 1 and errors[0].startswith(str(corpus / "broken.json"))
    assert any("wire.jsonl:4: invalid JSON" in w for f in dask_files for w in f.warnings)  # the broken line, named
    import pyarrow as pa

    assert pa.concat_tables([b.table for b in dask]).equals(pa.concat_tables([b.table for b in local]))


def test_dask_dataset_reads_back_identical_to_the_local_table(cluster, corpus, tmp_path):
    local_out = tmp_path / "local.parquet"
    update_table([corpus], local_out, progress=False)
    dataset = tmp_path / "events"
    report = update_table([corpus], dataset, dataset=True, engine="dask",
                          scheduler=cluster.scheduler_address, workers=2, progress=False)
    assert report.written and len(report.errors) == 1
    files = parts(dataset)
    assert len(files) > 1
    for f in files:  # every partition is a Newsline table on its own
        assert pq.read_schema(f).metadata[b"newsline.schema_version"] == str(SCHEMA_VERSION).encode()
        read_events(f)
    pd.testing.assert_frame_equal(read_dataset(dataset), read_events(local_out))
    # Incremental on the dataset too: only the broken file is tried again.
    again = update_table([corpus], dataset, dataset=True, engine="dask",
                         scheduler=cluster.scheduler_address, progress=False)
    assert (again.extracted, again.reused, again.written) == (1, report.files - 1, True)
    pd.testing.assert_frame_equal(read_dataset(dataset), read_events(local_out))


def test_workers_with_other_extraction_data_are_refused(corpus, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data, ignore=shutil.ignore_patterns("*.parquet", "*.lock", "articles"))
    actors = json.loads((data / "actors.json").read_text())
    actors["about"] = "a different knowledge base"
    (data / "actors.json").write_text(json.dumps(actors))
    other = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                                     env={"NEWSLINE_DATA": str(data)})
    try:
        with distributed.Client(other) as client, pytest.raises(NewslineError, match="different newsline"):
            run_batches(client, [read_task(*p) for p in find_inputs([corpus / "seed"])], progress=False)
    finally:
        other.close()


def test_cli_extract_on_dask(corpus, tmp_path):
    out = tmp_path / "events"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    result = subprocess.run(
        [sys.executable, "-m", "newsline.cli", "extract", str(corpus / "corpus"), "--out", str(out),
         "--engine", "dask", "--workers", "2"],
        capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "written to" in result.stderr
    assert read_dataset(out)["article_id"].nunique() == 27
    result = subprocess.run(
        [sys.executable, "-m", "newsline.cli", "extract", str(corpus / "corpus"), "--out", str(tmp_path / "e.csv"),
         "--engine", "dask"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 2 and "Parquet dataset" in result.stderr
