"""Two visitors' own additions never meet: no cached answer of one session reaches another.

Cached answers are keyed on the data they come from. A session's additions were keyed on their
event ids, which come from the article id, offsets and date text, not from the sentence: two
visitors sending different texts under the same headline and address, with the date at the
same place, shared cache entries, and the second saw the first's private sentence and outlet.
A pasted text's id now carries a hash of its bytes, but an article of a JSON Lines upload is
still named by its address, so the same event ids for different texts remain possible.
"""

from __future__ import annotations

import json

from support.page import added, click, open_add_tab, upload

HEADLINE = "Embassy note"
ADDRESS = "https://news.example.org/2025/03/05/note"


def paste(at, text: str, outlet: str):
    """One article under the shared headline and address, sent as a JSON Lines upload."""
    record = {"title": HEADLINE, "url": ADDRESS, "source": outlet, "published": "2025-03-05", "text": text}
    upload(at, [("note.jsonl", json.dumps(record).encode())])
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


def test_token_guesses_slow_down_per_session_and_are_logged(events_file, caplog):
    import logging
    import time

    from support.page import errors, paste_and_extract

    at = paste_and_extract(open_add_tab({"newsline": {"write_token": "s3cret"}}))
    caplog.set_level(logging.WARNING, logger="newsline.operator")
    took = []
    for guess in ("guess1", "guess2", "guess3"):
        at.text_input(key="operator_token").input(guess)
        started = time.monotonic()
        click(at, "operator_save")
        took.append(time.monotonic() - started)
        assert errors(at) == ["That token is not the operator's."]
    assert took[2] >= 2.0 and took[2] > took[0] + 1.5, took  # 1 s, then 2 s before the next guess is read
    refusals = [r.getMessage() for r in caplog.records if r.name == "newsline.operator"]
    assert len(refusals) == 3 and all("write token refused" in m for m in refusals)
    assert "failure 3 in this session" in refusals[-1]

    fresh = paste_and_extract(open_add_tab({"newsline": {"write_token": "s3cret"}}))
    fresh.text_input(key="operator_token").input("guess")
    started = time.monotonic()
    click(fresh, "operator_save")
    assert time.monotonic() - started < took[2]  # another session starts without a delay


def test_a_broken_table_is_named_to_visitors_without_the_servers_path(events_file):
    from support.page import errors

    events_file.write_bytes(b"PAR1 not a table")
    at = open_add_tab()
    [line] = [e for e in errors(at) if "not a readable Parquet event table" in e]
    assert line.startswith("events.parquet: ") and str(events_file.parent) not in line
