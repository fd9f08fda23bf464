"""The bad-input catalogue: files a user might give by mistake or on purpose, and what each must give.

``CASES`` maps a file name to its content; ``ERRORS`` names the cases that are errors and the
words of the one line that must name them. Two good articles (``GOOD_TXT``, ``GOOD_JSON``) go
beside them in every run (``files()`` gives the whole batch as bytes). ``UPLOADS`` are cases
only an upload can have, and ``UPLOAD_ERRORS`` what the app says of every error. One suite,
``tests/test_bad_input.py``, runs the catalogue through the command line and the app's intake.
"""

from __future__ import annotations

import codecs
import json

GOOD_TXT = (
    "Envoy returns to Caracas\n\n"
    "The United States envoy returned to Caracas on March 3, 2024, officials said.\n"
)
GOOD_JSON = {
    "url": "https://news.example.org/2024/03/05/talks", "title": "Talks resume", "source": "Example",
    "published": "2024-03-05", "text": "Talks resumed on March 4, 2024. They will continue next week.",
}
ACCENTED = "Talks in Bogotá resumed on March 3, 2024, said José Pérez, the ministry’s envoy."

# A line of exactly one million characters: plain filler, with a dated sentence every 100,000 characters.
FILLER = "Officials met again in the capital and said little about it. "
LONG_DATES = [f"Talks resumed on March {day}, 2024 in Caracas. " for day in range(1, 11)]


def long_line() -> str:
    pieces = []
    for dated in LONG_DATES:
        block = dated + FILLER * ((100_000 - len(dated)) // len(FILLER) + 1)
        pieces.append(block[:100_000])
    line = "".join(pieces)
    assert len(line) == 1_000_000 and "\n" not in line
    return line


HOSTILE_HTML = """<!doctype html>
<html><head><title>Envoy visit</title>
<meta property="article:published_time" content="2024-03-05">
<script>var stamp = "January 5, 2020"; document.write("<p>On June 1, 2019 it was injected.</p>");</script>
<style>p::after { content: "July 4, 2021"; }</style>
</head>
<body onload="alert('August 8, 2018')">
<article><h1>Envoy visit</h1>
<p onclick="alert('September 9, 2017')">Talks between the two governments resumed on March 3, 2024
in Caracas, officials said, after months of silence.</p>
<iframe src="https://elsewhere.example/frame">On October 10, 2016 this fallback text appeared.</iframe>
<p onmouseover="steal()">The envoy will return on March 20, 2024, the ministry said in a statement
<img src="x" onerror="alert('May 5, 2015')">.</p>
<noscript>Enable JavaScript, required since November 11, 2014.</noscript>
<template><p>On April 4, 2012 a hidden template spoke.</p></template>
<svg><script>alert("December 12, 2013")</script><text>On March 13, 2013</text></svg>
</article></body></html>
"""
HOSTILE_VISIBLE = {"2024-03-03", "2024-03-20"}

NESTED_HTML = (
    "<html><head><title>Deep</title></head><body>" + "<div>" * 5000
    + "<p>Talks resumed on March 3, 2024 in Caracas, officials said.</p>" + "</div>" * 5000 + "</body></html>"
)
MINIMAL_PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def article_json(**fields) -> str:
    record = {"title": "Talks", "source": "Example", "text": "Talks resumed on March 4, 2024 in Caracas."}
    record.update(fields)
    return json.dumps({k: v for k, v in record.items() if v is not ...})


# name -> file content (bytes or str). Names say what each case is.
CASES: dict[str, bytes | str] = {
    "empty.txt": b"",
    "whitespace.txt": b"  \n\t\n   \r\n",
    "binary.txt": bytes(range(256)) * 64,
    "renamed-pdf.txt": MINIMAL_PDF,
    "latin1.txt": ("Bogotá talks\n\n" + ACCENTED.replace("’", "'") + "\n").encode("latin-1"),
    "utf16.txt": codecs.BOM_UTF16_LE + ("Bogotá talks\n\n" + ACCENTED + "\n").encode("utf-16-le"),
    "huge.txt": b"",  # 20 MB: see files()
    "long-line.txt": "",  # see files()
    "nested.html": NESTED_HTML,
    "hostile.html": HOSTILE_HTML,
    "missing-text.json": json.dumps({"title": "No body", "url": "https://example.org/x"}),
    "wrong-type.json": json.dumps({"title": "Typed", "text": 42}),
    "extra-fields.json": article_json(published="2024-03-05", tags=["a", {"b": 1}], views=10**30, text=(
        "Talks resumed on March 4, 2024 in Caracas.")),
    "mixed-items.json": json.dumps([
        {"title": "Good item", "published": "2024-03-05", "text": "The vote was held on March 1, 2024."},
        {"title": "Bad text", "text": ["not", "a", "string"]},
        {"title": "Bad title", "title_": 1, "text": "x", "language": 7},
        "just a string",
    ]),
    "broken-line.jsonl": "\n".join([
        json.dumps({"title": "First line", "published": "2024-03-05", "text": "Voting began on March 2, 2024."}),
        '{"title": "Broken line", "text": "Voting ended on March 3, 2024.',
        json.dumps({"title": "Third line", "published": "2024-03-05", "text": "Results came on March 4, 2024."}),
    ]) + "\n",
    "malformed-date.json": article_json(published="2024-13-45"),
    "word-date.json": article_json(published="yesterday"),
    "number-date.json": article_json(published=20240305),
    "partial-date.json": article_json(published="2024-03", text="Talks resumed on March 4, 2024. More came last week."),
    # A text of its own, so that its events tell its own case (extra-fields.json has the same title).
    "future-date.json": article_json(published="2999-01-01", text="Talks resumed on March 4, 2024, far ahead."),
    "impossible-dates.txt": (
        "Impossible dates\n\n"
        "The vote was set for February 30, 2024, a day that does not exist. "
        "Someone spoke of the year 99999 and of 31/02/2024 and of 2024-02-30. "
        "The real vote was on February 29, 2024.\n"
    ),
    "russian.txt": "Переговоры в Каракасе\n\nПереговоры возобновились 3 марта 2024 года в Каракасе, сообщили "
                   "официальные лица. Посланник вернётся на следующей неделе.\n",
    "language-ru.json": article_json(language="ru", published="2024-03-05",
                                     text="Переговоры возобновились 3 марта 2024 года в Каракасе."),
    "deep.json": "[" * 100_000 + "]" * 100_000,
    # A JSON escape of half a UTF-16 pair: valid JSON, but no UTF-8 output can hold it.
    "lone-surrogate.json": '{"title": "Stray \\udc00", "published": "2024-03-05", '
                           '"text": "On March 3, 2024 the envoy \\ud800 arrived in Caracas."}',
}

# name -> words the one stderr line about the file must contain (the case is an error).
ERRORS = {
    "empty.txt": "empty file",
    "whitespace.txt": "empty file",
    "binary.txt": "binary file, not text",
    "renamed-pdf.txt": "binary file, not text (looks like PDF)",
    "huge.txt": "over the 16.0 MB limit",
    "nested.html": "nested more than 255 elements deep",
    "missing-text.json": "missing or empty 'text'",
    "wrong-type.json": "'text' must be a string, not int",
    "malformed-date.json": "malformed publication date '2024-13-45'",
    "word-date.json": "malformed publication date 'yesterday'",
    "number-date.json": "malformed publication date 20240305",
    "deep.json": "JSON nested too deeply",
}


def huge_text() -> str:
    """An article of over 20 MB, over every limit on one input."""
    line = "Talks resumed in Caracas on March 3, 2024, officials said again and again.\n"
    return "Huge\n\n" + line * (20_000_000 // len(line) + 1)


def files() -> dict[str, bytes]:
    """The two good articles and every case, as the bytes of the files a user gives."""
    out = {"good.txt": GOOD_TXT.encode(), "good-wire.json": json.dumps(GOOD_JSON).encode()}
    for name, content in CASES.items():
        out[name] = content if isinstance(content, bytes) else content.encode("utf-8")
    out["huge.txt"] = huge_text().encode()
    out["long-line.txt"] = ("Long line\n" + long_line() + "\n").encode()
    return out


HOSTILE_NAME = "<img src=x onerror=alert(1)>.txt"

# Cases only an upload can have (a folder given to the command line passes over other file types).
UPLOADS: dict[str, bytes] = {
    "copy-of-good.txt": GOOD_TXT.encode(),  # the same text under another name: another article
    "report.pdf": MINIMAL_PDF,
    "notes": b"Talks resumed on March 3, 2024.",
    HOSTILE_NAME: bytes(range(256)) * 8,
    "two\nlines.txt": b"",
}

# name as shown -> words of the one line the app shows about it (the case is an error).
UPLOAD_ERRORS = {
    **{name: words for name, words in ERRORS.items() if name != "huge.txt"},
    "huge.txt": "file is 19.1 MiB, over the 5 MiB upload limit; not read",
    "report.pdf": "unsupported file type '.pdf' (use .txt, .md, .html, .json or .jsonl)",
    "notes": "unsupported file type (no extension)",
    HOSTILE_NAME: "binary file, not text",
    "two?lines.txt": "empty file",  # the line break in the name is shown as "?": one line
}
