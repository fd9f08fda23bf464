"""Every example written beside a rule in newsline/rules/*.toml, run as a test.

An example names a sentence, its creation day, the TimeML expression the sentence must
yield (exact span), and its TIMEX3 type and value. The tagger as a whole runs on the
sentence, so an example also fails when another rule takes its expression away. Type
"none" is a reader's cue kept in the event table that TimeML does not mark ("later").
"""

from __future__ import annotations

import pytest

from newsline.events import tagger_for
from newsline.timex.rules import available_languages, load


def _examples():
    for language in available_languages():
        for name, example in load(language).examples:
            yield pytest.param(language, name, example, id=f"{language}:{name}:{example['timex']}")


@pytest.mark.parametrize("language, rule, example", list(_examples()))
def test_rule_example(language, rule, example):
    text = example["text"]
    assert example["timex"] in text, f"example of {rule}: {example['timex']!r} is not in its sentence"
    timexes = tagger_for(language).timexes(text, example["dct"])
    found = [(text[s:e], t, v) for tx in timexes for s, e, t, v, _ in tx.timeml_marks()]
    if example["type"] == "none":
        at = text.index(example["timex"])
        events = [tx for tx in timexes if tx.event and tx.rule == rule and tx.start <= at < tx.end]
        assert events and not found, f"{rule}: events {[t.text for t in events]}, TimeML {found}"
        return
    assert (example["timex"], example["type"], example["value"]) in found, f"{rule}: tagger gave {found}"


def test_every_rule_has_an_example():
    for language in available_languages():
        rules = load(language)
        with_examples = {name for name, _ in rules.examples}
        missing = [r.name for r in rules.rules if r.name not in with_examples]
        assert not missing, f"{language}.toml: rules without examples: {missing}"


@pytest.mark.parametrize("language, text, words", [
    ("en", 'The senator spoke on ABC News\' "This Week," on Sunday.', "This Week"),
    ("en", "He appeared on ABC's This Week with David Brinkley.", "This Week"),
    ("en", "The Standard & Poor's 500 index closed at 1678.5, and the Dow at 1190.43.", "1678.5"),
    ("en", "The Standard & Poor's 500 index closed at 1678.5, and the Dow at 1190.43.", "1190.43"),
])
def test_false_dates_are_not_tagged(language, text, words):
    """A programme's title and an index level are no times."""
    at = text.index(words)
    for tx in tagger_for(language).timexes(text, "1990-08-13"):
        for s, e, _, _, _ in tx.timeml_marks():
            assert not (s < at + len(words) and at < e), f"tagged {text[s:e]!r}"
