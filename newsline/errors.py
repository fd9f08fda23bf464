"""One error type the CLI and the app turn into a single readable line."""

from __future__ import annotations

import unicodedata


def one_line(text: object) -> str:
    """``text`` safe to show as one line: line breaks and other controls written as escapes, and
    the bytes of a file name that is not UTF-8 (Python's surrogate escapes) as ``\\xNN``."""
    out = []
    for ch in str(text):
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or unicodedata.category(ch) in ("Cc", "Zl", "Zp") and ch != "\t":
            out.append(ch.encode("unicode_escape").decode("ascii") if code < 0x10000 else "?")
        else:
            out.append(ch)
    return "".join(out)


class NewslineError(Exception):
    """A user-facing problem with one input or store file."""

    def __init__(self, where: object, problem: str):
        self.where = one_line(where)
        self.problem = one_line(problem)
        super().__init__(f"{self.where}: {problem}")
