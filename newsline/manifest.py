"""Incremental builds: re-extract only the input files that are new or changed.

Next to a Parquet event table (a file or a dataset folder) lives its manifest,
``<table>.manifest.json``: for each input file, in table order, its content hash
(SHA-256 of the bytes) and the ids of the events it gave. A re-run

- reads every input and hashes it,
- re-extracts the files whose hash is new or different (and those that failed last time, or
  gave an article an earlier file already gave: which file comes first may have changed),
- takes the rows of the unchanged files from the table on disk,
- leaves out the rows of files that are no longer among the inputs,
- keeps each article once: a later file's article with an id already given is skipped,

and writes the table whole, atomically, then the manifest. The rows come out exactly
as a full rebuild would give them, in the same order.

The manifest is trusted only when it describes the table on disk and the same
extraction: the same extractor fingerprint (package code, rules, actors, topics, schema
version; see ``newsline.engines.extractor_fingerprint``), the same ``--published``, and
the table's event ids, in order, equal to the manifest's. Anything else (no manifest,
another version, a table rewritten by hand or by an older build, a crash between the
table and the manifest writes) means a full rebuild, never a wrong table.

File keys are paths relative to the manifest's folder, so a checkout moved elsewhere
with its inputs beside it keeps its manifest.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from .engines import Batch, FileTask, read_task, repeated_articles, run
from .engines.dataset import conform, read_arrow, write_dataset
from .store import atomic_write, lock_for, write_events

FORMAT = 1


def manifest_path(table: str | Path) -> Path:
    table = Path(table)
    return table.with_name(table.name + ".manifest.json")


def file_key(path: str | Path, base: Path) -> str:
    """The input's path relative to the manifest's folder (absolute when on another drive)."""
    resolved = Path(path).resolve()
    try:
        return Path(os.path.relpath(resolved, base.resolve())).as_posix()
    except ValueError:
        return resolved.as_posix()


@dataclass
class Entry:
    sha256: str
    events: list[str]
    articles: int
    warnings: list[str] = field(default_factory=list)
    failed: bool = False
    repeats: bool = False  # some of its articles were skipped as given by an earlier file


@dataclass
class Manifest:
    extractor: str
    published: str | None
    files: dict[str, Entry]  # key -> entry, in table order

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "extractor": self.extractor,
            "published": self.published,
            "files": [
                {"path": key, "sha256": e.sha256, "articles": e.articles, "failed": e.failed,
                 "repeats": e.repeats, "warnings": e.warnings, "events": e.events}
                for key, e in self.files.items()
            ],
        }

    @classmethod
    def load(cls, path: Path) -> "Manifest | None":
        """The manifest at ``path``, or None when missing, unreadable or of another format."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return None
            files = {
                f["path"]: Entry(f["sha256"], list(f["events"]), int(f["articles"]),
                                 list(f.get("warnings", [])), bool(f.get("failed", False)),
                                 bool(f.get("repeats", False)))
                for f in data["files"]
            }
            return cls(str(data["extractor"]), data.get("published"), files)
        except (OSError, ValueError, KeyError, TypeError):
            return None


@dataclass
class BuildReport:
    """What an update did; ``errors`` and ``warnings`` are one line each, about one file."""

    files: int = 0
    articles: int = 0
    events: int = 0
    extracted: int = 0   # files read and extracted this run
    reused: int = 0      # unchanged files whose rows were kept
    removed: int = 0     # files of the previous build no longer among the inputs
    written: bool = False
    incremental: bool = False  # a valid manifest was found
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.incremental:
            return f"{self.extracted} files extracted"
        return f"{self.extracted} files extracted, {self.reused} unchanged, {self.removed} removed"


def _previous(out: Path, manifest: Manifest | None, extractor: str, published: str | None):
    """The previous table and, per file key, the offset of its rows, when the manifest holds."""
    if manifest is None or manifest.extractor != extractor or manifest.published != published:
        return None, {}
    table = read_arrow(out)
    if table is None:
        return None, {}
    expected = [eid for e in manifest.files.values() for eid in e.events]
    if table.num_rows != len(expected) or table.column("event_id").to_pylist() != expected:
        return None, {}
    offsets, at = {}, 0
    for key, entry in manifest.files.items():
        offsets[key] = at
        at += len(entry.events)
    return table, offsets


def update_table(
    paths: list[str | Path],
    out: str | Path,
    *,
    dataset: bool = False,
    engine: str = "local",
    published: str | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = True,
    incremental: bool = True,
) -> BuildReport:
    """Bring the event table at ``out`` (a Parquet file, or a dataset folder when ``dataset``)
    up to date with the inputs under ``paths``; see the module docstring.

    Raises ``NewslineError`` when ``paths`` name no input at all. When no article can be
    read, nothing is written (``report.written`` is False).
    """
    from .engines import extractor_fingerprint
    from .engines.dask_engine import default_workers, plan
    from .ingest import find_inputs

    out = Path(out)
    mpath = manifest_path(out)
    base = mpath.parent
    files = find_inputs(list(paths))
    report = BuildReport(files=len(files))
    if not files:
        return report
    extractor = extractor_fingerprint()
    tasks = [read_task(*found) for found in files]
    keys = [file_key(found.path, base) for found in files]

    old = Manifest.load(mpath) if incremental else None
    table, offsets = _previous(out, old, extractor, published)
    report.incremental = table is not None
    reuse = {}
    if table is not None:
        for key, task in zip(keys, tasks):
            entry = old.files.get(key)
            if (entry is not None and not entry.failed and not entry.repeats and entry.sha256 == task.digest
                    and key not in reuse):
                reuse[key] = entry
        report.removed = len(set(old.files) - set(keys))

    todo = [i for i, key in enumerate(keys) if key not in reuse]
    report.extracted, report.reused = len(todo), len(files) - len(todo)
    if table is not None and not todo and not report.removed and list(old.files) == keys:
        # Nothing new, changed or removed: the table on disk is already the answer.
        for entry in old.files.values():
            report.warnings.extend(entry.warnings)
        report.articles = sum(e.articles for e in old.files.values())
        report.events = table.num_rows
        return report

    batches: list[Batch] = run([tasks[i] for i in todo], engine, published=published,
                               scheduler=scheduler, workers=workers, progress=progress) if todo else []
    fresh: dict[int, tuple[pa.Table, int]] = {}  # input index -> (batch table, row offset)
    results = {}
    it = iter(todo)
    for batch in batches:
        at = 0
        table_of_batch = conform(batch.table)
        for result in batch.files:
            i = next(it)
            fresh[i] = (table_of_batch, at)
            results[i] = result
            at += len(result.event_ids)

    slices, entries, bounds_files = [], {}, []
    seen: dict[str, str] = {}
    for i, key in enumerate(keys):
        if key in reuse:
            entry = reuse[key]
            rows = table.slice(offsets[key], len(entry.events))
        else:
            result = results[i]
            source, at = fresh[i]
            rows = source.slice(at, len(result.event_ids))
            entry = Entry(result.digest, result.event_ids, result.articles, result.warnings, bool(result.errors))
            report.errors.extend(result.errors)
        article_ids = rows.column("article_id").to_pylist()
        repeated, lines = repeated_articles(tasks[i].name, article_ids, seen)
        if repeated:
            keep = [a not in repeated for a in article_ids]
            rows = rows.filter(pa.array(keep))
            events = [e for e, k in zip(entry.events, keep) if k]
            entry = Entry(entry.sha256, events, entry.articles - len(repeated), entry.warnings + lines,
                          entry.failed, repeats=True)
        slices.append(rows)
        report.warnings.extend(entry.warnings)
        report.articles += entry.articles
        entries[key] = entry
        bounds_files.append(len(entry.events))
    report.events = sum(bounds_files)
    if report.articles == 0:
        return report

    whole = pa.concat_tables(slices)
    if dataset:
        n_workers = workers or default_workers()
        starts = [0]
        for n in bounds_files:
            starts.append(starts[-1] + n)
        bounds = [(starts[a], starts[b]) for a, b in plan(len(files), n_workers)]
        write_dataset(whole, out, [(a, b) for a, b in bounds if b > a])
    else:
        write_events(whole.to_pandas(), out)
    _write_manifest(mpath, Manifest(extractor, published, entries))
    report.written = True
    return report


def _write_manifest(path: Path, manifest: Manifest) -> None:
    text = json.dumps(manifest.to_json(), indent=1)  # ASCII: a name that is not UTF-8 stays writable + "\n"
    with lock_for(path):
        atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def remove_manifest(table: str | Path) -> None:
    """Forget the manifest of ``table`` (the next build extracts everything)."""
    manifest_path(table).unlink(missing_ok=True)


__all__ = ["BuildReport", "Manifest", "FileTask", "manifest_path", "update_table", "remove_manifest"]
