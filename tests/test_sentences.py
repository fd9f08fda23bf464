"""Sentence boundaries in news prose."""

import pytest

from newsline.sentences import split


def sentences(text):
    return [text[s:e] for s, e in split(text)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Trump said Tuesday. He left.", ["Mr. Trump said Tuesday.", "He left."]),
    ("On Sept. 2, U.S. forces struck. Rubio spoke.", ["On Sept. 2, U.S. forces struck.", "Rubio spoke."]),
    ("Judge James E. Boasberg ruled. It stood.", ["Judge James E. Boasberg ruled.", "It stood."]),
    ('"We won," he said. "We will go on."', ['"We won," he said.', '"We will go on."']),
    ("It was signed (the agreement). , a company. Then it ended.",
     ["It was signed (the agreement). , a company.", "Then it ended."]),
    ("Tren de Aragua ... trying to poison. Next.", ["Tren de Aragua ... trying to poison.", "Next."]),
    ("First paragraph\n\nSecond one", ["First paragraph", "Second one"]),
    # a company's legal form: "Sociedad Anónima", "Compañía Anónima"
    ("Sanctions on Petróleos de Venezuela S.A. (PdVSA) were placed Monday. Next.",
     ["Sanctions on Petróleos de Venezuela S.A. (PdVSA) were placed Monday.", "Next."]),
])
def test_split(text, expected):
    assert sentences(text) == expected


def test_offsets_are_exact_and_ordered():
    text = "  One. Two!  Three?\n\nFour.  "
    spans = split(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two!", "Three?", "Four."]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_hard_wrapped_text_keeps_sentences_whole():
    text = ("Officials said the talks would resume in the capital after a pause of\n"
            "several weeks, according to people familiar with the plans. It happened in early\n"
            "January 2024 that the two delegations met again in Barbados to discuss the\n"
            "electoral roadmap and the release of prisoners held since the protests.\n"
            "The meeting lasted three hours and ended without a joint statement from\n"
            "either side.")
    got = sentences(text)
    assert len(got) == 3
    assert got[1].startswith("It happened in early\nJanuary 2024")


def test_a_line_break_still_ends_a_headline():
    text = "Maduro offers Trump his experience\nThe message comes at a time of uncertainty. It ends."
    assert sentences(text)[0] == "Maduro offers Trump his experience"
