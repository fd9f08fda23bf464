"""The tables' home: where the event and fact tables live, their schemas and versions, and
how they are written and read.

Paths: ``$NEWSLINE_DATA`` (else the repository's ``data/``) holds the shipped data;
``$NEWSLINE_EVENTS`` overrides the event table and ``$NEWSLINE_FACTS`` the fact table, which
otherwise lies beside the events. The CLI and the app both ask ``events_path()`` and
``facts_path()``, so they always read the same tables.

Every table carries its schema version in the Parquet metadata; ``check_version`` is the
one place that reads it, and reports a missing, garbled or other version as a
``NewslineError``.

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
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from .errors import NewslineError
from .model import EVENT_COLUMNS

if TYPE_CHECKING:  # pandas is imported where a frame is made: `newsline timeml` starts without it
    import pandas as pd

#: Bumped whenever the event table's columns change meaning or type.
#: 2: TIMEX3 columns (timex_type, timex_value, timex_char_start, timex_char_end).
#: 3: who did what to whom (action, action_text, action offsets, actors_source, actors_target,
#:    roles_rule, headline).
SCHEMA_VERSION = 3
#: What changed at each version, for the message an older table gets.
SCHEMA_CHANGES = {2: "TIMEX3 columns were added",
                  3: "who-did-what-to-whom columns were added (action, roles, headline)"}
#: Bumped whenever the fact table's columns change meaning or type.
FACTS_SCHEMA_VERSION = 2
EVENTS_FILE = "events.parquet"
FACTS_FILE = "facts.parquet"
DATA_ENV, EVENTS_ENV, FACTS_ENV = "NEWSLINE_DATA", "NEWSLINE_EVENTS", "NEWSLINE_FACTS"
# Where each table keeps its schema version in the Parquet metadata.
_EVENTS_KEY = b"newsline.schema_version"
_FACTS_KEY = b"newsline.facts_schema_version"
# Row groups of this size let DuckDB read a large table on every core and skip groups
# by their statistics (a million-event lookup: 63 ms instead of 239, docs/performance.md).
ROW_GROUP_ROWS = 131_072

_TEXT, _TEXTS, _OFFSET = pa.string(), pa.list_(pa.string()), pa.int64()
_EVENT_TYPES = {"date_char_start": _OFFSET, "date_char_end": _OFFSET, "sentence_char_start": _OFFSET,
                "sentence_char_end": _OFFSET, "actors": _TEXTS, "topics": _TEXTS, "confidence": pa.float64(),
                "timex_char_start": _OFFSET, "timex_char_end": _OFFSET, "action_char_start": _OFFSET,
                "action_char_end": _OFFSET, "actors_source": _TEXTS, "actors_target": _TEXTS}  # the rest: text
ARROW_SCHEMA = pa.schema([(name, _EVENT_TYPES.get(name, _TEXT)) for name in EVENT_COLUMNS],
                         metadata={_EVENTS_KEY: str(SCHEMA_VERSION).encode()})

#: The fact table's columns, in order (see docs/facts.md).
FACT_COLUMNS = [
    "fact_id", "value", "date_start", "date_end", "granularity", "dates", "dates_disagree",
    "sentence", "date_text", "actors", "topics", "sources", "articles", "member_event_ids",
    "merge_reason", "evidence", "action", "actors_source", "actors_target", "headline",
]

#: One source of a fact: the event's own columns a reader needs, and its syndication group.
EVIDENCE_TYPE = pa.struct([(name, _TEXT) for name in (
    "event_id", "article_id", "source", "url", "title", "published", "date_text", "value", "sentence",
    "syndication_group", "action", "headline")])
_FACT_TYPES = {"dates": _TEXTS, "dates_disagree": pa.bool_(), "actors": _TEXTS, "topics": _TEXTS,
               "sources": pa.int64(), "articles": pa.int64(), "member_event_ids": _TEXTS,
               "evidence": pa.list_(EVIDENCE_TYPE), "actors_source": _TEXTS,
               "actors_target": _TEXTS}  # every other column is text
FACTS_SCHEMA = pa.schema([(name, _FACT_TYPES.get(name, _TEXT)) for name in FACT_COLUMNS],
                         metadata={_FACTS_KEY: str(FACTS_SCHEMA_VERSION).encode()})


@dataclass(frozen=True)
class TableKind:
    """One kind of table: what it is called in messages, its metadata key and current version."""

    what: str
    key: bytes
    version: int
    schema: pa.Schema


#: What an older table lacks, said when one is refused: (table, new version) -> how to get it.
UPGRADES = {
    "fact table": {2: "version 2 added action, roles and headline: rebuild it with `newsline merge`"},
}
#: Event columns holding lists of names.
EVENT_LIST_COLUMNS = ("actors", "topics", "actors_source", "actors_target")

EVENTS = TableKind("event table", _EVENTS_KEY, SCHEMA_VERSION, ARROW_SCHEMA)
FACTS = TableKind("fact table", _FACTS_KEY, FACTS_SCHEMA_VERSION, FACTS_SCHEMA)


# --- where the tables live ------------------------------------------------------------------


def data_dir() -> Path:
    """The data folder: ``$NEWSLINE_DATA`` when set, else the repository's ``data/``."""
    configured = os.environ.get(DATA_ENV)
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "data"


def events_path() -> Path:
    """The event table: ``$NEWSLINE_EVENTS``, else ``events.parquet`` in the data folder."""
    configured = os.environ.get(EVENTS_ENV)
    return Path(configured) if configured else data_dir() / EVENTS_FILE


def facts_path(events: str | Path | None = None) -> Path:
    """The fact table: ``$NEWSLINE_FACTS``, else ``facts.parquet`` beside the event table."""
    configured = os.environ.get(FACTS_ENV)
    return Path(configured) if configured else facts_path_for(events if events is not None else events_path())


def facts_path_for(events: str | Path) -> Path:
    """Where the fact table of ``events`` (a file or a dataset folder) lies: beside it."""
    return Path(events).parent / FACTS_FILE


def event_files(path: str | Path) -> list[Path]:
    """The Parquet files of an event table: the file, or a dataset folder's parts in order."""
    path = Path(path)
    if path.is_dir():
        found = sorted(path.glob("part-*.parquet"))
        if not found:
            raise NewslineError(path, "no event dataset here (no part-*.parquet files)")
        return found
    if not path.exists():
        raise NewslineError(path, "no event table here (run `newsline build` first)")
    return [path]


def store_version(events: str | Path, facts: str | Path | None) -> str:
    """Changes whenever a file of the store changes (path, size and modification time)."""
    parts = []
    files = event_files(events) if Path(events).exists() else []
    if facts is not None and Path(facts).exists():
        files.append(Path(facts))
    for path in files:
        stat = path.stat()
        parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts) or "empty"


# --- schema versions -------------------------------------------------------------------------


def stored_version(path: str | Path, kind: TableKind, metadata: dict | None = None) -> int | str:
    """The schema version the table at ``path`` declares: a number, or its raw text when it is not one.

    ``metadata``: the table's schema metadata when already read. A file that is not readable
    Parquet, or carries no version, is a ``NewslineError``.
    """
    if metadata is None:
        try:
            metadata = pq.read_schema(path).metadata
        except (pa.ArrowInvalid, OSError) as exc:
            raise NewslineError(path, f"not a readable Parquet {kind.what} ({exc.__class__.__name__})") from None
    version = (metadata or {}).get(kind.key)
    if version is None:
        raise NewslineError(path, f"not a Newsline {kind.what} (no schema version)")
    return int(version) if version.isdigit() else version.decode(errors="replace")


def check_version(path: str | Path, kind: TableKind, metadata: dict | None = None,
                  schema: pa.Schema | None = None) -> None:
    """Raise ``NewslineError`` unless the table at ``path`` is of ``kind``'s current schema version
    and has its columns, with their types (``schema``: the file's, when already read)."""
    if metadata is None and schema is None:
        try:
            schema = pq.read_schema(path)
        except (pa.ArrowInvalid, OSError) as exc:
            raise NewslineError(path, f"not a readable Parquet {kind.what} ({exc.__class__.__name__})") from None
    version = stored_version(path, kind, metadata if metadata is not None else schema.metadata)
    if kind is EVENTS and isinstance(version, int) and version < kind.version:
        changes = "; ".join(SCHEMA_CHANGES[v] for v in range(version + 1, kind.version + 1) if v in SCHEMA_CHANGES)
        raise NewslineError(path, f"an event table of schema version {version}, older than this Newsline's "
                                  f"{kind.version} ({changes}): rebuild it with `newsline build` or `newsline extract`")
    if version != kind.version:
        hint = ""
        if isinstance(version, int) and version < kind.version and kind.version in UPGRADES.get(kind.what, {}):
            hint = f" ({UPGRADES[kind.what][kind.version]})"
        raise NewslineError(path, f"schema version {version} is not the supported version {kind.version}{hint}")
    check_columns(path, kind, schema)


def _same_type(a: pa.DataType, b: pa.DataType) -> bool:
    """Equal types; a list's item field may be named "item" or "element" (Parquet's own name)."""
    if pa.types.is_list(a) and pa.types.is_list(b):
        return _same_type(a.value_type, b.value_type)
    if pa.types.is_struct(a) and pa.types.is_struct(b):
        return [f.name for f in a] == [f.name for f in b] and all(_same_type(x.type, y.type) for x, y in zip(a, b))
    return a == b


def check_columns(path: str | Path, kind: TableKind, schema: pa.Schema | None = None) -> None:
    """Raise ``NewslineError`` unless the table at ``path`` has ``kind``'s columns and types.

    The version tag alone does not make a table ours: a file claiming it with other columns
    would end in a traceback in every reader, and a write would replace it."""
    if schema is None:
        try:
            schema = pq.read_schema(path)
        except (pa.ArrowInvalid, OSError) as exc:
            raise NewslineError(path, f"not a readable Parquet {kind.what} ({exc.__class__.__name__})") from None
    have = {f.name: f.type for f in schema}
    missing = [f.name for f in kind.schema if f.name not in have]
    wrong = [f.name for f in kind.schema if f.name in have and not _same_type(have[f.name], f.type)]
    extra = [name for name in have if kind.schema.get_field_index(name) < 0]
    if missing or wrong or extra:
        detail = "; ".join(part for part in (
            f"missing {', '.join(missing[:3])}" if missing else "",
            f"wrong type for {', '.join(wrong[:3])}" if wrong else "",
            f"unknown {', '.join(extra[:3])}" if extra else "") if part)
        raise NewslineError(path, f"claims {kind.what} schema version {kind.version} but its columns differ "
                                  f"({detail})")


# --- writing ---------------------------------------------------------------------------------


def to_frame(rows: list[dict]) -> pd.DataFrame:
    """Event dicts to a DataFrame with every column, in contract order."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return frame


def atomic_write(path: str | Path, write) -> None:
    """Replace ``path`` whole: ``write(tmp)`` fills a temporary file beside it, which is flushed
    to disk and renamed over ``path``. Hold ``lock_for(path)`` around it."""
    path = Path(path)
    if path.is_dir():
        raise NewslineError(path, "is a folder, not a file; not replacing it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise NewslineError(path.parent, f"cannot write in this folder ({exc.strerror or exc.__class__.__name__})") from None
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        # mkstemp makes the file 0600: a dashboard running as another user could no longer read
        # the table. The new file gets the mode of the one it replaces (or the usual one).
        os.chmod(tmp, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a full disk, a read-only file system, a quota
            raise NewslineError(path, f"cannot write ({exc.strerror or exc.__class__.__name__}); "
                                      "the file on disk is unchanged") from None
        raise
    _sync_folder(path.parent)


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()  # read once, at import: setting it is process-wide


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
    The name must match ``atomic_write``'s exactly (``mkstemp`` adds eight
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


class TableLock(FileLock):
    """The lock beside a table; every way it cannot be taken is one ``NewslineError``.

    A folder that cannot be written is said at once: the lock file could never be made there,
    and waiting for it would hold the command for the whole timeout."""

    def acquire(self, *args, **kwargs):
        lock = Path(self.lock_file)
        if lock.is_dir():
            raise NewslineError(lock, "the table's lock file is a folder; remove it to write the table")
        folder = lock.parent
        if folder.is_dir() and not os.access(folder, os.W_OK):
            raise NewslineError(folder, "cannot write in this folder (permission denied or read-only)")
        try:
            return super().acquire(*args, **kwargs)
        except Timeout:
            raise NewslineError(lock, f"another writer has held this lock for {self.timeout:g} s; "
                                      "try again when it is done") from None
        except OSError as exc:
            raise NewslineError(lock, f"cannot take the table's lock ({exc.strerror or exc.__class__.__name__})") from None


def lock_for(path: Path) -> FileLock:
    return TableLock(str(path) + ".lock", timeout=120)


def complete_columns(frame: pd.DataFrame, schema: pa.Schema) -> pd.DataFrame:
    """The frame with every column of ``schema``: one a producer does not know yet (rows made
    before the coded columns) is empty, a list column an empty list."""
    frame = frame.reindex(columns=schema.names)
    for field in schema:
        col = frame[field.name]
        if pa.types.is_list(field.type):
            frame[field.name] = col.map(lambda xs: [] if xs is None or isinstance(xs, float) else xs)
        elif col.isna().all() and col.dtype != object:
            frame[field.name] = col.astype(object).where(col.notna(), None)
    return frame


def _parquet_writer(frame: pd.DataFrame):
    table = pa.Table.from_pandas(complete_columns(frame, ARROW_SCHEMA), schema=ARROW_SCHEMA, preserve_index=False)
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
        version = stored_version(path, EVENTS)
    except NewslineError as exc:
        raise NewslineError(path, f"existing file is {exc.problem}; not replacing it "
                                  "(move it away to write a new table)") from None
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise NewslineError(
            path, f"existing table has schema version {version}, newer than this Newsline's {SCHEMA_VERSION}; "
            "not replacing it")
    if version == SCHEMA_VERSION:
        try:
            check_columns(path, EVENTS)
        except NewslineError as exc:
            raise NewslineError(path, f"existing file {exc.problem}; not replacing it "
                                      "(move it away to write a new table)") from None


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
    elif suffix in (".csv", ".jsonl"):
        def writer(tmp):
            with open(tmp, "w", encoding="utf-8", newline="") as out:
                export(frame, suffix[1:], out)
    else:
        raise NewslineError(path, "unknown output format (use .jsonl, .csv or .parquet)")
    with lock_for(path):
        if suffix == ".parquet":
            check_replaceable(path)
        _remove_stale_temporaries(path)
        atomic_write(path, writer)
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
            import pandas as pd

            merged = pd.concat([kept, new], ignore_index=True) if len(kept) else new.reset_index(drop=True)
        else:
            merged, added = new.reset_index(drop=True), len(new)
        _remove_stale_temporaries(path)
        atomic_write(path, _parquet_writer(merged))
    return added


def export(frame: pd.DataFrame, fmt: str, out, lists: tuple[str, ...] = EVENT_LIST_COLUMNS) -> None:
    """Write rows to the text stream ``out`` as ``csv`` (the ``lists`` columns joined by "; "),
    ``jsonl`` or ``json``."""
    if fmt == "csv":
        flat = frame.copy()
        for col in lists:
            if col in flat:
                flat[col] = flat[col].map(lambda xs: "; ".join(xs) if xs is not None else "")
        flat.to_csv(out, index=False)
    elif fmt == "jsonl":
        for row in frame.to_dict(orient="records"):
            out.write(json.dumps(_jsonable(row), ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump([_jsonable(row) for row in frame.to_dict(orient="records")], out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        raise ValueError(f"unknown export format {fmt!r}")


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
    return _read(path, EVENTS, EVENT_LIST_COLUMNS)


def write_facts(facts: pd.DataFrame, path: str | Path) -> Path:
    """Write the fact table as Parquet, atomically, with its schema version."""
    path = Path(path)
    if path.suffix.lower() != ".parquet":
        raise NewslineError(path, "the fact table is written as .parquet")
    table = pa.Table.from_pandas(complete_columns(facts, FACTS_SCHEMA), schema=FACTS_SCHEMA, preserve_index=False)
    with lock_for(path):
        atomic_write(path, lambda tmp: pq.write_table(table, tmp))
    return path


def read_facts(path: str | Path) -> pd.DataFrame:
    """Read a fact table, refusing other schema versions and unreadable files."""
    path = Path(path)
    if not path.exists():
        raise NewslineError(path, "no fact table here (run `newsline merge` first)")
    frame = _read(path, FACTS, ("dates", "actors", "topics", "member_event_ids", "actors_source", "actors_target"))
    frame["evidence"] = frame["evidence"].map(lambda xs: [dict(x) for x in xs] if xs is not None else [])
    return frame


def _read(path: Path, kind: TableKind, list_columns: tuple[str, ...]) -> pd.DataFrame:
    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise NewslineError(path, f"not a readable Parquet {kind.what} ({exc.__class__.__name__})") from None
    check_version(path, kind, table.schema.metadata, table.schema)
    frame = table.to_pandas()
    for col in list_columns:
        frame[col] = frame[col].map(lambda xs: list(xs) if xs is not None else [])
    return frame
