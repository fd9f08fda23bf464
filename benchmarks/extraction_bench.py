"""Extraction at scale: the local engine, Dask with 1 and 2 workers, and naive search_dates.

    .venv/bin/python benchmarks/extraction_bench.py            # 10,000 articles
    .venv/bin/python benchmarks/extraction_bench.py --articles 2000 --sample 50

Writes a synthetic corpus of JSON articles (made here from sentence templates: Venezuela–US
style statements with explicit, relative, year-less, anchored and vague dates, actors and
topics) to a temporary folder, then times each engine end to end on the same files: read
and hash every file, extract, write the table (a Parquet file for the local engine, a
partitioned dataset for Dask). The local engine runs in a new process each time and Dask on a
new LocalCluster of worker processes (one thread each), so every run starts with empty caches;
the process or cluster is started and has extracted one article before the clock starts
(starting processes and building the tagger is not extraction). The Dask outputs are
checked identical to the local table. First of all, naive ``dateparser.search.search_dates``
(as in ``newsline evaluate``) and newsline run on the same sample of articles, in this process,
for the throughput ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ACTORS = [
    "Nicolás Maduro", "Donald Trump", "Joe Biden", "Marco Rubio", "María Corina Machado",
    "Edmundo González", "Diosdado Cabello", "Chevron", "PDVSA", "Pete Hegseth", "Juan Guaidó",
    "the State Department", "the Treasury Department", "Delcy Rodríguez", "Antony Blinken",
]
OUTLETS = ["Reuters", "Associated Press", "AFP", "CNN", "El País", "Miami Herald", "NPR", "CBS News",
           "Deutsche Welle", "The Guardian", "Bloomberg", "Al Jazeera"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TEMPLATES = [
    "{a} said on {weekday} that talks with {b} would continue in Caracas.",
    "The United States imposed new oil sanctions on Venezuela on {full}, {a} said.",
    "{a} met {b} in Barbados on {month} {day} to discuss the election timetable.",
    "Deportation flights to Venezuela resumed {rel}, according to {a}.",
    "In {year}, {a} was indicted in New York on narco-terrorism charges.",
    "{a} announced a reward of ${money} million for information leading to the arrest of {b} {rel}.",
    "The license granted to {a} expires on {full}, the Treasury said.",
    "Earlier this year, {a} criticised the sanctions imposed by Washington.",
    "{a} will travel to Caracas next week to meet {b}, officials said.",
    "The prisoner swap agreed in {month} {year} freed {n} Americans held in Venezuela.",
    "{a} told reporters {rel} that all options remained on the table.",
    "Since {year}, the government has accused {a} of backing the opposition.",
    "U.S. forces struck a boat in the Caribbean on {full}, killing {n} people, {a} said.",
    "{a} and {b} spoke by phone days earlier about the migrants.",
    "The election held on {month} {day} was disputed by {a}.",
    "Two days later, {b} rejected the statement issued by {a}.",
    "Oil exports fell sharply in the second half of {year}, according to {a}.",
    "{a} said the measures would take effect on {month} {day}.",
]


def _article(i: int, rng: random.Random) -> dict:
    published = date(2017, 1, 1) + timedelta(days=rng.randrange(3300))
    paragraphs = []
    for _ in range(rng.randint(6, 10)):
        when = published - timedelta(days=rng.randrange(1, 400))
        fields = {
            "a": rng.choice(ACTORS), "b": rng.choice(ACTORS), "weekday": rng.choice(WEEKDAYS),
            "full": f"{MONTHS[when.month - 1]} {when.day}, {when.year}", "month": MONTHS[when.month - 1],
            "day": when.day, "year": when.year, "money": rng.choice([5, 10, 15, 25, 50]),
            "n": rng.randint(2, 12),
            "rel": rng.choice(["on Tuesday", "last week", "yesterday", "last month", "this week", "on Friday"]),
        }
        paragraphs.append(rng.choice(TEMPLATES).format(**fields))
    title = f"Venezuela and the United States: report {i}"
    outlet = rng.choice(OUTLETS)
    return {
        "url": f"https://news.example.org/{published:%Y/%m/%d}/report-{i}",
        "title": title, "source": outlet, "published": published.isoformat(), "language": "en",
        "text": title + "\n\n" + "\n\n".join(paragraphs),
    }


def make_corpus(folder: Path, n: int, seed: int = 2024) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = folder / f"report-{i:05d}.json"
        path.write_text(json.dumps(_article(i, rng), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _warm() -> None:
    """Read and extract one article (building the tagger and the language detector),
    so the clock measures extraction only."""
    from newsline.engines import FileTask, extract_file

    article = _article(-1, random.Random(0))
    extract_file(FileTask("warm.json", json.dumps(article).encode()))


def _time_local(folder: Path, out: Path) -> tuple[float, int]:
    from newsline.manifest import update_table

    _warm()
    start = time.perf_counter()
    report = update_table([folder], out, incremental=False, progress=False)
    return time.perf_counter() - start, report.events


def time_local(folder: Path, out: Path) -> tuple[float, int]:
    """The local engine in a new process: like a Dask worker, it starts with empty caches."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_time_local, folder, out).result()


def time_dask(folder: Path, out: Path, workers: int) -> tuple[float, int]:
    from distributed import Client, LocalCluster

    from newsline.manifest import update_table

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        client.run(_warm)
        start = time.perf_counter()
        report = update_table([folder], out, dataset=True, engine="dask", scheduler=cluster.scheduler_address,
                              workers=workers, incremental=False, progress=False)
        return time.perf_counter() - start, report.events


def time_sample(paths: list[Path]) -> tuple[float, float, int]:
    """Seconds for newsline and for naive search_dates on the same articles, in this process."""
    from newsline.evaluate import naive_spans
    from newsline.events import extract_events
    from newsline.ingest import load_file

    articles = [a for p in paths for a in load_file(p)]
    _warm()
    naive_spans(articles[0])
    start = time.perf_counter()
    for article in articles:
        extract_events(article)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for article in articles:
        naive_spans(article)
    theirs = time.perf_counter() - start
    return ours, theirs, len(articles)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=100, help="articles for the search_dates comparison")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each engine; the fastest counts (other processes on the machine add noise)")
    args = parser.parse_args(argv)

    import pandas as pd

    from newsline.engines.dataset import read_dataset
    from newsline.store import read_events

    with tempfile.TemporaryDirectory(prefix="newsline-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        corpus.mkdir()
        print(f"load average (1 min) at the start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        t0 = time.perf_counter()
        paths = make_corpus(corpus, args.articles)
        size = sum(p.stat().st_size for p in paths)
        print(f"synthetic corpus: {len(paths):,} articles, {size / 1e6:.1f} MB, "
              f"made in {time.perf_counter() - t0:.1f} s", flush=True)

        # First, while this process has seen none of the articles (the tagger caches normalised dates).
        sample = random.Random(7).sample(paths, min(args.sample, len(paths)))
        ours, theirs, n = time_sample(sample)
        print(f"sample of {n} articles, one process: newsline {n / ours:.1f} articles/s, "
              f"naive search_dates {n / theirs:.1f} articles/s, newsline {theirs / ours:.1f}x faster", flush=True)

        def runs(label, timer):
            times = [timer()[0] for _ in range(args.repeat)]
            best = min(times)
            print(f"{label:18} {best:7.1f} s  {len(paths) / best:7.1f} articles/s  "
                  f"(runs: {', '.join(f'{t:.1f}' for t in times)} s)", flush=True)
            return best

        results = {"local": runs("local engine", lambda: time_local(corpus, tmp / "local.parquet"))}
        reference = read_events(tmp / "local.parquet")
        print(f"{'':18} {len(reference):,} events", flush=True)
        for workers in (1, 2):
            out = tmp / f"dask{workers}"
            label = f"dask, {workers} worker{'s' if workers > 1 else ''}"
            results[workers] = runs(label, lambda: time_dask(corpus, out, workers))
            pd.testing.assert_frame_equal(read_dataset(out), reference)
            print(f"{'':18} output identical to the local engine's: True ({len(list(out.glob('part-*')))} "
                  "Parquet parts)", flush=True)
        print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
              "(above the core count, other processes took CPU from the run)")
        speedup = results[1] / results[2]
        print(f"dask 2 workers vs 1: {speedup:.2f}x (target 1.7x: {'met' if speedup >= 1.7 else 'NOT met'})")

    return 0


if __name__ == "__main__":
    sys.exit(main())
