"""Event tables on disk as Arrow: one Parquet file, or a partitioned Parquet dataset.

A dataset is a folder of ``part-NNNNN.parquet`` files, each a slice of the event
table in order, each carrying the schema version like a single-file table.
Reading it gives exactly the frame ``newsline.store.read_events`` gives for the
same rows in one file.

A dataset is replaced whole: the new parts are written to a hidden folder beside
it, then the folders are swapped by two renames under the store's file lock, so a
reader sees the old parts or the new parts, never a mix (in the instant between
the renames there is no folder, and ``read_dataset`` says so rather than read half).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import NewslineError
from ..store import ARROW_SCHEMA, EVENTS, check_version, lock_for, read_events

PART = "part-{:05d}.parquet"


def is_dataset(path: str | Path) -> bool:
    """An existing folder, or an output path without a suffix ("events/", "out/events")."""
    path = Path(path)
    return path.is_dir() or path.suffix == ""


def parts(path: str | Path) -> list[Path]:
    return sorted(Path(path).glob("part-*.parquet"))


def conform(table: pa.Table) -> pa.Table:
    """The table with exactly the store's schema and metadata (whatever file it came from)."""
    return pa.Table.from_arrays(table.select(ARROW_SCHEMA.names).columns, schema=ARROW_SCHEMA)


def write_dataset(table: pa.Table, path: str | Path, bounds: list[tuple[int, int]]) -> Path:
    """Write rows ``[start, stop)`` of ``table`` for each bound as one part; replace ``path`` whole."""
    path = Path(path)
    table = conform(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not path.is_dir():
        raise NewslineError(path, "is a file, not a dataset folder")
    if path.is_dir() and any(path.iterdir()) and not parts(path):
        raise NewslineError(path, "folder holds other files, not a Newsline dataset; not replacing it")
    bounds = bounds or [(0, table.num_rows)]
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        for i, (start, stop) in enumerate(bounds):
            out = tmp / PART.format(i)
            pq.write_table(table.slice(start, stop - start), out)
            with open(out, "rb+") as handle:
                os.fsync(handle.fileno())
        with lock_for(path):
            old = None
            if path.exists():
                old = path.with_name(f".{path.name}.old-{os.getpid()}")
                os.rename(path, old)
            os.rename(tmp, path)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return path


def read_dataset(path: str | Path) -> pd.DataFrame:
    """A dataset's rows as one frame, identical to ``read_events`` of the same rows in one file."""
    path = Path(path)
    files = parts(path) if path.is_dir() else []
    if not files:
        raise NewslineError(path, "no event dataset here (no part-*.parquet files)")
    frames = [read_events(f) for f in files]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def read_arrow(path: str | Path) -> pa.Table | None:
    """The event table at ``path`` (file or dataset) as Arrow, or None when there is no valid one."""
    path = Path(path)
    files = parts(path) if path.is_dir() else [path] if path.is_file() else []
    tables = []
    for f in files:
        try:
            table = pq.read_table(f)
        except (pa.ArrowInvalid, OSError):
            return None
        try:
            check_version(f, EVENTS, table.schema.metadata, table.schema)
        except NewslineError:
            return None
        if table.schema.names != ARROW_SCHEMA.names:
            return None
        tables.append(conform(table))
    if not tables:
        return None
    return pa.concat_tables(tables)
