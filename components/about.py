"""What the data is: one line under the title, and how the dates are read (and how well)."""

from __future__ import annotations

import streamlit as st

LANGUAGES = {"en": "English", "es": "Spanish"}

# From docs/evaluation.md: the held-out figures are the first run on articles annotated before
# the rules were tuned on them; the development corpus is an upper bound.
HOW_DATES_ARE_READ = """
**How the dates are read.** Every date in an article is read automatically, by rules written for
news English and Spanish (no language model): "July 28" in a December 2024 article is 2024-07-28,
"last Sunday" is the Sunday before publication, "in his first term" is the term the knowledge base
records. A week, month, year or range is drawn as a line over the whole period. A date that can't be
pinned down ("days earlier", "in recent years") is kept *unresolved* and listed under the chart,
never given an invented day. Events from several articles that state the same dated fact are merged;
each fact links to the sentences it was read from.

**How well.** On 8 held-out articles annotated by hand before any tuning on them, the first run found
97% of the date expressions (detection F1 0.97) and put 85% of the events on the right date (event
F1 0.85). On the 27-article development corpus the rules were written against it scores 1.00, an
upper bound. Actors are harder: actor F1 0.53 on the held-out set. Figures and how to reproduce them:
`docs/evaluation.md`.

**Where it fails.** Tense read from the wrong clause (an announced event counted as reported),
seasons, quarters and decades written in unusual ways, a date anchored on an aside rather than
on the article's own day, and actors named only by a description the knowledge base does not know.
An archive page without a publication date is dated from its text, which can be a day off.
"""


def about_line(about: dict) -> str:
    languages = " and ".join(LANGUAGES.get(code, code) for code in about["languages"]) or "no language"
    period = (f"published {about['first']}–{about['last']}" if about["first"] and about["first"] != about["last"]
              else f"published {about['first']}" if about["first"] else "")
    parts = [f"{about['articles']:,} article{'s' if about['articles'] != 1 else ''}",
             f"{about['outlets']:,} outlet{'s' if about['outlets'] != 1 else ''}", languages, period]
    return "From " + " · ".join(p for p in parts if p) + " · dates read automatically (see About)."


def render_about(about: dict, where=st) -> None:
    where.caption(about_line(about))
    with where.expander("About this data", icon=":material/info:"):
        st.markdown(HOW_DATES_ARE_READ)
