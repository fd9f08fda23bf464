"""Two visitors' own additions never meet: no cached answer of one session reaches another.

Cached answers are keyed on the data they come from. A session's additions were keyed on their
event ids, which come from title, address, offsets and date text, not from the sentence: two
visitors pasting different texts under the same headline and address, with the date at the
same place, shared cache entries, and the second saw the first's private sentence and outlet.
"""

from __future__ import annotations

from support.page import added, click, open_add_tab

HEADLINE = "Embassy note"
ADDRESS = "https://news.example.org/2025/03/05/note"


def paste(at, text: str, outlet: str):
    at.text_area(key="paste_text").input(text)
    at.text_input(key="paste_title").input(HEADLINE)
    at.text_input(key="paste_outlet").input(outlet)
    at.text_input(key="paste_url").input(ADDRESS)
    at.text_input(key="upload_published").input("2025-03-05")
    click(at, "read_articles")
    return click(at, "extract_events")


def outlets_offered(at) -> list[str]:
    return list(at.multiselect(key="outlet").options)


def test_two_visitors_pasting_under_one_headline_and_address_see_only_their_own(events_file):
    first, second = open_add_tab(), open_add_tab()
    paste(first, "On March 3, 2025 the first visitor's private source met the envoy.", "Private Outlet One")
    paste(second, "On March 3, 2025 a different person, named only here, called.", "Private Outlet Two")

    one, two = added(first), added(second)
    assert list(one["event_id"]) == list(two["event_id"])  # the same ids: the case that leaked
    assert "Private Outlet Two" in outlets_offered(second)
    assert "Private Outlet One" not in outlets_offered(second)
    assert "Private Outlet One" in outlets_offered(first) and "Private Outlet Two" not in outlets_offered(first)

    # The evidence of the added event, as each session's cached queries answer it.
    fact_id = two["event_id"].iloc[0]
    for at, own, other in ((second, "a different person", "private source"),
                           (first, "private source", "a different person")):
        at.session_state["fact"] = fact_id
        at.run()
        panel = "\n".join(h.value for h in at.html if "nl-evidence" in h.value)
        assert own in panel and other not in panel, panel
