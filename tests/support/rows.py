"""Rows of the event and fact tables for tests: a realistic sample store, built by hand.

The sample rows are in the style of the Venezuela–US coverage, one of each precision, with
offsets that really point into an article text; ``corroborating_rows`` restate some of them
so that the fact table (``facts_of``) has facts confirmed by several sources.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from newsline.merge import fact_row as merge_fact_row
from newsline.model import EVENT_COLUMNS
from newsline.store import FACT_COLUMNS

XSS_TITLE = 'Leaked memo <script>alert("title")</script>'
XSS_SENTENCE = 'On March 3, 2025, a source said <img src=x onerror=alert(1)> and <script>alert(2)</script> appeared.'


def event_row(
    article: str,
    sentence: str,
    date_text: str,
    value: str | None,
    start: str | None,
    end: str | None,
    granularity: str,
    *,
    resolution: str = "explicit",
    tense: str = "past",
    actors: list[str] | None = None,
    topics: list[str] | None = None,
    source: str = "Reuters",
    published: str | None = "2024-12-03",
    title: str | None = None,
    url: str | None = None,
    offset: int = 120,
    action: str = "other",
    actors_source: list[str] | None = None,
    actors_target: list[str] | None = None,
    headline: str | None = None,
) -> dict:
    """One row of the event table, with offsets that really point into an article text."""
    at = sentence.index(date_text)
    row = {
        "event_id": hashlib.sha1(f"{article}|{sentence}|{date_text}".encode()).hexdigest()[:16],
        "article_id": article,
        "url": url if url is not None else f"https://news.example.org/{article}",
        "title": title or article.replace("-", " ").capitalize(),
        "source": source,
        "published": published,
        "language": "en",
        "date_text": date_text,
        "date_char_start": offset + at,
        "date_char_end": offset + at + len(date_text),
        "value": value,
        "date_start": start,
        "date_end": end,
        "granularity": granularity,
        "resolution": resolution,
        "rule": "test_rule",
        "tense": tense,
        "sentence": sentence,
        "sentence_char_start": offset,
        "sentence_char_end": offset + len(sentence),
        "actors": actors or [],
        "topics": topics or [],
        "confidence": 0.9,
        "timex_type": "DATE",
        "timex_value": value or "XXXX-XX-XX",
        "timex_char_start": offset + at,
        "timex_char_end": offset + at + len(date_text),
        "action": action,
        "action_text": "",
        "action_char_start": offset,
        "action_char_end": offset,
        "actors_source": actors_source if actors_source is not None else (actors or [])[:1],
        "actors_target": actors_target if actors_target is not None else (actors or [])[1:],
        "roles_rule": "test",
        "headline": headline if headline is not None else " ".join(sentence.split()[:8]),
    }
    assert list(row) == EVENT_COLUMNS
    return row


def sample_rows() -> list[dict]:
    """A dozen events in the style of the Venezuela–US coverage, one of each precision."""
    return [
        event_row("elpais-maduro-trump", "Maduro also made reference to the demonstration called by the "
                  "opposition in Caracas last Sunday, which had little power to attract supporters.",
                  "last Sunday", "2024-12-01", "2024-12-01", "2024-12-01", "day", resolution="relative",
                  actors=["Nicolás Maduro", "Venezuelan opposition"], topics=["elections"],
                  source="El País", title="Nicolás Maduro offers Trump his experience in security"),
        event_row("elpais-maduro-trump", "The presidential ballot of July 28 left Chavismo claiming a "
                  "victory that the international community refuses to recognize.",
                  "July 28", "2024-07-28", "2024-07-28", "2024-07-28", "day", resolution="year-inferred",
                  actors=["Nicolás Maduro"], topics=["elections"], source="El País"),
        event_row("reuters-chevron-license", "The Treasury said on March 4, 2025 that Chevron's license "
                  "to pump Venezuelan oil would be revoked.", "March 4, 2025", "2025-03-04", "2025-03-04",
                  "2025-03-04", "day", actors=["Chevron", "United States"], topics=["oil-sanctions"],
                  source="Reuters", published="2025-03-05"),
        event_row("reuters-chevron-license", "Washington first imposed oil sanctions in January 2019, "
                  "after recognising Juan Guaidó.", "January 2019", "2019-01", "2019-01-01", "2019-01-31",
                  "month", actors=["Juan Guaidó", "United States"], topics=["oil-sanctions"],
                  source="Reuters", published="2025-03-05"),
        event_row("ap-citgo-six", "Six Citgo executives were arrested in Caracas in 2017.", "2017", "2017",
                  "2017-01-01", "2017-12-31", "year", actors=["Citgo"], topics=["justice-prisoners"],
                  source="Associated Press", published="2022-10-01"),
        event_row("ap-citgo-six", "In his first term as president, Trump pursued a maximum pressure "
                  "campaign.", "In his first term as president", "2017-01-20/2021-01-20", "2017-01-20",
                  "2021-01-20", "range", resolution="actor-period", actors=["Donald Trump"],
                  topics=["diplomacy-talks"], source="Associated Press", published="2022-10-01"),
        event_row("ap-citgo-six", "The families said that day had changed everything.", "that day", None,
                  None, None, "unresolved", resolution="unresolved", actors=["Citgo"],
                  topics=["justice-prisoners"], source="Associated Press", published="2022-10-01"),
        event_row("cbs-deportation-flights", "Deportation flights to Caracas will resume next month, "
                  "officials announced.", "next month", "2025-02", "2025-02-01", "2025-02-28", "month",
                  resolution="relative", tense="future", actors=["Venezuela", "United States"],
                  topics=["migration-deportation"], source="CBS News", published="2025-01-15"),
        event_row("cbs-deportation-flights", "Migration from Venezuela surged through the 1990s and beyond.",
                  "the 1990s", "199X", "1990-01-01", "1999-12-31", "decade",
                  actors=["Venezuela"], topics=["migration-deportation"], source="CBS News",
                  published="2025-01-15"),
        event_row("cbs-deportation-flights", "Talks between the two governments are under way this week.",
                  "this week", "2025-W03", "2025-01-13", "2025-01-19", "week", resolution="relative",
                  tense="present", actors=["Venezuela", "United States"], topics=["diplomacy-talks"],
                  source="CBS News", published="2025-01-15"),
        event_row("leak-memo", XSS_SENTENCE, "March 3, 2025", "2025-03-03", "2025-03-03", "2025-03-03", "day",
                  actors=["Diosdado Cabello"], topics=["security-crime"], source="Unknown <b>Blog</b>",
                  title=XSS_TITLE, url="javascript:alert(3)", published="2025-03-04"),
        event_row("npr-hegseth", "Hegseth said on September 2, 2025 that strikes on boats would continue.",
                  "September 2, 2025", "2025-09-02", "2025-09-02", "2025-09-02", "day",
                  actors=["Pete Hegseth", "United States"], topics=["military"], source="NPR",
                  published="2025-09-03"),
    ]


def by_date_text(text: str) -> dict:
    return next(row for row in sample_rows() if row["date_text"] == text)


# --- a store with facts: the same fact from several sources ----------------------------

HEGSETH_CBS = ("On Tuesday, Defense Secretary Pete Hegseth said the strikes on boats near Venezuela would "
               "continue.")
HEGSETH_WIRE = ("On Tuesday, Defense Secretary Pete Hegseth said the strikes on boats near Venezuela would "
                "continue, according to the wire.")
ALIEN_AP = ("On Friday, March 14, President Donald Trump invoked the Alien Enemies Act, a 1798 law giving him "
            "immense powers to deport noncitizens.")
ALIEN_ELMUNDO = ("This Saturday, the US President, Donald Trump, invoked the Alien Enemies Act, a controversial "
                 "provision from 1798, to expel alleged gang members.")


def corroborating_rows() -> list[dict]:
    """Events that restate facts of ``sample_rows`` or state one fact with two dates."""
    return [
        event_row("cbs-hegseth-boats", HEGSETH_CBS, "On Tuesday", "2025-09-02", "2025-09-02", "2025-09-02", "day",
                  resolution="relative", actors=["Pete Hegseth", "United States"], topics=["military"],
                  source="CBS News", published="2025-09-03", title="Hegseth: boat strikes will go on"),
        event_row("wokv-hegseth-boats", HEGSETH_WIRE, "On Tuesday", "2025-09-02", "2025-09-02", "2025-09-02", "day",
                  resolution="relative", actors=["Pete Hegseth", "United States"], topics=["military"],
                  source="WOKV (CBS reprint)", published="2025-09-03", title="Hegseth: boat strikes will go on",
                  url="javascript:alert('reprint')"),
        event_row("ap-alien-enemies", ALIEN_AP, "On Friday, March 14", "2025-03-14", "2025-03-14", "2025-03-14",
                  "day", resolution="year-inferred", actors=["Donald Trump"], topics=["migration-deportation"],
                  source="Associated Press", published="2025-04-05", title="Takeaways on the Alien Enemies Act"),
        event_row("elmundo-alien-enemies", ALIEN_ELMUNDO, "This Saturday", "2025-03-15", "2025-03-15", "2025-03-15",
                  "day", resolution="relative", actors=["Donald Trump"], topics=["migration-deportation"],
                  source="El Mundo América", published="2025-03-17", title="Trump invokes a 1798 law"),
    ]


def fact_row(members: list[dict], groups: list[str] | None = None, *, disagree: bool = False,
             fact_id: str | None = None) -> dict:
    """A row of the fact table as ``newsline merge`` writes it (``merge.fact_row``; the first member
    represents the fact); ``groups`` are the members' syndication groups, by default their articles."""
    reason = "" if len(members) == 1 else "; ".join(
        f"{a['event_id']}+{b['event_id']}: same day" for a, b in zip(members, members[1:]))
    return merge_fact_row(members, groups or [m["article_id"] for m in members], disagree=disagree, reason=reason,
                          fact_id=fact_id)


def facts_of(rows: list[dict]) -> tuple[dict, dict, pd.DataFrame]:
    """The two merged facts of ``sample_rows() + corroborating_rows()`` and the whole fact table."""
    by_id = {r["article_id"]: r for r in rows if r["article_id"] in (
        "npr-hegseth", "cbs-hegseth-boats", "wokv-hegseth-boats", "ap-alien-enemies", "elmundo-alien-enemies")}
    boats = fact_row([by_id["npr-hegseth"], by_id["cbs-hegseth-boats"], by_id["wokv-hegseth-boats"]],
                     ["npr-hegseth", "cbs-hegseth-boats", "cbs-hegseth-boats"])
    alien = fact_row([by_id["ap-alien-enemies"], by_id["elmundo-alien-enemies"]], disagree=True)
    merged = set(boats["member_event_ids"]) | set(alien["member_event_ids"])
    table = [boats, alien] + [fact_row([r]) for r in rows if r["event_id"] not in merged]
    return boats, alien, pd.DataFrame(table, columns=FACT_COLUMNS)


def store_rows() -> list[dict]:
    return sample_rows() + corroborating_rows()


def numbered_rows(tag: str, n: int, start: int = 0) -> list[dict]:
    """``n`` minimal events of one article ``tag``, ids ``tag-<i>``: for tests of writing and locking."""
    out = []
    for i in range(start, start + n):
        row = {c: None for c in EVENT_COLUMNS}
        row.update(event_id=f"{tag}-{i}", article_id=tag, date_text="July 28", date_char_start=5,
                   date_char_end=12, value="2024-07-28", date_start="2024-07-28", date_end="2024-07-28",
                   granularity="day", resolution="explicit", actors=["Nicolás Maduro"], topics=[],
                   confidence=0.9, sentence=f"On July 28 the vote was held ({tag} {i}).",
                   sentence_char_start=0, sentence_char_end=40)
        out.append(row)
    return out
