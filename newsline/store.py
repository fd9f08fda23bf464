"""The event store: one Parquet file, written atomically, with a schema version.

Readers never see a half-written table: a write goes to a temporary file in
the same folder, is flushed to disk, then renamed over the old one. A file
lock next to the table serialises writers from different processes.

Nothing stored is lost by accident: a Parquet file that is not a readable
Newsline table of this or an older schema version (corrupt, foreign, or written
by a newer Newsline) is reported, never replaced; ``append_events`` adds rows to
the table under the lock, so two processes adding at once both keep theirs.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock

from .errors import NewslineError
from .model import EVENT_COLUMNS, SCHEMA_VERSION

_META_KEY = b"newsline.schema_version"
# Row groups of this size let DuckDB read a large table on every core and skip groups
# by their statistics (a million-event lookup: 63 ms instead of 239, docs/performance.md).
ROW_GROUP_ROWS = 131_072

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
        ("action", pa.string()),
        ("action_text", pa.string()),
        ("action_char_start", pa.int64()),
        ("action_char_end", pa.int64()),
        ("actors_source", pa.list_(pa.string())),
        ("actors_target", pa.list_(pa.string())),
        ("roles_rule", pa.string()),
        ("headline", pa.string()),
    ],
    metadata={_META_KEY: str(SCHEMA_VERSION).encode()},
)
assert ARROW_SCHEMA.names == EVENT_COLUMNS


#: Columns holding lists of names.
LIST_COLUMNS = ("actors", "topics", "actors_source", "actors_target")


def schema_mismatch(version: str) -> str:
    """The one message for a table of another schema version."""
    if version.isdigit() and int(version) < SCHEMA_VERSION:
        return (f"schema version {version} is older than this Newsline's {SCHEMA_VERSION} (version 2 added "
                "who-did-what-to-whom columns: action, roles, headline); rebuild the table with `newsline build` "
                "or `newsline extract`")
    return f"schema version {version} is not the supported version {SCHEMA_VERSION}"


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
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut after it keeps the new file)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - folders cannot be opened on some systems
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files a killed writer of ``path`` left behind.

    Call only while holding ``lock_for(path)``: every live writer holds it while
    its temporary file exists, so any such file seen then belongs to a dead one.
    The name must match ``_atomic_write``'s exactly (``mkstemp`` adds eight
    characters), so other files' temporaries ("events.parquet.manifest.json")
    are never touched.
    """
    stale = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if stale.fullmatch(entry.name) and entry.is_file():
            entry.unlink(missing_ok=True)


def lock_for(path: Path) -> FileLock:
    return FileLock(str(path) + ".lock", timeout=120)


def _parquet_writer(frame: pd.DataFrame):
    table = pa.Table.from_pandas(frame.reindex(columns=EVENT_COLUMNS), schema=ARROW_SCHEMA, preserve_index=False)
    return lambda tmp: pq.write_table(table, tmp, row_group_size=ROW_GROUP_ROWS)


def check_replaceable(path: str | Path) -> None:
    """Raise ``NewslineError`` unless ``path`` is absent or a Newsline table this version may replace.

    A corrupt or foreign Parquet file, or one written by a newer Newsline, is
    somebody's data that this write would destroy; it is reported instead.
    """
    path = Path(path)
    if not path.exists():
        return
    if not path.is_file():
        raise NewslineError(path, "is not a file; not replacing it")
    try:
        meta = pq.read_schema(path).metadata or {}
    except (pa.ArrowInvalid, OSError) as exc:
        raise NewslineError(
            path, f"existing file is not a readable Parquet event table ({exc.__class__.__name__}); "
            "not replacing it (move it away to write a new table)") from None
    version = meta.get(_META_KEY)
    if version is None:
        raise NewslineError(path, "existing file is not a Newsline event table (no schema version); not replacing it")
    if not version.isdigit() or int(version) > SCHEMA_VERSION:
        raise NewslineError(
            path, f"existing table has schema version {version.decode(errors='replace')}, newer than this "
            f"Newsline's {SCHEMA_VERSION}; not replacing it")


def write_events(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write the table as .parquet, .csv or .jsonl (by suffix), atomically.

    An existing Parquet file is only replaced when it is a readable Newsline
    table (``check_replaceable``); a corrupt one is reported, not overwritten.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    frame = frame.reindex(columns=EVENT_COLUMNS)
    if suffix == ".parquet":
        writer = _parquet_writer(frame)
    elif suffix == ".csv":
        flat = frame.copy()
        for col in LIST_COLUMNS:
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
        if suffix == ".parquet":
            check_replaceable(path)
        _remove_stale_temporaries(path)
        _atomic_write(path, writer)
    return path


def append_events(frame: pd.DataFrame, path: str | Path) -> int:
    """Add event rows to the Parquet table at ``path`` (created if absent); the number of new rows.

    Read, merge and write happen under the table's lock, so processes appending
    at the same time each keep their rows (a read-then-``write_events`` outside
    the lock would let the later writer drop the earlier one's). A row whose
    ``event_id`` is already stored replaces the stored row: the same expression
    at the same place in the same article, extracted again.
    """
    path = Path(path)
    if path.suffix.lower() != ".parquet":
        raise NewslineError(path, "events can only be appended to a .parquet table")
    new = frame.reindex(columns=EVENT_COLUMNS)
    with lock_for(path):
        if path.exists():
            old = read_events(path)
            kept = old[~old["event_id"].isin(new["event_id"])]
            added = len(new) - (len(old) - len(kept))
            merged = pd.concat([kept, new], ignore_index=True) if len(kept) else new.reset_index(drop=True)
        else:
            merged, added = new.reset_index(drop=True), len(new)
        _remove_stale_temporaries(path)
        _atomic_write(path, _parquet_writer(merged))
    return added


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
    if not version.isdigit() or int(version) != SCHEMA_VERSION:
        raise NewslineError(path, schema_mismatch(version.decode(errors="replace")))
    frame = table.to_pandas()
    for col in LIST_COLUMNS:
        frame[col] = frame[col].map(lambda xs: list(xs) if xs is not None else [])
    return frame
