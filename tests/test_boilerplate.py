"""Trailing boilerplate: cut page notices, never article text."""

from __future__ import annotations

import json

import pytest

from newsline.boilerplate import body_end, is_boilerplate_line
from newsline.ingest import load_file
from newsline.language import detect, line_language

from support.corpus_paths import SEED_TXT
from support.corpus_paths import CORPUS_ARTICLES

CORPUS = sorted(CORPUS_ARTICLES.glob("*.json"))

STORY = (
    "Venezuela released two detained Americans on Tuesday, a day after a rare visit to Caracas "
    "by senior officials from Washington, the White House said in a statement.\n\n"
    "The men had been held for more than four years and were flown to Florida late on Tuesday night.\n\n"
)
CUENTO = (
    "El gobierno de Venezuela liberó el martes a dos estadounidenses detenidos, un día después de "
    "una visita poco habitual de altos funcionarios de Washington a Caracas.\n\n"
)


def test_seed_ends_right_before_the_newsletter_line():
    text = SEED_TXT.read_text(encoding="utf-8")
    end = body_end(text, "en")
    assert end == text.index("Sign up for our weekly newsletter")
    assert text[:end].endswith("Maduro concluded.\n")


def test_corpus_is_present():
    assert len(CORPUS) == 27


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_clean_corpus_articles_lose_nothing(path):
    text = json.loads(path.read_text(encoding="utf-8"))["text"]
    assert body_end(text, "en") is None
    [article] = load_file(path)
    assert article.body == text


def test_pattern_lines_are_cut_from_the_first_one():
    text = STORY + "Read more: Venezuela's opposition plans new protests\n\n© 2024 Example News. All rights reserved.\n"
    assert body_end(text, "en") == text.index("Read more:")


def test_foreign_language_line_is_cut_without_any_pattern():
    notice = "Este contenido solo está disponible para los lectores registrados del periódico."
    assert not is_boilerplate_line(notice)
    text = STORY + notice
    assert body_end(text, "en") == len(STORY)


def test_spanish_article_with_english_trailer():
    text = CUENTO + "This content is only available to registered readers of the newspaper.\n"
    assert body_end(text, "es") == len(CUENTO)
    assert body_end(CUENTO, "es") is None


def test_short_last_article_line_survives_a_copyright_line_after_it():
    text = STORY + "He was 76.\n\n© 2024 Example News"
    assert body_end(text, "en") == text.index("©")


def test_english_line_full_of_spanish_names_is_not_foreign():
    last = "President Nicolás Maduro confirmed the visit during televised remarks."
    assert line_language(last) == "en"
    assert body_end(STORY + last, "en") is None


def test_boilerplate_in_the_middle_is_not_cut():
    text = "Sign up for our newsletter\n\n" + STORY
    assert body_end(text, "en") is None


def test_long_sentence_that_mentions_a_subscription_is_not_a_notice():
    line = (
        "Subscribers to the state broadcaster said the newsletter they received in 2019 described how your "
        "account is checked by officials, a practice the opposition has denounced for years. " * 3
    )
    assert not is_boilerplate_line(line)
    assert body_end(STORY + line, "en") is None


def test_text_of_notices_only_is_not_cut_to_nothing():
    assert body_end("Subscribe now\n© 2024 Example News\n", "en") is None


def test_unsupported_article_language_uses_patterns_only():
    dutch = "Venezuela heeft dinsdag twee gevangen Amerikanen vrijgelaten na een bezoek aan Caracas.\n\n"
    text = dutch + "All rights reserved.\n"
    assert body_end(text, "nl") == len(dutch)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our weekly newsletter to get the best stories",
        "Subscribe to The Example Times",
        "Copyright 2024 Example Media",
        "Follow us on Instagram and X",
        "Tu suscripción se está usando en otro dispositivo",
        "(Reporting by Jane Doe; Editing by John Roe)",
    ],
)
def test_generic_patterns(line):
    assert is_boilerplate_line(line)


def test_detect_whole_texts():
    assert detect(STORY) == "en"
    assert detect(CUENTO) == "es"
    assert detect("12345 !!!") == "en"
