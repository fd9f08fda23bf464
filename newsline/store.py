"""The event store: one Parquet file, written atomically, with a schema version.

Readers never see a half-written table: a write goes to a temporary file in
the same folder, is flushed to disk, then renamed over the old one. A file
lock next to the table serialises writers from different processes.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock

from .errors import NewslineError
from .model import EVENT_COLUMNS, SCHEMA_VERSION

_META_KEY = b"newsline.schema_version"

ARROW_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("published", pa.string()),
        ("language", pa.string()),
        ("date_text", pa.string()),
        ("date_char_start", pa.int64()),
        ("date_char_end", pa.int64()),
        ("value", pa.string()),
        ("date_start", pa.string()),
        ("date_end", pa.string()),
        ("granularity", pa.string()),
        ("resolution", pa.string()),
        ("rule", pa.string()),
        ("tense", pa.string()),
        ("sentence", pa.string()),
        ("sentence_char_start", pa.int64()),
        ("sentence_char_end", pa.int64()),
        ("actors", pa.list_(pa.string())),
        ("topics", pa.list_(pa.string())),
        ("confidence", pa.float64()),
    ],
    metadata={_META_KEY: str(SCHEMA_VERSION).encode()},
)
assert ARROW_SCHEMA.names == EVENT_COLUMNS


def to_frame(rows: list[dict]) -> pd.DataFrame:
    """Event dicts to a DataFrame with every column, in contract order."""
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return frame


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def lock_for(path: Path) -> FileLock:
    return FileLock(str(path) + ".lock", timeout=120)


def write_events(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write the table as .parquet, .csv or .jsonl (by suffix), atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    frame = frame.reindex(columns=EVENT_COLUMNS)
    if suffix == ".parquet":
        table = pa.Table.from_pandas(frame, schema=ARROW_SCHEMA, preserve_index=False)
        writer = lambda tmp: pq.write_table(table, tmp)  # noqa: E731
    elif suffix == ".csv":
        flat = frame.copy()
        for col in ("actors", "topics"):
            flat[col] = flat[col].map(lambda xs: "; ".join(xs) if xs is not None else "")
        writer = lambda tmp: flat.to_csv(tmp, index=False)  # noqa: E731
    elif suffix == ".jsonl":
        def writer(tmp):
            with open(tmp, "w", encoding="utf-8") as out:
                for row in frame.to_dict(orient="records"):
                    out.write(json.dumps(_jsonable(row), ensure_ascii=False) + "\n")
    else:
        raise NewslineError(path, "unknown output format (use .jsonl, .csv or .parquet)")
    with lock_for(path):
        _atomic_write(path, writer)
    return path


def _jsonable(row: dict) -> dict:
    out = {}
    for key, value in row.items():
        if hasattr(value, "tolist"):
            value = value.tolist()
        elif isinstance(value, float) and value != value:  # NaN
            value = None
        out[key] = value
    return out


def read_events(path: str | Path) -> pd.DataFrame:
    """Read a Parquet event table, refusing unknown schema versions and corrupt files."""
    path = Path(path)
    if not path.exists():
        raise NewslineError(path, "no event table here (run `newsline build` first)")
    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise NewslineError(path, f"not a readable Parquet event table ({exc.__class__.__name__})") from None
    meta = table.schema.metadata or {}
    version = meta.get(_META_KEY)
    if version is None:
        raise NewslineError(path, "not a Newsline event table (no schema version)")
    if int(version) != SCHEMA_VERSION:
        raise NewslineError(
            path, f"schema version {int(version)} is not the supported version {SCHEMA_VERSION}"
        )
    frame = table.to_pandas()
    for col in ("actors", "topics"):
        frame[col] = frame[col].map(lambda xs: list(xs) if xs is not None else [])
    return frame
