"""Properties of whole-article extraction on arbitrary text."""

from hypothesis import given, settings, strategies as st

from newsline.events import extract_events
from newsline.model import EVENT_COLUMNS, Article

FRAGMENTS = st.sampled_from([
    "on Monday", "July 28", "in 2019", "last week", "we", "tu", "a march", "May", "the 1990s",
    "February 30, 2024", "the year 99999", "“Today", "”", '"', "\n\n", ". ", "Maduro", "he said",
    "in his first term", "two days later", "since", "[4][5]", "31 December", "Sept.", "ago", "—",
])
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map(" ".join)
PUBLISHED = st.sampled_from([None, "2024-12-03", "2019-05", "2021", "2026-01-16"])


@settings(max_examples=150, deadline=None)
@given(text=TEXT, published=PUBLISHED)
def test_extraction_never_raises_and_offsets_hold(text, published):
    rows = extract_events(Article("prop", text, published=published))
    for r in rows:
        assert list(r) == EVENT_COLUMNS
        assert text[r["date_char_start"]:r["date_char_end"]] == r["date_text"]
        assert text[r["sentence_char_start"]:r["sentence_char_end"]] == r["sentence"]
        assert (r["value"] is None) == (r["granularity"] == "unresolved") == (r["date_start"] is None)
        if r["date_start"]:
            assert r["date_start"] <= r["date_end"]
        assert 0.0 <= r["confidence"] <= 1.0
