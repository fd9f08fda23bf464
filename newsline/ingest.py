"""Turn input files into ``Article`` records.

Supported inputs: plain text and Markdown (first line is the title), HTML
(body and metadata extracted by trafilatura), JSON (one article object or a
list of them) and JSON Lines (one article object per line).

``load_bytes`` reads one input given as its name and its bytes (the name decides
its format; its path relative to the folder it was found in, with its bytes, the
article id); ``load_file`` reads a file from disk through it, and ``read_input`` is the one way every caller (the CLI, the
extraction engines, the app's uploads) reads an input and reports a bad one.

Both return a ``LoadResult``: a plain list of articles that also
carries the file's own warnings (a broken JSON Lines row, a skipped list
item). Warnings about one article (no publication date) are in that
article's ``warnings``. Every warning and error is one line that starts with
the file (and line or item) it is about.

The publication date is taken, first found wins, from: the ``published``
argument, the JSON ``published`` (or ``published_inferred``) key, the HTML
metadata, a date in the URL path. Without one, relative dates stay unresolved.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, NamedTuple

from . import boilerplate, language
from .errors import NewslineError, one_line
from .model import Article
from .published import Published, normalise_published

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
_USE = "use .txt, .md, .html, .json or .jsonl"
NO_DATE = "no publication date: relative dates stay unresolved"

#: Larger input files are refused unread. No news article comes near this size;
#: a file this big is a mistake or an attack, and reading it would hold up the batch.
MAX_FILE_BYTES = 16_000_000
#: One article's text, in characters: ten times the longest long-read, and a
#: single line of a million characters still fits.
MAX_ARTICLE_CHARS = 2_000_000
#: One title, in characters: every event row repeats it, so a megabyte title would
#: be stored once per date. Headlines are far shorter; past this it is cut.
MAX_TITLE_CHARS = 300


class LoadResult(list[Article]):
    """The articles read from one file, plus ``warnings`` about the file itself."""

    def __init__(self, articles: Iterable[Article] = (), warnings: Iterable[str] = ()):
        super().__init__(articles)
        self.warnings = list(warnings)


# --- finding inputs ---------------------------------------------------------


def check_extension(name: str | Path) -> None:
    """Raise ``NewslineError`` unless the name's suffix is a supported input format."""
    suffix = Path(name).suffix
    if suffix.lower() not in SUPPORTED_EXTENSIONS:
        kind = f"'{suffix}'" if suffix else "(no extension)"
        raise NewslineError(name, f"unsupported file type {kind} ({_USE})")


class Input(NamedTuple):
    """One input file found by ``find_inputs``: its path, and its path relative to the folder it
    was found in (its own folder for a file named explicitly), in POSIX form: part of its article id."""

    path: Path
    rel: str


def find_inputs(paths: list[str | Path]) -> list[Input]:
    """The input files named by ``paths``: files as given, folders searched recursively.

    Inside folders, hidden files and folders and files of other types are
    skipped silently (a folder of articles often holds notes or images); a file
    named explicitly must be of a supported type. Order: arguments in order,
    each folder's files sorted; duplicates dropped.
    """
    found: list[Input] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = (
                p for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_EXTENSIONS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            found.extend(Input(p, p.relative_to(path).as_posix()) for p in sorted(inside))
        elif path.is_file():
            check_extension(path)
            found.append(Input(path, path.name))
        else:
            raise NewslineError(path, "no such file or folder")
    unique: dict[Path, Input] = {}
    for item in found:
        unique.setdefault(item.path.resolve(), item)
    return list(unique.values())


# --- decoding -----------------------------------------------------------------

# Formats people drop into an article folder by mistake; named so the error says what it is.
_MAGIC = [
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
]

_BOMS = [  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Real text has almost no control characters besides line breaks and tabs.
_MAX_CONTROL_SHARE = 0.05


def _binary(path: object, kind: str | None = None) -> NewslineError:
    return NewslineError(path, "binary file, not text" + (f" (looks like {kind})" if kind else ""))


def decode(data: bytes, path: object) -> str:
    """Bytes to text: BOM-marked Unicode, else UTF-8, else Windows-1252/Latin-1.

    The legacy fallback is only tried on bytes without NULs, and the result
    must look like text; anything else is reported as binary instead of being
    turned into mojibake. Line breaks are normalised to "\\n".
    """
    if not data.strip():
        raise NewslineError(path, "empty file")
    for magic, kind in _MAGIC:
        if data.startswith(magic) or (magic == b"%PDF-" and magic in data[:1024]):
            raise _binary(path, kind)
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    try:
        if encoding:
            text = data.decode(encoding)
        elif b"\x00" in data:
            raise _binary(path)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                # Windows-1252 is what "Latin-1" files from the web usually are;
                # Latin-1 proper decodes the five bytes cp1252 leaves undefined.
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError:
                    text = data.decode("latin-1")
    except UnicodeDecodeError as err:
        problem = f"not valid {encoding} text despite its byte-order mark ({err.reason})"
        raise NewslineError(path, problem) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NewslineError(path, "empty file")
    control = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t\f\v")
    if control > _MAX_CONTROL_SHARE * len(text):
        raise _binary(path)
    return text


def oversize_problem(size: int) -> str:
    return f"file is {megabytes(size)}, over the {megabytes(MAX_FILE_BYTES)} limit for one input"


MIB = 1024 * 1024  # Streamlit counts upload limits in these (and calls them MB)


def megabytes(size: int, unit: int = 1_000_000) -> str:
    """A size in MB (a million bytes) or, with ``unit=MIB``, in MiB, named for what it counts."""
    return f"{size / unit:.1f} {'MiB' if unit == MIB else 'MB'}"


def read_bytes(path: str | Path) -> tuple[bytes, int]:
    """A file's bytes, at most one past ``MAX_FILE_BYTES`` (enough to know it is too big; a
    huge file is never read whole), and its size on disk."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
            size = os.fstat(handle.fileno()).st_size
    except OSError as err:
        raise NewslineError(path, f"cannot read file ({err.strerror})") from None
    return data, max(size, len(data))


def _text_of(data: bytes, where: str, size: int | None = None) -> str:
    size = len(data) if size is None else max(size, len(data))
    if size > MAX_FILE_BYTES:
        raise NewslineError(where, oversize_problem(size))
    return decode(data, where)


# --- publication dates --------------------------------------------------------

# Date-shaped path segments news sites use: /2024-12-03/, /20240802/, /2024/12/03/.
_URL_DATES = [
    re.compile(r"/((?:19|20)\d\d)-(\d\d)-(\d\d)(?=/)"),
    re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?=/)"),
    re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?=/)"),
]


def date_from_url(url: str) -> Published | None:
    """The publication date written in a URL's path, or None."""
    for pattern in _URL_DATES:
        for match in pattern.finditer(url or ""):
            year, month, day = (int(g) for g in match.groups())
            try:
                return Published.of(date(year, month, day))
            except ValueError:
                continue  # a number that only looks like a date, e.g. an article id
    return None


def _resolve_published(found: str | None, url: str, where: str, warnings: list[str]) -> Published | None:
    if found:
        value = normalise_published(found, where)
        # A day of slack: "today" in the writer's time zone can be tomorrow here.
        if value > (date.today() + timedelta(days=1)).isoformat()[: len(value)]:
            warnings.append(f"{where}: publication date {value} is in the future; relative dates resolve against it")
        return value
    from_url = date_from_url(url)
    if from_url is None:
        warnings.append(f"{where}: {NO_DATE}")
    return from_url


def _web_address(url: str, where: str, warnings: list[str]) -> str:
    """``url`` when it is an http(s) address; anything else ("javascript:...") is dropped with a warning."""
    if not url or re.match(r"https?://[^\s/?#]+", url, re.IGNORECASE):
        return url
    warnings.append(f"{where}: url {url[:60]!r} is not an http(s) address; left out")
    return ""


# --- building articles --------------------------------------------------------


def _slug(title: str, max_len: int = 48) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:max_len].rsplit("-", 1)[0] if len(slug) > max_len else slug


def record_id(title: str, url: str, text: str) -> str:
    """Id of one article in a multi-article file: title slug plus a hash of its URL (or content)."""
    key = url.strip() or f"{title}\n{text}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    slug = _slug(title)
    return f"{slug}-{digest}" if slug else digest


def _finish(article: Article, lang_code: str | None, where: object) -> Article:
    """Check the text's length; fill in language and body end, which depend on the text alone."""
    from .timex.rules import available_languages

    if len(article.text) > MAX_ARTICLE_CHARS:
        problem = f"article text is {len(article.text):,} characters, over the {MAX_ARTICLE_CHARS:,} limit"
        raise NewslineError(where, problem)
    if len(article.title) > MAX_TITLE_CHARS:
        article.warnings.append(f"{where}: title is {len(article.title):,} characters; the first "
                                f"{MAX_TITLE_CHARS} kept")
        article.title = article.title[:MAX_TITLE_CHARS].rstrip()
    if lang_code:
        article.language = lang_code
    else:
        article.language = language.detect(article.text, default="")
        if not article.language:
            article.language = "en"
            article.warnings.append(
                f"{where}: language not recognised (not one of {', '.join(sorted(language.SUPPORTED))}); "
                "read with English date rules, so dates written in its own words are missed")
    rules = available_languages()
    if article.language not in rules:
        article.warnings.append(
            f"{where}: no date rules for language '{article.language}' (rules exist for "
            f"{', '.join(sorted(rules))}); read with English date rules")
    article.body_end = boilerplate.body_end(article.text, article.language)
    return article


def file_article_id(rel: str, data: bytes) -> str:
    """The id of the article a single-article file holds: its path relative to its input folder
    and the start of the SHA-256 of its bytes, "x/article.txt#1f2e3d4c".

    The path alone would give ``x/article.txt`` given as a file and ``y/article.txt`` given as
    a file one id, and the stem alone ``a.txt`` and ``a.json``; the hash alone would make two
    copies one article wherever they sit. Together: the same bytes at the same place are the
    same article, anything else is another. A name that is not UTF-8 keeps its bytes as ``\\xNN``.
    """
    return f"{one_line(rel)}#{hashlib.sha256(data).hexdigest()[:8]}"


def article_file(article_id: str) -> str:
    """The readable part of an article id: the file's relative path ("x/article.txt")."""
    return article_id.rsplit("#", 1)[0]


def _load_plain(name: str, text: str, published: str | None, markdown: bool, article_id: str) -> LoadResult:
    title = next(line for line in text.splitlines() if line.strip()).strip()
    if markdown:
        title = title.lstrip("#").strip()
    warnings: list[str] = []
    found = _resolve_published(published, "", name, warnings)
    article = Article(article_id, text, title=title, published=found, path=name, warnings=warnings)
    return LoadResult([_finish(article, None, name)])


# Elements a reader never sees as the article's text: code, styling, embedded
# documents and fallbacks. Removed before extraction so that a date in a script
# or an iframe's fallback text can never become an event. JSON-LD stays: it is
# metadata (the publication date), never body text.
_UNSEEN = (
    "//script[not(@type='application/ld+json')] | //style | //iframe | //frame | //frameset"
    " | //noscript | //template | //object | //embed | //applet | //svg | //math | //canvas"
)
# libxml2 stops building the tree at this depth (and at 10 MB of text in one run);
# what lies beyond would be lost unseen, so such a page is refused instead.
_MAX_HTML_DEPTH = 255


# Characters XML cannot hold; lxml refuses to set them as text, and no reader sees them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _html_tree(html: str, where: object):
    """The page as an lxml tree with unseen elements removed; None when lxml finds no document."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(_NOT_XML.sub("", html).encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    limits = [err.message.strip() for err in parser.error_log if err.type_name == "ERR_RESOURCE_LIMIT"]
    if any("depth" in message for message in limits):
        raise NewslineError(where, f"HTML nested more than {_MAX_HTML_DEPTH} elements deep; not read")
    if limits:
        raise NewslineError(where, f"HTML page exceeds the parser's limits ({limits[0]}); not read")
    for element in root.xpath(_UNSEEN):
        element.drop_tree()  # keeps the text that follows the element
    return root


def html_article(
    html: str, where: object, article_id: str, published: str | None = None, url: str = "", path: str = ""
) -> Article:
    """One article from an HTML page; ``url`` is where it was fetched from, used when the page names none."""
    # trafilatura separates the article from navigation, scripts and footers far
    # better than tag stripping would, and reads title, canonical URL, site name
    # and date (via htmldate) from the page's metadata. Imported here: it takes
    # a noticeable fraction of a second, wasted on runs without HTML input.
    import trafilatura

    tree = _html_tree(html, where)
    doc = trafilatura.bare_extraction(
        tree if tree is not None else html,
        with_metadata=True,
        include_comments=False,
        # Metadata and markup only: a date guessed from the body text is not a publication date.
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise NewslineError(where, "no article text found in the HTML page")
    warnings: list[str] = []
    page_url = _web_address(doc.url or "", str(where), warnings)
    url = page_url or url
    found = _resolve_published(published or doc.date, url, str(where), warnings)
    article = Article(
        article_id, text, title=doc.title or "", url=url, source=doc.sitename or doc.hostname or "",
        published=found, path=path, warnings=warnings,
    )
    return _finish(article, None, where)


def _load_html(name: str, text: str, published: str | None, article_id: str) -> LoadResult:
    return LoadResult([html_article(text, name, article_id, published, path=name)])


# JSON's "\ud800" escapes decode to lone surrogates, which no UTF-8 output can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _string(record: dict, key: str, where: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise NewslineError(where, f"'{key}' must be a string, not {type(value).__name__}")
    value = _SURROGATE.sub("\ufffd", value)  # one character for one: offsets stay true
    if key == "text":  # a JSON "\r" escape is a line break too, as in plain text files
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def _placeholder_free(title: str) -> str:
    """An editor's note standing in for a missing headline ("[no headline in stored copy]") is no title."""
    return "" if re.fullmatch(r"\[[^\]]*\]", title) else title


def _from_record(
    record: object, where: str, path: str, published: str | None, article_id: str | None
) -> Article:
    """One article from a JSON object; ``article_id`` None means derive it from the content."""
    if not isinstance(record, dict):
        raise NewslineError(where, f"expected an article object, found {type(record).__name__}")
    # Line breaks as in text files: "\r\n" and a lone "\r" become "\n".
    text = _string(record, "text", where).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NewslineError(where, "missing or empty 'text'")
    warnings: list[str] = []
    title = _placeholder_free(_string(record, "title", where))
    url = _web_address(_string(record, "url", where), where, warnings)
    lang_code = _string(record, "language", where).lower().replace("_", "-").split("-")[0]
    if lang_code and not re.fullmatch(r"[a-z]{2,3}", lang_code):
        problem = f"'language' must be an ISO 639-1 code like 'en', not {record['language']!r}"
        raise NewslineError(where, problem)
    # published_inferred: the corpus convention for undated pages (see its README).
    found = published or record.get("published") or record.get("published_inferred")
    article = Article(
        article_id or record_id(title, url, text), text, title=title, url=url,
        source=_string(record, "source", where),
        published=_resolve_published(found, url, where, warnings),
        path=path, warnings=warnings,
    )
    return _finish(article, lang_code or None, where)


def _collect(
    rows: list[tuple[str, object]], path: str, published: str | None, warnings: list[str]
) -> LoadResult:
    """Articles from the rows of a multi-article file; a bad row is skipped with a warning."""
    articles: list[Article] = []
    first_seen: dict[str, str] = {}
    for where, record in rows:
        try:
            article = _from_record(record, where, path, published, None)
        except NewslineError as err:
            warnings.append(f"{err}; skipped")
            continue
        if article.article_id in first_seen:
            # The same title and URL again: one id twice, so their events would collide.
            warnings.append(f"{where}: same article as {first_seen[article.article_id]}; skipped")
            continue
        first_seen[article.article_id] = where
        articles.append(article)
    if not articles:
        detail = f" ({warnings[0]})" if warnings else ""
        raise NewslineError(path, f"no readable article in the file{detail}")
    return LoadResult(articles, warnings)


def _load_json(path: str, text: str, published: str | None, article_id: str) -> LoadResult:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        problem = f"invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}"
        raise NewslineError(path, problem) from None
    except RecursionError:
        raise NewslineError(path, "JSON nested too deeply to read") from None
    except ValueError:  # Python's int() refuses numbers of more than 4,300 digits
        raise NewslineError(path, f"JSON holds a number too long to read (over {_MAX_DIGITS:,} digits)") from None
    if isinstance(data, dict):
        return LoadResult([_from_record(data, path, path, published, article_id)])
    if isinstance(data, list):
        rows = [(f"{path}: item {i}", item) for i, item in enumerate(data, 1)]
        return _collect(rows, path, published, [])
    raise NewslineError(path, "expected a JSON article object or a list of them")


_MAX_DIGITS = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300


def _load_jsonl(path: str, text: str, published: str | None) -> LoadResult:
    rows: list[tuple[str, object]] = []
    warnings: list[str] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rows.append((f"{path}:{number}", json.loads(line)))
        except json.JSONDecodeError as err:
            warnings.append(f"{path}:{number}: invalid JSON ({err.msg}, column {err.colno}); skipped")
        except RecursionError:
            warnings.append(f"{path}:{number}: JSON nested too deeply to read; skipped")
        except ValueError:  # one bad line costs that line only, never the feed
            warnings.append(f"{path}:{number}: a number too long to read (over {_MAX_DIGITS:,} digits); skipped")
    return _collect(rows, path, published, warnings)


def load_bytes(name: str, data: bytes, published: str | None = None, *, size: int | None = None,
               kind: str | None = None, rel: str | None = None) -> LoadResult:
    """The articles in one input given as its name and bytes: the name's suffix (or ``kind``,
    e.g. ".json") says the format, every message names it.

    ``rel``: the input's path relative to the folder it was found in (default: the name's last
    part); with the bytes it makes a single article's id (``file_article_id``). The articles of
    a JSON list or JSON Lines file are identified by their own address or content (``record_id``).
    ``size``: the input's full size when ``data`` holds only its beginning. ``published``
    overrides any date the input gives. Raises ``NewslineError`` for an oversized, empty,
    binary or malformed input; a multi-article input only fails when none of its rows can be read.
    """
    name = str(name)
    suffix = (kind or Path(name).suffix).lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        check_extension(name)
    if published is not None:
        published = normalise_published(published, "--published")
    text = _text_of(data, name, size)
    article_id = file_article_id(Path(name).name if rel is None else rel, data)
    if suffix in (".txt", ".md"):
        return _load_plain(name, text, published, markdown=suffix == ".md", article_id=article_id)
    if suffix in (".html", ".htm"):
        return _load_html(name, text, published, article_id)
    if suffix == ".json":
        return _load_json(name, text, published, article_id)
    return _load_jsonl(name, text, published)


def load_file(path: str | Path, published: str | None = None, rel: str | None = None) -> LoadResult:
    """The articles in one file on disk (``load_bytes`` of its name and content; ``rel`` as there)."""
    path = Path(path)
    check_extension(path)
    data, size = read_bytes(path)
    return load_bytes(str(path), data, published, size=size, rel=rel)


def read_input(name: str, data: bytes, published: str | None = None, *, size: int | None = None,
               kind: str | None = None, rel: str | None = None) -> tuple[LoadResult, list[str]]:
    """``load_bytes``, reporting a bad input as one error line instead of raising: the articles
    (none for a bad input) and the error lines. Warnings stay on the result and its articles."""
    try:
        return load_bytes(name, data, published, size=size, kind=kind, rel=rel), []
    except NewslineError as exc:
        return LoadResult(), [str(exc)]
    except Exception as exc:  # an input must never take the whole batch down
        return LoadResult(), [f"{name}: could not be read ({exc.__class__.__name__}: {exc})"]
