"""Topic taxonomy and keyword assignment."""

from __future__ import annotations

import pytest

from newsline import topics
from newsline.errors import NewslineError
from newsline.topics import Taxonomy, assign

IDS = [
    "elections", "security-crime", "migration-deportation", "oil-sanctions",
    "diplomacy-talks", "military", "justice-prisoners",
]


def test_taxonomy_ids_and_labels():
    assert list(topics.TOPICS) == IDS
    assert all(isinstance(label, str) and label for label in topics.TOPICS.values())
    assert topics.TOPICS["oil-sanctions"] == "Oil and sanctions"


@pytest.mark.parametrize(
    "text, topic",
    [
        ("Voters cast their ballots in the presidential election.", "elections"),
        ("He was sworn in at his inauguration on January 10.", "elections"),
        ("The gang smuggled cocaine for the cartel.", "security-crime"),
        ("Narco-trafficking networks expanded.", "security-crime"),
        ("Deportation flights resumed with 130 migrants aboard.", "migration-deportation"),
        ("Trump invoked the Alien Enemies Act.", "migration-deportation"),
        ("Venezuelans were granted TPS.", "migration-deportation"),
        ("Chevron received a licence to export crude.", "oil-sanctions"),
        ("Treasury lifted sanctions on PDVSA.", "oil-sanctions"),
        ("Envoys resumed talks on a diplomatic agreement.", "diplomacy-talks"),
        ("Negotiations with the opposition continued.", "diplomacy-talks"),
        ("A boat strike by the Navy killed 11 people.", "military"),
        ("Warships and troops were deployed to the Caribbean.", "military"),
        ("The prisoner swap freed ten detained Americans.", "justice-prisoners"),
        ("He was extradited after a federal indictment.", "justice-prisoners"),
        ("A $50 million bounty was offered.", "justice-prisoners"),
    ],
)
def test_each_topic_in_english(text, topic):
    assert topic in assign(text)


@pytest.mark.parametrize(
    "text, topic",
    [
        ("Las elecciones presidenciales serán en julio.", "elections"),
        ("El narcotráfico y las pandillas crecen.", "security-crime"),
        ("La deportación de migrantes venezolanos continúa.", "migration-deportation"),
        ("Nuevas sanciones al petróleo venezolano.", "oil-sanctions"),
        ("El diálogo entre el Gobierno y la oposición.", "diplomacy-talks"),
        ("El despliegue militar en el Caribe.", "military"),
        ("Liberaron a los presos políticos.", "justice-prisoners"),
    ],
)
def test_each_topic_in_spanish(text, topic):
    assert topic in assign(text)


def test_no_topic():
    assert assign("The weather in Caracas was mild on Sunday.") == []
    assert assign("") == []


def test_whole_words_only():
    assert assign("Political turmoil followed.") == []  # not "oil"
    assert assign("According to the report, he spoke.") == []  # not "accord"
    assert assign("The OIL price rose.") == ["oil-sanctions"]  # case-insensitive


def test_topics_come_in_taxonomy_order():
    text = "After talks, the prisoner swap eased oil sanctions before the election."
    assert assign(text) == ["elections", "oil-sanctions", "diplomacy-talks", "justice-prisoners"]


def test_custom_taxonomy_stems_and_phrases(tmp_path):
    path = tmp_path / "topics.toml"
    path.write_text(
        '[a]\nlabel = "A"\nkeywords = ["sanction*", "oil"]\n'
        '[b]\nlabel = "B"\nkeywords = ["Alien Enemies Act", "petróleo"]\n',
        encoding="utf-8",
    )
    tax = Taxonomy.from_file(path)
    assert tax.labels == {"a": "A", "b": "B"}
    assert tax.assign("new sanctions") == ["a"]
    assert tax.assign("oily rags") == []  # "oil" is a whole word, not a stem
    assert tax.assign("el PETROLEO") == ["b"]  # accents and case folded
    assert tax.assign("the Alien Enemies Act of 1798") == ["b"]
    assert tax.assign("alien enemies") == []


def test_data_folder_can_be_overridden(tmp_path, monkeypatch):
    (tmp_path / "topics.toml").write_text('[x]\nlabel = "X"\nkeywords = ["zebra"]\n', encoding="utf-8")
    monkeypatch.setenv("NEWSLINE_DATA", str(tmp_path))
    assert topics.TOPICS == {"x": "X"}
    assert assign("a zebra and some oil") == ["x"]


@pytest.mark.parametrize(
    "content, problem",
    [
        ("[a]\nkeywords = ['x']\n", "needs a label"),
        ("[a]\nlabel = 'A'\nkeywords = []\n", "keywords"),
        ("[a]\nlabel = 'A'\nkeywords = ['*']\n", "empty keyword"),
        ("[a\n", "invalid TOML"),
        ("", "no topics"),
    ],
)
def test_invalid_taxonomy_is_refused(tmp_path, content, problem):
    path = tmp_path / "topics.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NewslineError, match=problem):
        Taxonomy.from_file(path)
