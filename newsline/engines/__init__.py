"""Extraction engines: one function maps input files to event rows, run here or on Dask.

Both engines call ``extract_file`` on each input and ``rows_to_table`` on each
batch of rows, so they produce the same rows in the same order; they differ
only in where the calls run. An input travels as its name and its bytes
(``FileTask``), never as a path the worker must open, so a Dask worker on
another machine needs no access to the client's files; ``newsline.ingest``
reads those bytes directly, as it reads a file.

``extractor_fingerprint`` names the code and data an extraction depends on;
the incremental build (``newsline.manifest``) re-extracts everything when it
changes, and the Dask engine refuses workers whose fingerprint differs from
the client's (their output would not be the local engine's).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from ..errors import NewslineError
from ..store import SCHEMA_VERSION

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class FileTask:
    """One input file: the name it is reported under and its content."""

    name: str
    data: bytes
    size: int = -1  # the file's size on disk, when ``data`` holds only its beginning
    unreadable: str = ""  # why the file could not be read, if it could not
    rel: str | None = None  # its path relative to its input folder (``ingest.Input``): part of its article id

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class FileResult:
    """What one input file gave: its event rows (in extraction order) and messages."""

    name: str
    digest: str
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles: int = 0
    event_ids: list[str] = field(default_factory=list)  # filled once the rows go into a table

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Batch:
    """The results of consecutive input files and their rows as one Arrow table.

    ``files[i]``'s rows are the next ``len(files[i].event_ids)`` rows of ``table``.
    """

    table: pa.Table
    files: list[FileResult]


def read_task(path: str | Path, rel: str | None = None) -> FileTask:
    """A file's bytes; an unreadable file is reported by ``extract_file`` like any bad input.
    ``rel``: its path relative to the folder it was found in (default: its name).

    At most one byte past the ingest limit is read: that is enough for ``load_file``
    to refuse an oversized file without the whole of it ever sitting in memory."""
    from ..ingest import MAX_FILE_BYTES

    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
            size = os.fstat(handle.fileno()).st_size
    except OSError as exc:  # said as such, not as an empty file
        return FileTask(str(path), b"", 0, unreadable=f"cannot read file ({exc.strerror or exc.__class__.__name__})",
                        rel=rel)
    return FileTask(str(path), data, size, rel=rel)


def extract_file(task: FileTask, published: str | None = None) -> FileResult:
    """The event rows of every article in one input file.

    The bytes are read by ``newsline.ingest.read_input`` under the file's own name (format by
    suffix, messages naming it; article id from its relative path and bytes). A bad file gives one error line and no
    rows; it never raises.
    """
    from ..events import extract_events
    from ..ingest import read_input

    result = FileResult(task.name, task.digest)
    if task.unreadable:
        result.errors.append(f"{task.name}: {task.unreadable}")
        return result
    loaded, result.errors = read_input(task.name, task.data, published, size=task.size if task.size >= 0 else None,
                                       rel=task.rel)
    result.warnings.extend(loaded.warnings)
    for article in loaded:
        try:
            rows = extract_events(article)
        except Exception as exc:  # one article must never take the whole batch down
            result.errors.append(f"{task.name}: extraction failed ({exc.__class__.__name__}: {exc})")
            continue
        finally:  # after extraction: it may add one (the event limit)
            result.warnings.extend(article.warnings)
        result.rows.extend(rows)
        result.articles += 1
    return result


def repeated_articles(name: str, article_ids: list[str], seen: dict[str, str]) -> tuple[set[str], list[str]]:
    """The ids among one input's ``article_ids`` that an earlier input of the run already gave
    (``seen``: article id -> that input's name, updated with this input's new ones), and one
    warning line for each. The same id is the same article (the same bytes at the same relative
    path, or the same record): its events are kept once, from the first input that gave it."""
    repeated: set[str] = set()
    for article_id in dict.fromkeys(article_ids):
        if article_id in seen:
            repeated.add(article_id)
        else:
            seen[article_id] = name
    lines = [f"{name}: same article as {seen[a]}; skipped" for a in dict.fromkeys(article_ids) if a in repeated]
    return repeated, lines


def rows_to_table(rows: list[dict]) -> pa.Table:
    """Event rows as an Arrow table with the store's schema (and its version metadata)."""
    from ..store import ARROW_SCHEMA, to_frame

    return pa.Table.from_pandas(to_frame(rows), schema=ARROW_SCHEMA, preserve_index=False)


def extract_batch(tasks: list[FileTask], published: str | None = None, on_file=None) -> Batch:
    """``extract_file`` on each task, then all their rows as one table: the unit both engines run."""
    tables = []
    files = []
    for task in tasks:
        result = extract_file(task, published)
        result.event_ids = [row["event_id"] for row in result.rows]
        # Each file's rows become columns at once: Python dicts, many times their size, never pile up.
        tables.append(rows_to_table(result.rows))
        result.rows = []
        files.append(result)
        if on_file is not None:
            on_file()
    table = pa.concat_tables(tables) if tables else rows_to_table([])
    return Batch(table, files)


# Modules that do not change what extraction produces; editing them keeps a manifest valid.
_NOT_EXTRACTION = {"cli.py", "merge.py", "evaluate.py", "manifest.py", "fetch.py", "query.py", "filters.py"}


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hash of everything extraction depends on: package code, rules, actors, topics, schema."""
    from ..store import data_dir

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    files = sorted(
        p for p in package.rglob("*")
        if p.is_file() and p.suffix in (".py", ".toml", ".json")
        and "__pycache__" not in p.parts and p.relative_to(package).as_posix() not in _NOT_EXTRACTION
    )
    data = data_dir()
    files += [data / "actors.json", data / "topics.toml", data / "actions.toml"]
    for path in files:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"(missing)")
    return digest.hexdigest()[:20]


def run(
    tasks: list[FileTask],
    engine: str = "local",
    *,
    published: str | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = True,
) -> list[Batch]:
    """Extract every task with the chosen engine: batches of consecutive tasks, in task order."""
    if engine == "local":
        from .local import run_local

        return run_local(tasks, published=published, progress=progress)
    if engine == "dask":
        from .dask_engine import run_dask

        return run_dask(tasks, published=published, scheduler=scheduler, workers=workers, progress=progress)
    raise NewslineError("--engine", f"unknown engine {engine!r} (use {' or '.join(ENGINES)})")
