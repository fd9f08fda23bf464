"""Actor knowledge base and matching: names, variants, dated descriptions, terms."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsline.actors import ActorMatcher, Mention, Term, fold
from newsline.errors import NewslineError

from support.corpus_paths import SEED_TXT as SEED

# The canonical names of the corpus annotation guide (section 4).
CANONICAL = [
    "Nicolás Maduro", "Diosdado Cabello", "Juan Guaidó", "Edmundo González Urrutia",
    "María Corina Machado", "Hugo Chávez", "Alex Saab", "Gustavo Cárdenas", "Venezuela",
    "Venezuelan opposition", "Unitary Platform", "PDVSA", "Minerven", "Cartel de los Soles",
    "Tren de Aragua", "Donald Trump", "Joe Biden", "Barack Obama", "George W. Bush", "Marco Rubio",
    "Pam Bondi", "Antony Blinken", "Pete Hegseth", "Jen Psaki", "Roger Carstens", "James Story",
    "Juan Gonzalez", "Luke Denman", "Airan Berry", "United States", "Chevron", "Citgo",
    "Maurel & Prom", "Bolivia", "Russia", "Norway", "El Salvador", "Nayib Bukele", "Panama",
    "Trinidad and Tobago", "Kamla Persad-Bissessar", "Canada", "United Kingdom", "European Union",
    "United Nations",
]


@pytest.fixture(scope="module")
def m() -> ActorMatcher:
    return ActorMatcher.default()


def test_every_canonical_name_is_known(m):
    missing = [n for n in CANONICAL if n not in m.names()]
    assert missing == []
    assert m.type_of("Nicolás Maduro") == "person"
    assert m.type_of("United States") == "state"
    assert m.type_of("Chevron") == "company"


@pytest.mark.parametrize("name", CANONICAL)
def test_canonical_name_finds_itself(m, name):
    assert m.actors(f"On Monday {name} made a statement.") == [name]


def test_default_is_built_once(m):
    assert ActorMatcher.default() is m


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nicolas Maduro spoke.", ["Nicolás Maduro"]),
        ("Maria Corina Machado spoke.", ["María Corina Machado"]),
        ("Juan Guaido spoke.", ["Juan Guaidó"]),
        ("the late Hugo Chavez", ["Hugo Chávez"]),
        ("then-US President George W Bush", ["George W. Bush"]),
        ("transactions with CVG Minerven ended", ["Minerven"]),
        ("Petroleos de Venezuela (PdVSA) was sanctioned", ["PDVSA"]),
        ("The Cartel of the Suns shipped cocaine.", ["Cartel de los Soles"]),
    ],
)
def test_accent_free_and_spelling_variants(m, text, expected):
    assert m.actors(text) == expected


@pytest.mark.parametrize(
    "text, surface, name",
    [
        ("Maduro's message was clear.", "Maduro", "Nicolás Maduro"),
        ("Maduro’s message was clear.", "Maduro", "Nicolás Maduro"),
        ("A member of Guaidó’s team said so.", "Guaidó", "Juan Guaidó"),
        ("This government [Biden’s] did not want to work.", "Biden", "Joe Biden"),
    ],
)
def test_possessives(m, text, surface, name):
    [mention] = m.find(text)
    assert (mention.surface, mention.names) == (surface, (name,))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Estados Unidos impuso sanciones.", ["United States"]),
        ("EE UU y Venezuela", ["United States", "Venezuela"]),
        ("EEUU anunció", ["United States"]),
        ("EE.UU. anunció", ["United States"]),
        ("según la Casa Blanca", ["United States"]),
        ("el chavismo celebró", ["Venezuela"]),
        ("la Unión Europea y Naciones Unidas", ["European Union", "United Nations"]),
        ("el Cártel de los Soles", ["Cartel de los Soles"]),
    ],
)
def test_spanish_forms(m, text, expected):
    assert m.actors(text) == expected


def test_offsets_point_into_the_text(m):
    text = "Sanctions imposed by the U.S. on Venezuela’s PDVSA."
    mentions = m.find(text)
    assert [x.surface for x in mentions] == ["U.S.", "Venezuela", "PDVSA"]
    for x in mentions:
        assert text[x.start:x.end] == x.surface
    assert mentions[0] == Mention(25, 29, "U.S.", ("United States",))


def test_acronyms_are_case_sensitive(m):
    assert m.actors("Trump told us that the US would act.") == ["Donald Trump", "United States"]
    assert m.actors("Let us go, said the man at the bus stop.") == []
    assert m.actors("un acuerdo con la oposición") == ["Venezuelan opposition"]  # Spanish "un" is not the UN
    assert m.actors("The UN and the EU met TT officials.") == [
        "United Nations", "European Union", "Trinidad and Tobago",
    ]


def test_common_words_that_are_also_names(m):
    assert m.actors("el mango está maduro") == []  # Spanish "ripe"
    assert m.actors("a trump card") == []
    assert m.actors("TRUMP SAYS MADURO MUST GO") == ["Donald Trump", "Nicolás Maduro"]


def test_longest_match_wins(m):
    assert m.actors("Juan Gonzalez, the director, travelled.") == ["Juan Gonzalez"]
    assert m.actors("Juan González viajó a Caracas.") == ["Juan Gonzalez", "Venezuela"]
    assert m.actors("Edmundo Gonzalez won the vote.") == ["Edmundo González Urrutia"]
    assert m.actors("González must face justice.") == ["Edmundo González Urrutia"]
    assert m.actors("Attorney General Tarek William Saab said") == ["Tarek William Saab"]
    assert m.actors("Alex Saab was released; Saab flew home.") == ["Alex Saab"]


def test_one_alias_many_actors(m):
    [mention] = m.find("the Biden administration said")
    assert mention.surface == "Biden administration"
    assert mention.names == ("Joe Biden", "United States")
    assert m.actors("The Trump Administration has been attacking the judges") == [
        "Donald Trump", "United States",
    ]
    assert m.actors("ties severed with the Maduro government") == ["Nicolás Maduro", "Venezuela"]
    assert m.actors("White House press secretary Jen Psaki said", date(2022, 3, 7)) == [
        "Jen Psaki", "United States",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Washington announced its decision.", ["United States"]),
        ("the State Department said", ["United States"]),
        ("An OFAC waiver was granted.", ["United States"]),
        ("the Pentagon said", ["United States"]),
        ("a federal judge ordered", ["United States"]),
        ("Caracas described it as pathetic.", ["Venezuela"]),
        ("a joint statement from Britain and Canada", ["United Kingdom", "Canada"]),
        ("TT currently has permissions", ["Trinidad and Tobago"]),
        ("electoral authorities declared him the winner", ["Venezuela"]),
        ("the opposition rejected it", ["Venezuelan opposition"]),
    ],
)
def test_institutions_and_metonyms(m, text, expected):
    assert m.actors(text) == expected


def test_ignored_phrases_name_nobody(m):
    assert m.actors("The Washington Post reported it.") == []
    assert m.actors("Hunter Biden was not involved.") == []
    assert m.actors("George H. W. Bush") == []
    assert m.actors("The opposition candidate who beat him") == []


def test_descriptions_only_inside_their_window(m):
    text = "the president-elect admires strongmen"
    assert m.actors(text, date(2024, 12, 3)) == ["Donald Trump"]
    assert m.actors(text, date(2020, 12, 1)) == ["Joe Biden"]
    assert m.actors(text, date(2023, 6, 1)) == []
    assert m.actors(text, date(2025, 1, 20)) == []  # sworn in: no longer president-elect
    assert m.actors(text, datetime(2024, 12, 3, 9, 30)) == ["Donald Trump"]
    assert m.actors(text) == []  # no date: several people held the title


def test_titles_follow_the_office_holder(m):
    text = "The Venezuelan president spoke on television."
    assert m.actors(text, date(2010, 5, 1)) == ["Hugo Chávez"]
    assert m.actors(text, date(2020, 5, 1)) == ["Nicolás Maduro"]
    assert m.actors("the US President, Donald Trump, invoked the act", date(2025, 3, 17)) == ["Donald Trump"]
    # Without a date the title is ambiguous, so the shorter "US" is used instead.
    assert m.actors("the US President spoke") == ["United States"]


def test_past_titles_do_not_name_the_current_holder(m):
    assert m.actors("a former US president said", date(2024, 8, 2)) == []
    assert m.actors("[then Venezuelan President Hugo] Chavez", date(2024, 8, 2)) == ["Hugo Chávez"]


def test_undated_descriptions_always_apply(m):
    assert m.actors("the real estate magnate promoted a parallel president") == ["Donald Trump"]
    assert m.actors("the Chavista government can expect") == ["Venezuela"]


def test_aliases_of(m):
    aliases = m.aliases_of("Nicolás Maduro")
    assert aliases[0] == "Nicolás Maduro"
    assert {"Nicolas Maduro", "Maduro"} <= set(aliases)
    with pytest.raises(KeyError):
        m.aliases_of("Nobody")


def test_terms_of_office(m):
    first = Term("president", date(2017, 1, 20), date(2021, 1, 20), 1)
    second = Term("president", date(2025, 1, 20), date(2029, 1, 20), 2)
    assert m.terms("Donald Trump") == [first, second]
    assert m.term_for("Donald Trump", 1) == first
    assert m.term_for("Donald Trump", 2) == second
    assert m.term_for("Donald Trump", 3) is None
    assert m.term_for("Donald Trump", on=date(2019, 5, 5)) == first
    assert m.term_for("Donald Trump", on=date(2023, 1, 1)) == first  # latest begun before
    assert m.term_for("Donald Trump", on=date(2026, 1, 1)) == second
    assert m.term_for("Donald Trump", on=date(2010, 1, 1)) is None
    assert m.term_for("Donald Trump") == second
    assert m.term_for("Joe Biden", on=date(2022, 3, 8)) == Term(
        "president", date(2021, 1, 20), date(2025, 1, 20), 1
    )
    # Hand-over day belongs to the new term.
    assert m.term_for("Nicolás Maduro", on=date(2019, 1, 10)).ordinal == 2
    assert m.term_for("Juan Guaidó", on=date(2020, 1, 1)).role == "interim president"
    assert m.term_for("Hugo Chávez", on=date(2005, 1, 1)).start == date(1999, 2, 2)
    assert m.terms("Pam Bondi") == [] and m.term_for("Pam Bondi", 1) is None
    with pytest.raises(KeyError):
        m.terms("Nobody")


def test_running_term_beats_a_later_finished_one(tmp_path):
    kb = {"actors": [{"name": "A", "type": "person", "terms": [
        {"role": "minister", "from": "2000-01-01", "to": "2020-01-01", "ordinal": None},
        {"role": "envoy", "from": "2005-01-01", "to": "2008-01-01", "ordinal": None},
    ]}]}
    m = ActorMatcher.from_file(_kb(tmp_path, kb))
    assert m.term_for("A", on=date(2010, 1, 1)).role == "minister"
    assert m.term_for("A", on=date(2006, 1, 1)).role == "envoy"
    assert m.term_for("A", on=date(2021, 1, 1)).role == "envoy"  # none running: latest begun


def test_seed_article(m):
    text = SEED.read_text(encoding="utf-8")
    on = date(2024, 12, 3)
    found = m.actors(text, on)
    for name in [
        "Nicolás Maduro", "Donald Trump", "Joe Biden", "Juan Guaidó", "Diosdado Cabello",
        "Edmundo González Urrutia", "Venezuela", "United States", "Tren de Aragua",
    ]:
        assert name in found
    by_surface = {x.surface: x.names for x in m.find(text, on)}
    assert by_surface["the real estate magnate"] == ("Donald Trump",)
    assert by_surface["president-elect"] == ("Donald Trump",)
    assert by_surface["Biden administration"] == ("Joe Biden", "United States")
    assert by_surface["Biden"] == ("Joe Biden",)  # from "[Biden’s]"
    assert by_surface["Diosdado"] == ("Diosdado Cabello",)
    assert by_surface["Venezuelan president"] == ("Nicolás Maduro",)
    # Read as of 2023, the same words name no president-elect.
    assert "president-elect" not in {x.surface for x in m.find(text, date(2023, 1, 1))}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["Maduro", "Juan Gonzalez", "González", "US", "us", "U.S.", "the", "Biden administration",
     "’s", " ", ", ", "president-elect", "Venezuela", "é", "Trump", "EE.UU.", "x"]
)).map("".join))
def test_mentions_are_ordered_disjoint_and_true(m, text):
    mentions = m.find(text, date(2024, 12, 3))
    assert len(fold(text)) == len(text)
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    for x in mentions:
        assert text[x.start:x.end] == x.surface and x.names


def _kb(tmp_path: Path, kb: dict) -> Path:
    path = tmp_path / "actors.json"
    path.write_text(json.dumps(kb), encoding="utf-8")
    return path


def test_data_folder_can_be_overridden(tmp_path, monkeypatch):
    _kb(tmp_path, {"actors": [{"name": "Atlantis", "type": "state", "aliases": ["Atlantida"]}]})
    monkeypatch.setenv("NEWSLINE_DATA", str(tmp_path))
    assert ActorMatcher.default().actors("Atlantida and Venezuela") == ["Atlantis"]


@pytest.mark.parametrize(
    "kb, problem",
    [
        ({"actors": [{"name": "A", "type": "planet"}]}, "type must be"),
        ({"actors": [{"name": "A", "type": "state"}, {"name": "A", "type": "state"}]}, "listed twice"),
        ({"actors": [{"name": "A", "type": "person", "descriptions": [
            {"text": "the boss", "from": "2020-13-01", "to": None}]}]}, "not an ISO date"),
        ({"actors": [{"name": "A", "type": "person", "descriptions": [
            {"text": "the boss", "from": None, "to": None, "also": ["B"]}]}]}, "unknown actor"),
        ({"actors": [
            {"name": "A", "type": "person", "descriptions": [{"text": "the boss", "from": "2020-01-01", "to": "2022-01-01"}]},
            {"name": "B", "type": "person", "descriptions": [{"text": "the boss", "from": "2021-06-01", "to": None}]},
        ]}, "at the same time"),
    ],
)
def test_invalid_knowledge_base_is_refused(tmp_path, kb, problem):
    with pytest.raises(NewslineError, match=problem):
        ActorMatcher.from_file(_kb(tmp_path, kb))


def test_unreadable_knowledge_base(tmp_path):
    path = tmp_path / "actors.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(NewslineError, match="invalid JSON"):
        ActorMatcher.from_file(path)
    with pytest.raises(NewslineError, match="cannot read"):
        ActorMatcher.from_file(tmp_path / "missing.json")


def test_a_currency_is_no_state(m):
    assert m.actors("Biden la aumentó a US$ 25 millones.") == ["Joe Biden"]
    assert m.actors("The US offered $25 million.") == ["United States"]
