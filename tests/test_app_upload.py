"""Adding articles from the dashboard: session-only, downloadable, saved only with the operator's token."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from support.page import click, open_add_tab, paste_and_extract, rerun_page as run
from support.rows import sample_rows
from newsline.store import read_events

ARTICLE = (
    "US and Venezuela agree on prisoner swap\n\n"
    "CARACAS — Venezuela released ten Americans on Friday in exchange for Alex Saab, "
    "the government of Nicolás Maduro said. The United States will lift some oil sanctions next month, "
    "officials in Washington announced on December 20, 2023."
)


def match_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "events match the filters" in m.value)


def paste_wire_copy(at: AppTest, published: str = "2023-12-22") -> AppTest:
    return paste_and_extract(at, ARTICLE, published, outlet="Wire <i>copy</i>")


def test_pasted_article_adds_events_to_this_session_only(events_file):
    before = events_file.read_bytes()
    at = paste_wire_copy(open_add_tab())
    added = at.session_state["added_events"]
    assert len(added) >= 2
    assert set(added["source"]) == {"Wire <i>copy</i>"}
    assert "2023-12-20" in set(added["date_start"])  # an explicit date in the text
    assert match_line(at).startswith(f"**{len(sample_rows()) + len(added)}**")
    assert any("marked ☆ on the timeline" in s.value for s in at.success)
    assert events_file.read_bytes() == before  # the shipped table is untouched

    at.query_params["tab"] = "Timeline"  # what the browser's address bar says after the tab click
    at.session_state["tab"] = "Timeline"
    run(at)
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    ringed = [t for t in chart["data"] if t.get("name") == "Added by you"]
    assert ringed and set(ringed[0]["customdata"]) <= set(added["event_id"])

    other_visitor = open_add_tab()
    assert match_line(other_visitor).startswith(f"**{len(sample_rows())}**")
    assert "added_events" not in other_visitor.session_state


def test_confirmed_publication_date_resolves_relative_dates(events_file):
    at = open_add_tab()
    at.text_area(key="paste_text").input(ARTICLE)
    click(at, "read_articles")
    assert at.text_input(key="pending_published_0").value == ""  # nothing found: asked for
    at.text_input(key="pending_published_0").input("2024-03-01")
    click(at, "extract_events")
    added = at.session_state["added_events"]
    next_month = added[added["date_text"].str.contains("next month")]
    assert list(next_month["value"]) == ["2024-04"]


def test_uploaded_files_are_read_and_bad_ones_reported_in_one_line(events_file):
    at = open_add_tab()
    article = {"title": "Oil deal", "source": "Reuters", "published": "2025-03-05",
               "url": "https://example.org/oil", "text": "Chevron said on March 4, 2025 that it would stop pumping."}
    at.file_uploader(key="upload_files").set_value([
        ("oil.json", json.dumps(article).encode(), "application/json"),
        ("broken.json", b"{not json", "application/json"),
    ])
    click(at, "read_articles")
    errors = " ".join(e.value for e in at.error)
    assert "broken" in errors and "Traceback" not in errors and "\n" not in errors
    assert at.text_input(key="pending_published_0").value == "2025-03-05"
    click(at, "extract_events")
    added = at.session_state["added_events"]
    assert set(added["title"]) == {"Oil deal"} and "2025-03-04" in set(added["date_start"])


def test_bad_publication_date_is_refused_with_one_line(events_file):
    at = open_add_tab()
    at.text_area(key="paste_text").input(ARTICLE)
    at.text_input(key="upload_published").input("yesterday")
    click(at, "read_articles")
    assert any("malformed publication date" in e.value for e in at.error)
    assert "added_events" not in at.session_state or at.session_state["added_events"] is None


def test_additions_can_be_downloaded_and_discarded(events_file):
    at = paste_wire_copy(open_add_tab())
    labels = {b.label for b in at.download_button}
    assert {"Download CSV", "Download JSON"} <= labels
    assert any("cannot be changed from this page" in c.value for c in at.caption)  # no secret: no save
    click(at, "discard_added")
    assert match_line(at).startswith(f"**{len(sample_rows())}**")


@pytest.mark.parametrize("token_ok", [False, True])
def test_operator_token_gates_writing_to_the_shared_table(events_file, token_ok):
    at = paste_wire_copy(open_add_tab({"newsline": {"write_token": "s3cret"}}))
    added = at.session_state["added_events"]
    at.text_input(key="operator_token").input("s3cret" if token_ok else "guess")
    click(at, "operator_save")
    stored = read_events(events_file)
    if token_ok:
        assert set(added["event_id"]) <= set(stored["event_id"])
        assert len(stored) == len(sample_rows()) + len(added)
    else:
        assert any("not the operator's" in e.value for e in at.error)
        assert len(stored) == len(sample_rows())


def test_an_addition_older_than_the_stored_table_is_shown(tmp_path, monkeypatch):
    import pandas as pd

    from newsline.model import EVENT_COLUMNS
    from newsline.store import write_events

    path = tmp_path / "events.parquet"
    recent = [row for row in sample_rows() if (row["date_start"] or "") >= "2025"]
    write_events(pd.DataFrame(recent, columns=EVENT_COLUMNS), path)
    monkeypatch.setenv("NEWSLINE_EVENTS", str(path))
    at = open_add_tab()
    at.text_area(key="paste_text").input("Envoy\n\nThe envoy returned to Caracas on March 3, 2024, officials said.")
    click(at, "read_articles")
    at.checkbox(key="pending_undated_0").check()  # no publication date: the visitor says none is known
    click(at, "extract_events")
    assert match_line(at).startswith(f"**{len(recent) + 1}** of {len(recent) + 1}")


def test_an_article_without_a_publication_date_is_asked_for_one(events_file):
    at = open_add_tab()
    at.text_area(key="paste_text").input(ARTICLE)
    click(at, "read_articles")
    assert any("no publication date" in w.value and "No date known" in w.value for w in at.warning)
    click(at, "extract_events")  # neither a date nor "No date known": not extracted, and said so
    assert any("give its publication date" in e.value for e in at.error)
    assert at.session_state["added_events"] is None if "added_events" in at.session_state else True
    at.text_input(key="pending_published_0").input("2024-03-01")
    click(at, "extract_events")
    assert len(at.session_state["added_events"]) > 0


def test_headline_outlet_and_address_fields_fill_what_an_upload_lacks(events_file):
    at = open_add_tab()
    at.text_input(key="paste_outlet").input("Caribbean Wire")
    at.text_input(key="paste_title").input("Envoy returns")
    at.file_uploader(key="upload_files").set_value([
        ("envoy.json", json.dumps({"text": "The envoy returned to Caracas on March 3, 2024, officials said."}).encode(),
         "application/json"),
        ("own.json", json.dumps({"title": "Own headline", "source": "Reuters", "published": "2025-03-05",
                                 "text": "Chevron said on March 4, 2025 that it would stop pumping."}).encode(),
         "application/json"),
    ])
    at.text_input(key="upload_published").input("2024-03-05")
    click(at, "read_articles")
    click(at, "extract_events")
    added = at.session_state["added_events"]
    assert set(zip(added["title"], added["source"])) == {("Envoy returns", "Caribbean Wire"),
                                                        ("Own headline", "Reuters")}
