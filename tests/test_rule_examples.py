"""Every example written beside a rule in newsline/rules/*.toml, run as a test.

An example names a sentence, its creation day, the TimeML expression the sentence must
yield (exact span), and its TIMEX3 type and value. The tagger as a whole runs on the
sentence, so an example also fails when another rule takes its expression away.
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
    found = [(text[s:e], t, v) for tx in tagger_for(language).timexes(text, example["dct"])
             for s, e, t, v, _ in tx.timeml_marks()]
    assert (example["timex"], example["type"], example["value"]) in found, f"{rule}: tagger gave {found}"


def test_examples_cover_the_new_rule_families():
    named = {name for language in available_languages() for name, _ in load(language).examples}
    for rule in ("fiscal_quarter", "duration", "present_ref", "past_ref", "future_ref", "set_every",
                 "clock_time", "spelled_year", "year_range", "weekday_anchored", "period_end"):
        assert rule in named, f"no example for {rule}"
