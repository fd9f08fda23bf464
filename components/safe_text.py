"""Escaping for article text: every string that came from an article is hostile.

Article text reaches the page through HTML (evidence panel), Plotly hover
labels (which render a subset of HTML) and TimelineJS exports (HTML again),
so it is always passed through ``html.escape`` first. Links are only rendered
for http(s) URLs; ``javascript:`` and friends are dropped.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit


def esc(value: object) -> str:
    """HTML-escape any value, mapping None/NaN to an empty string."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def safe_url(value: object) -> str | None:
    """The URL if it is an absolute http(s) address, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch in url for ch in "\"'<> \t\r\n"):
        return None
    return url


def first_words(text: object, limit: int = 14) -> str:
    """The first ``limit`` words of a snippet, with an ellipsis when cut."""
    if not isinstance(text, str):
        return ""
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    return " ".join(words[:limit]) + " …"


_MARKDOWN_SPECIALS = set("\\`*_{}[]()<>#+-.!|~$:")


def markdown_literal(text: object) -> str:
    """Text that Streamlit's Markdown shows as typed: no links, emphasis or HTML."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))
