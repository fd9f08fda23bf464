"""Shared checks for the rule-by-rule tagger tests (English and Spanish)."""

from __future__ import annotations

import pytest


def case(id_, sentence, published, *expected):
    return pytest.param(sentence, published, list(expected), id=id_)


def locate(sentence: str, expected):
    """Character spans of the expected date texts, searched left to right."""
    spans, pos = [], 0
    for text, _ in expected:
        i = sentence.find(text, pos)
        assert i >= 0, f"test bug: {text!r} not in {sentence!r} after {pos}"
        spans.append((i, i + len(text)))
        pos = i + 1
    return spans


def assert_tagged(found, sentence: str, expected: list[tuple[str, str | None]]) -> None:
    """The tagger found exactly the expected expressions (matched by overlap) with these values."""
    raw = [(t.text, t.value) for t in found]
    spans = locate(sentence, expected)
    got = []
    for t in found:
        hit = next((i for i, (s, e) in enumerate(spans) if t.start < e and s < t.end), None)
        got.append((expected[hit][0] if hit is not None else t.text, t.value))
    assert sorted(got, key=repr) == sorted(expected, key=repr), f"tagger gave {raw}"
    for t in found:
        if t.value is None:
            assert t.granularity == "unresolved", (t.text, t.granularity)
