"""TimeML documents in and out: tag a document's <TEXT> with TIMEX3 tags.

A document is read without an XML parser so that its characters come back exactly
as they were: annotation tags (TIMEX3, EVENT, SIGNAL, TLINK) inside <TEXT> are
removed, the text between them is kept byte for byte, and our own TIMEX3 tags are
written into it. The creation time comes from the <DCT> TIMEX3 or the TIMEX3 with
functionInDocument="CREATION_TIME"; it anchors every relative expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import NewslineError
from .published import Published, normalise_published

_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.DOTALL)
_ANNOTATION = re.compile(r"</?(?:TIMEX3|EVENT|SIGNAL|TLINK|SLINK|ALINK|MAKEINSTANCE)\b[^>]*>")
_LINKS = re.compile(r"[ \t]*<(?:TLINK|SLINK|ALINK|MAKEINSTANCE)\b[^>]*/?>(?:</(?:TLINK|SLINK|ALINK|MAKEINSTANCE)>)?\n?")
_TIMEX_OPEN = re.compile(r"<TIMEX3\b([^>]*)>")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<DCT\b[^>]*>.*?<TIMEX3\b([^>]*)>", re.DOTALL)
_ISO_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Document:
    """One TimeML file: the raw text of <TEXT> without annotation tags, its creation day,
    what surrounds <TEXT>, and the TIMEX3 tags it came with (offsets into ``text``)."""

    path: Path
    head: str
    text: str
    tail: str
    dct: Published
    timexes: list[GoldTimex] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


def _attrs(tag_body: str) -> dict[str, str]:
    return dict(_ATTR.findall(tag_body))


def _creation_day(source: str) -> str | None:
    m = _DCT.search(source)
    candidates = [_attrs(m.group(1))] if m else []
    candidates += [a for a in map(_attrs, _TIMEX_OPEN.findall(source))
                   if a.get("functionInDocument") == "CREATION_TIME"]
    for attrs in candidates:
        day = _ISO_DAY.match(attrs.get("value", ""))
        if day:
            return "-".join(day.groups())
    return None


def parse(source: str, path: Path) -> Document:
    """A TimeML document from its source; a NewslineError names what is missing."""
    body = _TEXT.search(source)
    if body is None:
        raise NewslineError(path, "not a TimeML document: no <TEXT> element")
    dct = _creation_day(source)
    if dct is None:
        raise NewslineError(path, "no document creation time (a <DCT> TIMEX3 or functionInDocument=\"CREATION_TIME\")")
    dct = normalise_published(dct, path)
    raw = body.group(1)
    pieces, gold, open_stack, length, pos = [], [], [], 0, 0
    for m in _ANNOTATION.finditer(raw):
        pieces.append(raw[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        tag = m.group(0)
        if tag.startswith("<TIMEX3"):
            if tag.endswith("/>"):
                continue
            open_stack.append((length, _attrs(tag)))
        elif tag.startswith("</TIMEX3") and open_stack:
            start, attrs = open_stack.pop()
            gold.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
    pieces.append(raw[pos:])
    tail = _LINKS.sub("", source[body.end(1):])
    return Document(path, source[:body.start(1)], "".join(pieces), tail, dct, sorted(gold, key=lambda g: g.start))


def read(path: Path) -> Document:
    try:
        source = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise NewslineError(path, "not UTF-8 text") from None
    except OSError as exc:
        raise NewslineError(path, f"cannot be read ({exc.strerror or exc})") from None
    return parse(source, Path(path))


def document_language(doc: Document, language: str | None = None) -> str:
    if language:
        return language
    from .language import detect

    return detect(doc.text)


@dataclass(frozen=True)
class Timex3:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@lru_cache(maxsize=None)
def _tagger(language: str):
    """The language's tagger (English rules stand in for a language without its own), with the
    actor knowledge base, without the event table's machinery (tables, pandas)."""
    from .actors import ActorMatcher
    from .timex import Tagger
    from .timex.rules import available_languages

    return Tagger(language if language in available_languages() else "en", ActorMatcher.default())


def tag(doc: Document, language: str) -> list[Timex3]:
    """Our TIMEX3 expressions in ``doc.text``, in text order."""
    found = _tagger(language).timexes(doc.text, doc.dct)
    return [Timex3(*mark) for tx in found for mark in tx.timeml_marks()]


def render(doc: Document, timexes) -> str:
    """The document with our TIMEX3 tags in <TEXT>; the text itself unchanged."""
    used = {int(n) for n in re.findall(r'\btid="t(\d+)"', doc.head + doc.tail)}
    out, pos, n = [], 0, 0
    for tx in sorted(timexes, key=lambda t: t.start):
        if tx.start < pos:
            continue  # never nest or cross tags
        n += 1
        while n in used:
            n += 1
        mod = f' mod="{tx.mod}"' if tx.mod else ""
        out.append(doc.text[pos:tx.start])
        out.append(f'<TIMEX3 tid="t{n}" type="{tx.type}" value="{tx.value}"{mod}>')
        out.append(doc.text[tx.start:tx.end])
        out.append("</TIMEX3>")
        pos = tx.end
    out.append(doc.text[pos:])
    return doc.head + "".join(out) + doc.tail


def tag_files(paths, out_dir: Path, language: str | None = None) -> tuple[int, list[str]]:
    """Tag each TimeML file into ``out_dir``/<same name>; (files written, error lines)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, errors = 0, []
    for path in paths:
        try:
            doc = read(Path(path))
            result = render(doc, tag(doc, document_language(doc, language)))
        except NewslineError as exc:
            errors.append(str(exc))
            continue
        target = out_dir / doc.name
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(result, encoding="utf-8")
        tmp.replace(target)
        written += 1
    return written, errors
