"""The add-articles intake without Streamlit: uploads, pasted text and addresses in, articles and events out.

Everything a visitor gives is hostile until read: an uploaded file is refused by its size
before its bytes are touched; every problem is one line naming the file (or address) as the
visitor knows it; a good file in the same batch is still read. Files are read by
``newsline.ingest.read_input``, the same path the CLI and the extraction engines take; the page
(``add_articles.py``) only moves these plain values in and out of the visitor's session.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newsline.errors import NewslineError
from newsline.ingest import MIB, NO_DATE, check_extension, megabytes, read_input
from newsline.model import EVENT_COLUMNS, Article
from newsline.store import append_events, to_frame

#: Files read in one go; more are named and left for another batch (each one costs extraction time).
MAX_FILES_PER_READ = 50
#: Longest file name or address shown back to the visitor.
MAX_NAME_CHARS = 120


@dataclass(frozen=True)
class FetchSettings:
    hosted: bool  # refuse addresses that are not public
    allow: tuple[str, ...] = ()  # networks the operator exempts from that refusal


@dataclass
class Intake:
    """What one "Read" gave: articles to confirm, and one-line problems and warnings."""

    articles: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, other: "Intake") -> None:
        self.articles += other.articles
        self.errors += other.errors
        self.warnings += other.warnings


def display_name(name: object) -> str:
    """A name as the visitor gave it, safe to show on one line: no folders, control or format characters."""
    text = str(name or "").replace("\\", "/").rsplit("/", 1)[-1] or "upload"
    text = "".join("?" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)
    return text if len(text) <= MAX_NAME_CHARS else text[: MAX_NAME_CHARS - 1] + "…"


def _read_input(name: str, data: bytes, published: str | None, kind: str | None = None) -> Intake:
    """One input read by ``newsline.ingest.read_input``, as the CLI and the engines read theirs."""
    # The id is the name plus a hash of the bytes: two visitors' "article.txt" are different articles.
    loaded, errors = read_input(name, data, published, kind=kind, rel=name)
    batch = Intake(errors=errors, warnings=list(loaded.warnings))
    for article in loaded:
        article.path = name
        article.warnings = [w for w in article.warnings if NO_DATE not in w]
        batch.articles.append(article)
    return batch


def read_upload(upload, published: str | None, limit_mb: int) -> Intake:
    """One uploaded file: refused by its size before a byte is read, else read like a file on disk.

    ``upload`` is a ``streamlit.runtime.uploaded_file_manager.UploadedFile`` (or
    anything with ``name``, ``size`` and ``getvalue()``).
    """
    name = display_name(upload.name)
    size = int(upload.size)
    if size > limit_mb * MIB:
        return Intake(errors=[f"{name}: file is {megabytes(size, MIB)}, over the {limit_mb} MiB upload limit; not read"])
    try:
        check_extension(name)  # before a byte is read
    except NewslineError as exc:
        return Intake(errors=[str(exc)])
    return _read_input(name, upload.getvalue(), published)


def read_pasted(pasted: str, title: str, outlet: str, url: str, published: str | None) -> Intake:
    """The pasted text as one article (through the JSON path, so title, outlet and address are checked)."""
    first_line = next((line.strip() for line in pasted.splitlines() if line.strip()), "Pasted article")
    record = {"title": title.strip() or first_line[:120], "url": url.strip(), "source": outlet.strip(),
              "published": published, "text": pasted}
    # \u escapes: even a lone surrogate survives the trip through JSON.
    return _read_input("pasted text", json.dumps(record).encode("ascii"), published, kind=".json")


def read_inputs(pasted: str, title: str, outlet: str, url: str, files, published: str | None,
                limit_mb: int) -> Intake:
    """Articles from the pasted text and the uploaded files (each up to ``limit_mb`` MiB), with one
    line per problem."""
    batch = Intake()
    files = list(files or [])
    if pasted.strip():
        batch.add(read_pasted(pasted, title, outlet, url, published))
    for upload in files[:MAX_FILES_PER_READ]:
        uploaded = read_upload(upload, published, limit_mb)
        for article in uploaded.articles:  # the fields fill what a file does not say itself
            article.title = article.title or title.strip()
            article.source = article.source or outlet.strip()
            article.url = article.url or (url.strip() if re.match(r"https?://", url.strip(), re.IGNORECASE) else "")
        batch.add(uploaded)
    _drop_repeats(batch)
    if len(files) > MAX_FILES_PER_READ:
        left = ", ".join(display_name(f.name) for f in files[MAX_FILES_PER_READ:MAX_FILES_PER_READ + 3])
        more = len(files) - MAX_FILES_PER_READ
        batch.errors.append(f"{more} more file{'s' if more != 1 else ''} ({left}{', …' if more > 3 else ''}): "
                            f"at most {MAX_FILES_PER_READ} files are read at once; not read, add them next")
    return batch


def _drop_repeats(batch: Intake) -> None:
    """One article once: the same file given twice (same name and bytes) or the same record in two
    files has one id, and would give the same events twice."""
    first: dict[str, str] = {}
    kept: list[Article] = []
    for article in batch.articles:
        if article.article_id in first:
            batch.warnings.append(f"{article.path}: same article as {first[article.article_id]}; skipped")
            continue
        first[article.article_id] = article.path
        kept.append(article)
    batch.articles = kept


def read_address(url: str, published: str | None, settings: FetchSettings, timeout: float | None = None) -> Intake:
    """The article at ``url`` (``newsline.fetch.fetch_article``), or the one line saying why not."""
    from newsline.fetch import DEFAULT_TIMEOUT, fetch_article

    shown = _one_line_address(url)
    try:
        article = fetch_article(url.strip(), hosted=settings.hosted, allow=settings.allow,
                                timeout=timeout or DEFAULT_TIMEOUT, published=published)
    except NewslineError as exc:
        return Intake(errors=[f"{shown}: {exc.problem}"])
    except Exception as exc:  # a defect, not the visitor's fault
        return Intake(errors=[f"{shown}: could not be fetched ({exc.__class__.__name__})"])
    article.warnings = [w.replace(url.strip(), shown) for w in article.warnings if NO_DATE not in w]
    return Intake(articles=[article])


def _one_line_address(url: str) -> str:
    text = "".join("?" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in url.strip())
    return text if len(text) <= 200 else text[:199] + "…"


def extract(articles: list[Article], on_article=None) -> tuple[pd.DataFrame | None, list[str]]:
    """The events of ``articles`` as one frame (None when there are none), and one line per article
    that failed. ``on_article(done, total, article)`` is called before each article."""
    from newsline.events import extract_events  # loads the rules and gazetteers on first use

    rows: list[dict] = []
    errors: list[str] = []
    for done, article in enumerate(articles, start=1):
        if on_article is not None:
            on_article(done, len(articles), article)
        try:
            rows += extract_events(article)
        except Exception as exc:  # one line per article, never a traceback
            errors.append(f"{article.path or article.title or article.article_id}: events could not be "
                          f"extracted ({exc.__class__.__name__})")
    return (to_frame(rows) if rows else None), errors


def save_additions(added: pd.DataFrame, path: Path) -> int:
    """Add a session's events to the shared table under its lock; the number of rows new to it.

    ``store.append_events`` reads, merges and writes while holding the table's
    file lock, so two operators saving at once (two sessions, threads of one
    server or separate processes) both keep their rows. A table it cannot
    trust (corrupt, foreign, newer) raises ``NewslineError`` and stays as it is.
    """
    return append_events(added.reindex(columns=EVENT_COLUMNS), path)
