"""Facts: events that state the same dated fact merge; distinct facts never do."""

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from support.rows import event_row
from support.corpus_paths import CORPUS_ARTICLES
from newsline.errors import NewslineError
from newsline.ingest import article_file
from newsline.merge import _prepare, date_relation, link, merge_events
from newsline.syndication import syndication_groups
from newsline.store import read_facts, write_facts
from newsline.model import EVENT_COLUMNS

MADURO = ["United States", "Nicolás Maduro"]

REWARD_ANEWS = ("The US increased the reward for information leading to the arrest of Venezuelan President "
                "Nicolas Maduro to $25 million on Friday as he was sworn in for a third term in office.")
REWARD_PRESSTV = ("The US State Department has raised the reward for information leading to the arrest or "
                  "conviction of Venezuelan President Nicolás Maduro, on the day he was sworn in for a third "
                  "six-year term in office, from $15 million to $25 million.")
OATH_PRESSTV = ("On Friday, President Maduro took the oath of office, vowing his third six-year term in office "
                "would be a “period of peace.”")
ALIEN_AP = ("On Friday, March 14, President Donald Trump invoked the Alien Enemies Act, a 1798 law giving him "
            "immense powers to deport noncitizens in a time of war.")
ALIEN_ELMUNDO = ("This Saturday, and after repeatedly announcing and promising it during his campaign, the US "
                 "President, Donald Trump, invoked the Alien Enemies Act, a controversial provision from 1798 "
                 "that has only been used three times in history, always in times of war.")


def day(article, sentence, date_text, value, **kw):
    kw.setdefault("actors", MADURO)
    kw.setdefault("topics", ["justice-prisoners"])
    return event_row(article, sentence, date_text, value, value, value, "day", **kw)


def frame(*rows):
    return pd.DataFrame(list(rows), columns=EVENT_COLUMNS)


def merged_groups(facts):
    """The merged facts as sets of (article, date text); an article by its file's name without suffix."""
    return {
        frozenset((Path(article_file(ev["article_id"])).stem, ev["date_text"]) for ev in evidence)
        for evidence in facts["evidence"] if len(evidence) > 1
    }


def test_the_same_fact_from_two_outlets_is_one_fact_with_both_sources_as_evidence():
    events = frame(
        day("anews", REWARD_ANEWS, "on Friday", "2025-01-10", source="A News", resolution="relative"),
        day("presstv", REWARD_PRESSTV, "on the day he was sworn in", "2025-01-10", source="Press TV",
            resolution="anchored"),
    )
    facts = merge_events(events)
    assert len(facts) == 1
    fact = facts.iloc[0]
    assert fact["sources"] == 2 and fact["articles"] == 2
    assert sorted(fact["member_event_ids"]) == sorted(events["event_id"])
    assert {ev["source"] for ev in fact["evidence"]} == {"A News", "Press TV"}
    assert {ev["date_text"] for ev in fact["evidence"]} == {"on Friday", "on the day he was sworn in"}
    assert all(ev["url"] and ev["sentence"] for ev in fact["evidence"])
    assert fact["value"] == "2025-01-10" and not fact["dates_disagree"]
    reason = fact["merge_reason"]
    assert "same day 2025-01-10" in reason and "Nicolás Maduro" in reason and "token_set_ratio" in reason


def test_two_facts_on_the_same_day_with_the_same_actors_stay_apart():
    # Same day, same actors, same topics, even the same outlet's wording about the
    # swearing-in: the reward and the oath are two facts.
    events = frame(
        day("anews", REWARD_ANEWS, "on Friday", "2025-01-10", topics=["elections", "justice-prisoners"]),
        day("presstv", OATH_PRESSTV, "On Friday", "2025-01-10", topics=["elections", "justice-prisoners"]),
    )
    facts = merge_events(events)
    assert len(facts) == 2
    assert (facts["sources"] == 1).all() and facts["merge_reason"].eq("").all()


def test_same_wording_but_different_figures_stays_apart():
    events = frame(
        day("a", "The US raised its reward for the arrest of Nicolás Maduro to $25 million on Friday.",
            "on Friday", "2025-01-10"),
        day("b", "The US raised its reward for the arrest of Nicolás Maduro to $50 million on Friday.",
            "on Friday", "2025-01-10"),
    )
    assert len(merge_events(events)) == 2


def test_only_generic_actors_in_common_is_not_enough():
    sentence = "The United States and Venezuela agreed on March 3, 2025 to resume deportation flights."
    events = frame(
        day("a", sentence, "March 3, 2025", "2025-03-03", actors=["United States", "Venezuela"]),
        day("b", sentence, "March 3, 2025", "2025-03-03", actors=["United States", "Venezuela"]),
    )
    assert len(merge_events(events)) == 2


def test_a_day_inside_its_month_merges_and_keeps_the_finer_date():
    events = frame(
        event_row("a", "Venezuela's electoral council declared Nicolás Maduro the winner of the July 2024 "
                  "presidential election.", "July 2024", "2024-07", "2024-07-01", "2024-07-31", "month",
                  actors=MADURO, topics=["elections"]),
        day("b", "Electoral authorities declared Nicolás Maduro the winner of the presidential election "
            "on July 28.", "on July 28", "2024-07-28", topics=["elections"], resolution="year-inferred"),
    )
    facts = merge_events(events)
    assert len(facts) == 1
    fact = facts.iloc[0]
    assert fact["value"] == "2024-07-28" and fact["granularity"] == "day"
    assert fact["dates"] == ["2024-07", "2024-07-28"] and not fact["dates_disagree"]
    assert "day 2024-07-28 within month 2024-07" in fact["merge_reason"]


def test_sources_that_disagree_by_a_day_keep_both_dates_and_are_flagged():
    events = frame(
        day("ap", ALIEN_AP, "On Friday, March 14", "2025-03-14", actors=["Donald Trump"],
            topics=["migration-deportation"], resolution="year-inferred"),
        day("elmundo", ALIEN_ELMUNDO, "This Saturday", "2025-03-15", actors=["Donald Trump"],
            topics=["migration-deportation"], resolution="relative"),
    )
    facts = merge_events(events)
    assert len(facts) == 1
    fact = facts.iloc[0]
    assert fact["dates_disagree"] and fact["dates"] == ["2025-03-14", "2025-03-15"]
    assert "dates disagree by 1 day" in fact["merge_reason"]


def test_two_explicit_dates_a_day_apart_are_two_facts():
    # Written out in full by both sources: not a reporting-day shift but two strikes.
    a = "U.S. forces struck a drug boat off Venezuela on September 15, 2025, Pete Hegseth said."
    b = "U.S. forces struck a drug boat off Venezuela on September 16, 2025, Pete Hegseth said."
    events = frame(
        day("x", a, "September 15, 2025", "2025-09-15", actors=["Pete Hegseth"], topics=["military"]),
        day("y", b, "September 16, 2025", "2025-09-16", actors=["Pete Hegseth"], topics=["military"]),
    )
    assert len(merge_events(events)) == 2


def test_unresolved_and_same_article_events_never_merge():
    sentence = "Nicolás Maduro met the US envoy in Caracas days earlier to discuss the prisoners."
    events = frame(
        event_row("a", sentence, "days earlier", None, None, None, "unresolved", resolution="unresolved",
                  actors=MADURO),
        event_row("b", sentence, "days earlier", None, None, None, "unresolved", resolution="unresolved",
                  actors=MADURO),
        day("c", "Nicolás Maduro met the US envoy in Caracas on Monday to discuss the prisoners.", "on Monday",
            "2025-01-06", offset=10),
        day("c", "Nicolás Maduro met the US envoy in Caracas on Monday to discuss the prisoners again.",
            "on Monday", "2025-01-06", offset=300),
    )
    facts = merge_events(events)
    assert len(facts) == 4 and (facts["articles"] == 1).all()


def test_syndicated_reprints_count_as_one_source():
    title = "Venezuela frees ten Americans in exchange for migrants held in El Salvador"
    wire = ("Venezuela has freed 10 Americans in exchange for Venezuelans whom the United States had sent to "
            "a prison in El Salvador, the U.S. and Salvadoran governments said Friday.")
    own = ("Ten Americans were freed by Venezuela on Friday in exchange for Venezuelans the United States had "
           "sent to a prison in El Salvador, the governments of the U.S. and El Salvador said.")
    kw = dict(actors=["Venezuela", "United States", "El Salvador"], topics=["justice-prisoners"])
    events = frame(
        day("wire-ap", wire, "Friday", "2025-07-18", title=title, source="AP", **kw),
        day("wire-repost", wire, "Friday", "2025-07-18", title=title, source="KASU (AP)", **kw),
        day("npr", own, "on Friday", "2025-07-18", title="Prisoner swap frees 10 Americans", source="NPR", **kw),
    )
    groups = syndication_groups(events)
    assert groups["wire-ap"] == groups["wire-repost"] != groups["npr"]
    facts = merge_events(events)
    assert len(facts) == 1
    fact = facts.iloc[0]
    assert fact["articles"] == 3 and fact["sources"] == 2
    assert "reprints of one story" in fact["merge_reason"]


def test_every_pair_in_a_fact_is_linked_not_just_a_chain():
    # b is close to a and to c, but a and c are two different statements: complete linkage
    # keeps the fact to the strongest pair instead of chaining all three.
    a = "Nicolás Maduro was declared winner of the presidential election by the electoral council on July 28."
    b = ("Nicolás Maduro was declared winner of the presidential election on July 28, and the opposition "
         "rejected the electoral council result and called protests.")
    c = "The opposition rejected the result of the presidential election on July 28 and called protests."
    kw = dict(actors=["Nicolás Maduro", "Venezuelan opposition"], topics=["elections"])
    events = frame(day("a", a, "on July 28", "2024-07-28", **kw), day("b", b, "on July 28", "2024-07-28", **kw),
                   day("c", c, "on July 28", "2024-07-28", **kw))
    facts = merge_events(events)
    assert sorted(facts["articles"]) == [1, 2]  # b joins one of them; a and c never share a fact
    merged = next(ev for ev in facts["evidence"] if len(ev) == 2)
    assert "b" in {ev["article_id"] for ev in merged}


def test_merging_does_not_depend_on_row_order(shipped):
    first = merge_events(shipped)
    rows = shipped.sample(frac=1.0, random_state=random.Random(7).randint(0, 10**6)).reset_index(drop=True)
    second = merge_events(rows)
    key = lambda f: sorted(zip(f["fact_id"], f["merge_reason"], f["value"]))  # noqa: E731
    assert key(first) == key(second)


@pytest.fixture(scope="module")
def shipped():
    from newsline.store import events_path
    from newsline.store import read_events

    return read_events(events_path())


# The facts of the shipped table that more than one article states, each read and judged one real
# happening by hand (docs/evaluation.md, "Merged events"). Every merged group must lie within one of
# them: a merge that joins anything else fails this test until someone has read it.
CHECKED_BY_HAND = [
    # the presidential vote of 2024-07-28 and its declared result
    {("elpais-2024-12-03-maduro-trump-security", "July 28"),
     ("elpais-2024-12-03-maduro-trump-security", "in the July elections"), ("anews-2025-01-10-reward-25m", "July 2024"),
     ("democracynow-2024-07-29-election-result", "Sunday’s"), ("democracynow-2024-07-29-election-result", "today’s"),
     ("presstv-2025-01-11-bounty", "on July 28"), ("sputnik-2024-08-02-blinken-gonzalez", "July 28")},
    # the $25 million reward of 2025-01-10
    {("anews-2025-01-10-reward-25m", "on Friday"), ("presstv-2025-01-11-bounty", "on the day he was sworn in"),
     ("tag24-2025-08-07-bounty-50m", "in January")},
    # the inauguration of 2025-01-10
    {("elpais-2024-12-03-maduro-trump-security", "on January 10, 2025"), ("presstv-2025-01-11-bounty", "On Friday")},
    # the Alien Enemies Act, a law of 1798, and its invocation (signed on the 14th, made public on the 15th)
    {("ap-wokv-2025-04-05-alien-enemies-takeaways", "1798"), ("elmundo-america-2025-03-17-alien-enemies", "from 1798")},
    {("ap-wokv-2025-04-05-alien-enemies-takeaways", "On Friday, March 14"),
     ("elmundo-america-2025-03-17-alien-enemies", "This Saturday")},
    # the first boat strike, 2025-09-02
    {("cbs-2025-09-03-first-boat-strike", "a day after"), ("cbs-2025-09-03-first-boat-strike", "Tuesday"),
     ("idahonews-2025-10-03-fourth-boat-strike", "On Sept. 2")},
    # the 2024 presidential election the Barbados agreement prepares, and when it is to be held
    {("cnn-codelist-2024-01-30-license44", "in this year’s"), ("cnn-codelist-2024-01-30-license44", "2024"),
     ("finalcall-2023-10-24-barbados-agreement", "2024"), ("reuters-2023-10-18-barbados-deal", "2024")},
    {("finalcall-2023-10-24-barbados-agreement", "in the second half of next year"),
     ("reuters-2023-10-18-barbados-deal", "in the second half of next year")},
    # the announcement of the Barbados agreement, 2023-10-17
    {("finalcall-2023-10-24-barbados-agreement", "October 17"), ("reuters-2023-10-18-barbados-deal", "Tuesday’s")},
    # the Saab swap, 2023-12-20
    {("dailybeast-2023-12-20-saab-swap", "Wednesday"), ("dw-2023-12-20-prisoner-swap", "on Wednesday")},
    # groups read by hand on the table built from the 1998-2026 archive (docs/evaluation.md)

    ({("anews-2025-01-10-reward-25m", "on Friday"),
               ("presstv-2025-01-11-bounty", "on the day he was sworn in")}),
    ({("ap-wokv-2025-04-05-alien-enemies-takeaways", "On Friday, March 14"),
               ("elmundo-america-2025-03-17-alien-enemies", "This Saturday")}),
    ({("democracynow-2024-07-29-election-result", "Sunday’s"),
               ("presstv-2025-01-11-bounty", "on July 28")}),
    ({("finalcall-2023-10-24-barbados-agreement", "2024"),
               ("reuters-2023-10-18-barbados-deal", "2024")}),
    ({("finalcall-2023-10-24-barbados-agreement", "in the second half of next year"),
               ("reuters-2023-10-18-barbados-deal", "in the second half of next year")}),
    ({("finalcall-2023-10-24-barbados-agreement", "October 17"),
               ("reuters-2023-10-18-barbados-deal", "Tuesday’s")}),
    # The 1998-2026 archive (docs/evaluation.md, rows 7-16).
    ({("anews-2025-01-10-reward-25m", "on Friday"),
               ("presstv-2025-01-11-bounty", "on the day he was sworn in"),
               ("inewsguyana-2025-01-10-maduro-reward", "on the day he was sworn in")}),
    ({("cnbc-2017-08-11-military-option", "on Friday"),
               ("tsonnews-2018-09-08-coup-plot-meetings", "last year")}),
    ({("dailybeast-2023-12-20-saab-swap", "Just last year"),
               ("reuters-2022-10-01-prisoner-swap-nephews", "on Saturday")}),
    ({("democracynow-2024-07-29-election-result", "today’s"),
               ("minuto60-2024-11-19-gonzalez-presidente-electo", "el 28 de julio")}),
    ({("inewsguyana-2025-01-10-maduro-reward", "On Friday"), ("presstv-2025-01-11-bounty", "On Friday")}),
    ({("newsmax-2024-08-01-blinken-gonzalez", "July 28"), ("sputnik-2024-08-02-blinken-gonzalez", "July 28")}),
    ({("tag24-2025-08-07-bounty-50m", "Today"), ("wradio-2025-08-07-recompensa-maduro", "este jueves")}),
    ({("eldia-2017-01-14-obama-prorroga-decreto", "en marzo de 2015"),
               ("venezuelanalysis-2015-04-09-shannon-caracas-visit", "in March")}),
    ({("ibtimes-2017-02-13-el-aissami-kingpin", "on Monday"),
               ("startribune-2017-07-31-maduro-sanctioned", "in February")}),
    ({("nacion-2026-01-09-embajada-caracas", "El 3 de enero"),
               ("thefederal-2026-01-04-maduro-capture-oil", "January 3")}),
    # Chávez's speech to the UN General Assembly, 2006-09-20: "24 horas después de su polémico discurso
    # ante la Asamblea General de la ONU" dates that speech, a day before the Harlem one.
    ({("cnn-2006-09-20-chavez-bush-devil", "Wednesday"),
      ("notimerica-2006-09-22-chavez-diablo-harlem", "24 horas después")}),
    # One article's embassy closure, by its month and again by its year ("la embajada cerrada desde 2019").
    ({("nacion-2026-01-09-embajada-caracas", "en marzo de 2019"),
      ("nacion-2026-01-09-embajada-caracas", "desde 2019")}),
    # One article's two sentences of Hegseth's Fox & Friends interview of Wednesday morning, 2025-09-03 (he
    # "watched the strike live"; the US will "strike anyone trafficking"): one interview, told twice.
    ({("cbs-2025-09-03-first-boat-strike", "on Wednesday morning"),
      ("cbs-2025-09-03-first-boat-strike", "Wednesday morning")}),
    # The one deed of its class on its day, joined though the reports share no word (_only_of_its_day):
    # General License 44 of 2023-10-18, and the seven freed in the swap of 2022-10-01.
    {('caracaschronicles-2024-04-19-license-44a', 'on October 18th, 2023'), ('sunoticiero-2024-01-30-minerven-sanctions', 'El pasado 18 de octubre'), ('citynews-2023-10-18-sanctions-eased', 'Wednesday'), ('sunoticiero-2024-01-30-minerven-sanctions', 'en octubre de 2023')},
    {('dailybeast-2023-12-20-saab-swap', 'Just last year'), ('venezuelanalysis-2022-10-03-humanitarian-swap', 'Saturday'), ('reuters-2022-10-01-prisoner-swap-nephews', 'Today'), ('elsoldemexico-2022-10-01-canje-sobrinos', 'Hoy'), ('reuters-2022-10-01-prisoner-swap-nephews', 'on Saturday')},
]
CHECKED_BY_HAND = [set(f) for f in CHECKED_BY_HAND]


def _annotated_facts(name: str) -> list[set]:
    """The same-fact clusters of a hand-annotated set (tests/data/events)."""
    import tomllib

    data = tomllib.loads((Path(__file__).parent / "data" / "events" / name).read_text(encoding="utf-8"))
    return [{(Path(article_file(m[0])).stem, m[1]) for m in c["members"]} for c in data["cluster"]]


CHECKED_BY_HAND += _annotated_facts("facts_dev.toml") + _annotated_facts("facts_heldout.toml")
# Groups of the archive build under the coded merge, read by hand and judged one happening each.
CHECKED_BY_HAND += [
    {('elimpulso-2013-04-17-kerry-recuento-maduro', 'el lunes'), ('elpais-english-2013-06-06-kerry-jaua-meeting', 'just two months after')},
    {('elpais-2017-08-12-opcion-militar', 'este viernes por la noche'), ('tsonnews-2018-09-08-coup-plot-meetings', 'over the last year')},
    {('freepressjournal-2026-01-03-maduro-captured', 'Hours after'), ('thefederal-2026-01-04-maduro-capture-oil', 'late Saturday afternoon')},
    {('swissinfo-2016-06-22-shannon-maduro-talks', 'last year'), ('xinhua-2015-04-12-panama-summit-close', '2015')},
    {('elestimulo-2016-03-03-obama-renueva-emergencia', 'desde 2010'), ('local10-2012-01-08-consul-acosta-expelled', 'in 2010')},
    # no ambassadors exchanged since 2010, told by both ("sin embajadores desde 2010")
    {('elestimulo-2016-03-03-obama-renueva-emergencia', 'desde 2010'), ('wral-2018-05-22-diplomats-expelled', 'since 2010')},
    {('bloomberg-2024-07-01-talks-resume', 'July 28'), ('democracynow-2024-07-29-election-result', 'Sunday’s'), ('elpais-2024-12-03-maduro-trump-security', 'July 28'), ('inewsguyana-2025-01-10-maduro-reward', 'The 28 July'), ('presstv-2025-01-11-bounty', 'on July 28')},
    {('miamiherald-2022-03-08-americans-released', 'in 2019'), ('upi-2019-01-28-pdvsa-sanctions', 'less than a week after')},
    {('anews-2025-01-10-reward-25m', 'July 2024'), ('ecuadorendirecto-2025-02-27-licencias-chevron', 'en julio de 2024'), ('elpais-2024-12-03-maduro-trump-security', 'in the July elections')},
    {('nacion-2026-01-09-embajada-caracas', 'en marzo de 2019'), ('newsamericas-2020-02-05-guaido-state-union', 'last year')},
    {('guyanachronicle-2026-01-05-maduro-not-guilty', 'Saturday’s'), ('thefederal-2026-01-04-maduro-capture-oil', 'hours after')},
    {('elindependiente-2021-11-23-blinken-elecciones-regionales', 'del domingo'), ('presstv-2021-08-14-mexico-talks', 'in November')},
    {('elimpulso-2013-04-17-kerry-recuento-maduro', 'el domingo'), ('elpais-english-2013-06-06-kerry-jaua-meeting', 'April 14')},
    {('elpais-2024-12-03-maduro-trump-security', 'on January 10, 2025'), ('inewsguyana-2025-01-10-maduro-reward', 'On Friday'), ('minuto60-2024-11-19-gonzalez-presidente-electo', 'para el 10 de enero'), ('presstv-2025-01-11-bounty', 'On Friday')},
    {('larepublica-2020-12-06-pompeo-farsa-elecciones', 'en mayo de 2018'), ('telesur-2021-01-20-biden-guaido-recognition', '2018'), ('trt-2022-03-06-us-officials-caracas', 'in 2018')},
    {('aljazeera-2023-12-21-saab-prisoner-swap', 'on Wednesday'), ('dailybeast-2023-12-20-saab-swap', 'on Wednesday morning'), ('robertocavada-2023-12-20-canje-saab', 'Hoy')},
    # Groups of the tolerant linkage and related action classes, read by hand: the Guaidó recognition,
    # the Barbados agreement, the 28 July 2024 election, Maduro's capture (the raid and the flight out).
    {('telesur-2021-01-20-biden-guaido-recognition', 'in January 2019'), ('trt-2022-03-06-us-officials-caracas', 'in January 2019'), ('miamiherald-2022-03-08-americans-released', 'in 2019')},
    {('reuters-2023-10-18-barbados-deal', 'today'), ('finalcall-2023-10-24-barbados-agreement', 'on October 17')},
    {('elpais-2024-12-03-maduro-trump-security', 'in the July elections'), ('anews-2025-01-10-reward-25m', 'July 2024'), ('newsmax-2024-08-01-blinken-gonzalez', 'July 28'), ('minuto60-2024-11-19-gonzalez-presidente-electo', 'el 28 de julio'), ('sputnik-2024-08-02-blinken-gonzalez', 'July 28'), ('democracynow-2024-07-29-election-result', 'today’s')},
    {('nacion-2026-01-09-embajada-caracas', 'El 3 de enero'), ('businessstandard-2026-01-09-oil-executives', 'on Saturday'), ('thefederal-2026-01-04-maduro-capture-oil', 'late Saturday afternoon'), ('freepressjournal-2026-01-03-maduro-captured', 'Hours after')},
    # An article may now tell its happening twice in one fact ("on Wednesday" ... "Wednesday morning"):
    # groups read again with those second mentions. The 2024 group names the presidential vote of 2024
    # in each report (once listed as wrong; read again, the dated thing is that one vote every time).
    {('ap-ktbb-2023-10-18-deportation-flights', 'Wednesday'), ('rvtimes-2023-10-18-deportation-flight', 'on Wednesday'), ('rvtimes-2023-10-18-deportation-flight', 'on Wednesday morning')},
    {('citynews-2023-10-18-sanctions-eased', '2024'), ('cnn-codelist-2024-01-30-license44', '2024'), ('cnn-codelist-2024-01-30-license44', 'in this year’s'), ('finalcall-2023-10-24-barbados-agreement', '2024'), ('reuters-2023-10-18-barbados-deal', '2024')},
    {('miamiherald-2022-03-08-americans-released', 'last weekend'), ('miamiherald-2022-03-08-americans-released', 'over the weekend'), ('sumarium-2022-03-08-americans-released', 'el fin de semana')},
    {('cnbc-2020-04-22-chevron-wind-down', 'last year'), ('upi-2019-01-28-pdvsa-sanctions', 'Jan. 28'), ('upi-2019-01-28-pdvsa-sanctions', 'Monday')},
    {('aljazeera-2023-12-21-saab-prisoner-swap', 'on Wednesday'), ('aljazeera-2023-12-21-saab-prisoner-swap', 'today'), ('dailybeast-2023-12-20-saab-swap', 'Wednesday'), ('dailybeast-2023-12-20-saab-swap', 'Wednesday morning'), ('dailybeast-2023-12-20-saab-swap', 'on Wednesday morning'), ('dw-2023-12-20-prisoner-swap', 'on Wednesday'), ('robertocavada-2023-12-20-canje-saab', 'este miércoles'),
     # (Saab meeting his wife at the airport "minutos antes" of his words there: his return that day)
     ('robertocavada-2023-12-20-canje-saab', 'minutos antes')},
    {('bloomberg-2024-07-01-talks-resume', 'July 28'), ('democracynow-2024-07-29-election-result', 'Sunday’s'), ('democracynow-2024-07-29-election-result', 'today’s'), ('elpais-2024-12-03-maduro-trump-security', 'July 28'), ('inewsguyana-2025-01-10-maduro-reward', 'The 28 July'), ('minuto60-2024-11-19-gonzalez-presidente-electo', 'el 28 de julio'), ('newsmax-2024-08-01-blinken-gonzalez', 'July 28'), ('presstv-2025-01-11-bounty', 'on July 28'), ('sputnik-2024-08-02-blinken-gonzalez', 'July 28')},
    # Trump's meeting with oil executives, 2026-01-09, and his post of that morning announcing it
    {('businessstandard-2026-01-09-oil-executives', 'on Friday'), ('businessstandard-2026-01-09-oil-executives', 'today'), ('businessstandard-2026-01-09-oil-executives', 'Friday'), ('nuevaprensa-2026-01-30-licencia-petroleo', 'casi tres semanas después')},
    {('tag24-2025-08-07-bounty-50m', 'Today'), ('tag24-2025-08-07-bounty-50m', 'on Thursday'), ('wradio-2025-08-07-recompensa-maduro', 'este jueves')},
    {('jellyfish-2022-11-26-chevron-license', 'on Saturday'), ('newsday-tt-2025-02-27-chevron-licence', 'On November 26, 2022'), ('newsday-tt-2025-02-27-chevron-licence', 'that day')},
    {('elimpulso-2013-04-17-kerry-recuento-maduro', 'del domingo'), ('elimpulso-2013-04-17-kerry-recuento-maduro', 'el domingo'), ('elpais-english-2013-06-06-kerry-jaua-meeting', 'April 14')},
    {('ap-news4jax-2022-06-27-officials-caracas', 'in March'), ('reuters-2022-10-01-prisoner-swap-nephews', 'in March'), ('sumarium-2022-03-08-americans-released', 'el lunes')},
    {('democracynow-2024-07-29-election-result', 'today’s'), ('minuto60-2024-11-19-gonzalez-presidente-electo', 'el 28 de julio'), ('newsmax-2024-08-01-blinken-gonzalez', 'July 28'), ('sputnik-2024-08-02-blinken-gonzalez', 'July 28')},
    {('bloomberglinea-2023-10-17-acuerdos-barbados', 'para el segundo semestre del próximo año'), ('finalcall-2023-10-24-barbados-agreement', 'in the second half of next year'), ('reuters-2023-10-18-barbados-deal', 'in the second half of next year')},
    {('dailybeast-2023-12-20-saab-swap', 'in 2019'), ('thestar-2025-12-13-tanker-seizure', 'since 2019')},
    {('miamiherald-2022-03-08-americans-released', 'on the same day'), ('sumarium-2022-03-08-americans-released', 'el día de hoy')},
    {('biobio-2019-02-23-camiones-ayuda-quemados', 'este sábado'), ('sputnik-2019-02-24-arreaza-pompeo-aid', 'On 23 February')},
    {('cnbc-2020-04-22-chevron-wind-down', 'last year'), ('upi-2019-01-28-pdvsa-sanctions', 'Jan. 28')},
    # Groups of the merge that counts an article once in the share of links, ties reports in two
    # languages by names and figures, and lets the same side acting stand for the same actor: read by
    # hand, one happening each (the Saab swap with its statements of the day; the Chevron licence
    # "that day"; the Barbados agreement; Maduro's capture and the flight out).
    {('dailybeast-2023-12-20-saab-swap', 'Wednesday'), ('dw-2023-12-20-prisoner-swap', 'on Wednesday'), ('aljazeera-2023-12-21-saab-prisoner-swap', 'today'), ('aljazeera-2023-12-21-saab-prisoner-swap', 'on Wednesday'), ('dailybeast-2023-12-20-saab-swap', 'on Wednesday morning'), ('robertocavada-2023-12-20-canje-saab', 'este miércoles'), ('robertocavada-2023-12-20-canje-saab', 'Hoy')},
    {('newsday-tt-2025-02-27-chevron-licence', 'On November 26, 2022'), ('newsday-tt-2025-02-27-chevron-licence', 'that day'), ('jellyfish-2022-11-26-chevron-license', 'on Saturday'), ('ecuadorendirecto-2025-02-27-licencias-chevron', 'en noviembre de 2022')},
    {('reuters-2023-10-18-barbados-deal', 'on Tuesday'), ('bloomberglinea-2023-10-17-acuerdos-barbados', 'este martes'), ('citynews-2023-10-18-sanctions-eased', 'Tuesday’s'), ('reuters-2023-10-18-barbados-deal', 'today')},
    {('thefederal-2026-01-04-maduro-capture-oil', 'hours after'), ('freepressjournal-2026-01-03-maduro-captured', 'Hours after'), ('thefederal-2026-01-04-maduro-capture-oil', 'late Saturday afternoon'), ('guyanachronicle-2026-01-05-maduro-not-guilty', 'Saturday’s')},
    # Groups of the looser share (a quarter of the pairs of articles across), read by hand: the 2024
    # presidential vote, named by its month in some reports and by its year in others; the Barbados
    # talks and agreement of 17 October 2023; the recognition of Guaidó; Maduro's 2018 re-election.
    {('elpais-2024-12-03-maduro-trump-security', 'in the July elections'), ('anews-2025-01-10-reward-25m', 'July 2024'), ('cnn-codelist-2024-01-30-license44', 'in this year’s'), ('cnn-codelist-2024-01-30-license44', '2024'), ('finalcall-2023-10-24-barbados-agreement', '2024'), ('reuters-2023-10-18-barbados-deal', '2024'), ('citynews-2023-10-18-sanctions-eased', '2024')},
    {('finalcall-2023-10-24-barbados-agreement', 'on October 17'), ('reuters-2023-10-18-barbados-deal', 'on Tuesday'), ('reuters-2023-10-18-barbados-deal', 'today'), ('bloomberglinea-2023-10-17-acuerdos-barbados', 'este martes'), ('citynews-2023-10-18-sanctions-eased', 'Tuesday’s')},
    {('miamiherald-2022-03-08-americans-released', 'in 2019'), ('aljazeera-2019-01-24-guaido-recognition', 'on Wednesday'), ('telesur-2021-01-20-biden-guaido-recognition', 'in January 2019'), ('trt-2022-03-06-us-officials-caracas', 'in January 2019')},
    {('larepublica-2020-12-06-pompeo-farsa-elecciones', 'en mayo de 2018'), ('wral-2018-05-22-diplomats-expelled', 'On Sunday')},
    # Groups that finer action coding made, read by hand: the talks in Caracas on 5 March 2022; the
    # recognition of Guaidó in January 2019 (telesur's report, once coded as the re-election its
    # "claiming that" clause names); the oil sanctions of January 2019 "in force since 2019".
    {('ap-news4jax-2022-06-27-officials-caracas', 'on March 5'), ('trt-2022-03-06-us-officials-caracas', 'on Saturday')},
    {('miamiherald-2022-03-08-americans-released', 'in 2019'), ('upi-2019-01-28-pdvsa-sanctions', 'less than a week after'), ('trt-2022-03-06-us-officials-caracas', 'in January 2019'), ('telesur-2021-01-20-biden-guaido-recognition', 'in January 2019')},
    {('cnbc-2020-04-22-chevron-wind-down', 'last year'), ('thestar-2025-12-13-tanker-seizure', 'since 2019'), ('upi-2019-01-28-pdvsa-sanctions', 'Monday'), ('upi-2019-01-28-pdvsa-sanctions', 'Jan. 28')},
    # Groups that coded date relations made, read by hand: the talks in Caracas on 5 March 2022 told as
    # "on Saturday", "last weekend", "el fin de semana" and the talks "that started in March"; the
    # recognition of Guaidó with UPI's "less than a week after" (now a range, no longer one day).
    {('ap-news4jax-2022-06-27-officials-caracas', 'in March'), ('miamiherald-2022-03-08-americans-released', 'last weekend'), ('miamiherald-2022-03-08-americans-released', 'over the weekend'), ('reuters-2022-10-01-prisoner-swap-nephews', 'in March'), ('sumarium-2022-03-08-americans-released', 'el fin de semana'), ('trt-2022-03-06-us-officials-caracas', 'on Saturday')},
    {('miamiherald-2022-03-08-americans-released', 'in 2019'), ('aljazeera-2019-01-24-guaido-recognition', 'on Wednesday'), ('telesur-2021-01-20-biden-guaido-recognition', 'in January 2019'), ('trt-2022-03-06-us-officials-caracas', 'in January 2019'), ('upi-2019-01-28-pdvsa-sanctions', 'less than a week after')},
    # Maduro's capture on 3 January 2026 told in passing: a raid "to capture" him, "Saturday's U.S attack",
    # "el 3 de enero … ordenó un ataque", the plane carrying "the deposed leader" that evening, and two
    # "hours after" expressions, which date the capture their clause names.
    # The explosions heard in Caracas and the offensive that began at 1:50 a.m. that Saturday (right in
    # themselves) join it as reports naming nobody of the same strike the same day.
    # (with "the landing comes nearly two weeks after Maduro was captured" in two languages: a day short of
    # the two weeks, the capture's own day)
    {('bharathorizon-2026-01-deportation-flights-resume', 'nearly two weeks after'), ('elnuevodia-2026-01-17-vuelo-deportados', 'casi dos semanas después'),
     ('businessstandard-2026-01-09-oil-executives', 'on Saturday'), ('freepressjournal-2026-01-03-maduro-captured', 'Hours after'), ('guyanachronicle-2026-01-05-maduro-not-guilty', 'Saturday’s'), ('nacion-2026-01-09-embajada-caracas', 'El 3 de enero'), ('thefederal-2026-01-04-maduro-capture-oil', 'late Saturday afternoon'), ('thefederal-2026-01-04-maduro-capture-oil', 'hours after'),
     ('freepressjournal-2026-01-03-maduro-captured', 'on Saturday'), ('bluradio-2026-01-03-prueba-de-vida', 'sábado 3 de enero de 2026'),
     # ("Minutos después de que Trump anunciara la captura": the capture's day)
     ('bluradio-2026-01-03-prueba-de-vida', 'Minutos después')},
    # The nephews' arrest in Haiti and their flight to New York "el mismo día" (the same article tells both).
    {('nacion-2015-11-12-sobrinos-detenidos-haiti', 'el martes'), ('nacion-2015-11-12-sobrinos-detenidos-haiti', 'el mismo día'), ('wunc-2015-11-11-nephews-arrested-haiti', 'on Tuesday night')},
    # General License 44, issued on 18 October 2023: the Treasury's licences, the U.S. agreeing "Wednesday"
    # to suspend sanctions, and GL44 "which originally came into force on October 18th, 2023".
    {('sunoticiero-2024-01-30-minerven-sanctions', 'El pasado 18 de octubre'), ('citynews-2023-10-18-sanctions-eased', 'Wednesday'), ('caracaschronicles-2024-04-19-license-44a', 'on October 18th, 2023')},
    # Machado's 2025 Nobel Peace Prize, named by its year in two reports.
    {('versionfinal-2025-10-10-machado-nobel', '2025'), ('zeenews-2025-10-10-machado-nobel', '2025')},
    # The 2024 presidential election: the vote of July 28 (its declared result told "on July 28") and the
    # "2024 presidential elections" the Barbados reports look ahead to, joined now that an election told by
    # its year joins its day with the same party standing and no one acted upon in either.
    # (with the month told in three of its reports: "the July 2024 election", "in the July elections",
    # "las elecciones venezolanas celebradas en julio de 2024")
    {('anews-2025-01-10-reward-25m', 'July 2024'), ('elpais-2024-12-03-maduro-trump-security', 'in the July elections'),
     ('ecuadorendirecto-2025-02-27-licencias-chevron', 'en julio de 2024'),
     ('bloomberg-2024-07-01-talks-resume', 'July 28'), ('citynews-2023-10-18-sanctions-eased', '2024'), ('cnn-codelist-2024-01-30-license44', '2024'), ('cnn-codelist-2024-01-30-license44', 'in this year’s'), ('democracynow-2024-07-29-election-result', 'Sunday’s'), ('democracynow-2024-07-29-election-result', 'today’s'), ('elpais-2024-12-03-maduro-trump-security', 'July 28'), ('finalcall-2023-10-24-barbados-agreement', '2024'), ('inewsguyana-2025-01-10-maduro-reward', 'The 28 July'), ('minuto60-2024-11-19-gonzalez-presidente-electo', 'el 28 de julio'), ('newsmax-2024-08-01-blinken-gonzalez', 'July 28'), ('presstv-2025-01-11-bounty', 'on July 28'), ('reuters-2023-10-18-barbados-deal', '2024'), ('sputnik-2024-08-02-blinken-gonzalez', 'July 28')},
    # The same election told by its month.
    {('anews-2025-01-10-reward-25m', 'July 2024'), ('ecuadorendirecto-2025-02-27-licencias-chevron', 'en julio de 2024'), ('elpais-2024-12-03-maduro-trump-security', 'in the July elections')},
    # The first deportation flight from the US to Caracas, 2023-10-18, told twice by one of its reports.
    {('ap-ktbb-2023-10-18-deportation-flights', 'Wednesday'), ('rvtimes-2023-10-18-deportation-flight', 'on Wednesday'), ('rvtimes-2023-10-18-deportation-flight', 'on Wednesday morning')},
    # The Barbados agreement of 2023-10-17, and a later sentence of one report naming "Tuesday's agreement".
    {('bloomberglinea-2023-10-17-acuerdos-barbados', 'este martes'), ('citynews-2023-10-18-sanctions-eased', 'Tuesday’s'), ('finalcall-2023-10-24-barbados-agreement', 'on October 17'), ('reuters-2023-10-18-barbados-deal', 'Tuesday’s'), ('reuters-2023-10-18-barbados-deal', 'on Tuesday'), ('reuters-2023-10-18-barbados-deal', 'today')},
    # Maduro's re-election of 2018-05-20, told by its day, its month and its year.
    {('larepublica-2020-12-06-pompeo-farsa-elecciones', 'en mayo de 2018'), ('telesur-2021-01-20-biden-guaido-recognition', '2018'), ('trt-2022-03-06-us-officials-caracas', 'in 2018'), ('wral-2018-05-22-diplomats-expelled', 'On Sunday')},
    # One article telling its happening twice, no other report taking the second telling (merge._told_again):
    {('cnn-codelist-2024-01-30-license44', 'this Tuesday'), ('cnn-codelist-2024-01-30-license44', 'This Tuesday’s')},
    {('cnn-codelist-2024-01-30-license44', 'until April'), ('cnn-codelist-2024-01-30-license44', 'on April 18, 2024')},
    {('venezuelanalysis-2022-10-03-humanitarian-swap', 'Saturday'), ('dailybeast-2023-12-20-saab-swap', 'Just last year'),
     ('reuters-2022-10-01-prisoner-swap-nephews', 'on Saturday'), ('reuters-2022-10-01-prisoner-swap-nephews', 'Today')},
    {('sumarium-2022-03-08-americans-released', 'este martes'), ('miamiherald-2022-03-08-americans-released', 'Tuesday'),
     ('sumarium-2022-03-08-americans-released', 'el día de hoy')},
    # (Saab's return of 2023-12-20, coded an arrest in both sentences: "wrongly imprisoned ... landed", "until today")
    {('aljazeera-2023-12-21-saab-prisoner-swap', 'today'), ('aljazeera-2023-12-21-saab-prisoner-swap', 'on Wednesday night')},
    {('bloomberg-2024-07-01-talks-resume', 'this month'), ('bloomberg-2024-07-01-talks-resume', 'next Wednesday')},
    {('sunoticiero-2024-01-30-minerven-sanctions', 'El pasado 18 de octubre'), ('citynews-2023-10-18-sanctions-eased', 'Wednesday'),
     ('sunoticiero-2024-01-30-minerven-sanctions', 'en octubre de 2023')},
    {('cronista-2017-08-25-sanciones-financieras', 'hoy')},
    {('elindependiente-2021-11-23-blinken-elecciones-regionales', 'del domingo'),
     ('elindependiente-2021-11-23-blinken-elecciones-regionales', 'el domingo 21 de noviembre'), ('presstv-2021-08-14-mexico-talks', 'in November')},
    {('independentespanol-2025-10-17-sobrevivientes-ataque', 'del jueves')},
    {('ktar-2023-10-05-deportation-flights-resume', 'on Thursday'), ('ktar-2023-10-05-deportation-flights-resume', 'Thursday')},
    # (the cut-off of 31 July for protected status, named twice)
    {('ktar-2023-10-05-deportation-flights-resume', 'before July 31'), ('ktar-2023-10-05-deportation-flights-resume', 'July 31')},
    {('startribune-2017-07-31-maduro-sanctioned', "Sunday's"), ('startribune-2017-07-31-maduro-sanctioned', 'Sunday')},
    {('straitstimes-2018-11-01-gold-sanctions', 'on Thursday'), ('straitstimes-2018-11-01-gold-sanctions', 'Nov 1')},
    {('swissinfo-2016-06-22-shannon-maduro-talks', 'this year')},
    # (the seizure of 10 December, the last day the warrant allowed)
    {('thestar-2025-12-13-tanker-seizure', 'until December 10, 2025'), ('thestar-2025-12-13-tanker-seizure', 'on Wednesday')},
    {('venezuelanalysis-2015-04-09-shannon-caracas-visit', 'April 9th 2015'), ('venezuelanalysis-2015-04-09-shannon-caracas-visit', 'on Thursday')},
    {('washingtonpost-2025-02-01-grenell-americans-freed', 'Friday')},
    # (the first strike, and "the fourth since early September" that counts from it)
    {('cbs-2025-09-03-first-boat-strike', 'Tuesday'), ('idahonews-2025-10-03-fourth-boat-strike', 'On Sept. 2'),
     ('idahonews-2025-10-03-fourth-boat-strike', 'since early September'), ('cbs-2025-09-03-first-boat-strike', 'a day after')},
    # A sentence with no deed's word, told again by its article on the day of its one deed: the raid that
    # captured Maduro ("Hours after an audacious military operation ... on Saturday (January 3)"), the
    # deportation flight ("arriving hours later outside Caracas"), Saab's words on his release ("Hoy el
    # milagro de la libertad").
    {('bharathorizon-2026-01-deportation-flights-resume', 'nearly two weeks after'), ('bluradio-2026-01-03-prueba-de-vida', 'Minutos después'), ('bluradio-2026-01-03-prueba-de-vida', 'sábado 3 de enero de 2026'), ('businessstandard-2026-01-09-oil-executives', 'on Saturday'), ('elnuevodia-2026-01-17-vuelo-deportados', 'casi dos semanas después'), ('freepressjournal-2026-01-03-maduro-captured', 'Hours after'), ('freepressjournal-2026-01-03-maduro-captured', 'on Saturday'), ('guyanachronicle-2026-01-05-maduro-not-guilty', 'Saturday’s'), ('nacion-2026-01-09-embajada-caracas', 'El 3 de enero'), ('thefederal-2026-01-04-maduro-capture-oil', 'January 3'), ('thefederal-2026-01-04-maduro-capture-oil', 'hours after'), ('thefederal-2026-01-04-maduro-capture-oil', 'late Saturday afternoon')},
    {('ap-ktbb-2023-10-18-deportation-flights', 'Wednesday'), ('ap-ktbb-2023-10-18-deportation-flights', 'hours later'), ('rvtimes-2023-10-18-deportation-flight', 'on Wednesday'), ('rvtimes-2023-10-18-deportation-flight', 'on Wednesday morning')},
    {('aljazeera-2023-12-21-saab-prisoner-swap', 'on Wednesday'), ('dailybeast-2023-12-20-saab-swap', 'Wednesday'), ('dailybeast-2023-12-20-saab-swap', 'Wednesday morning'), ('dailybeast-2023-12-20-saab-swap', 'on Wednesday morning'), ('dw-2023-12-20-prisoner-swap', 'on Wednesday'), ('robertocavada-2023-12-20-canje-saab', 'Hoy'), ('robertocavada-2023-12-20-canje-saab', 'este miércoles')},
    # (no ambassadors "since 2010", told by two reports of relations: the ambassadors' visas revoked at the end
    # of 2010, the one deed of that kin the year holds)
    {('elestimulo-2016-03-03-obama-renueva-emergencia', 'desde 2010'), ('gaeatimes-2010-12-30-alvarez-visa-revoked', 'late Wednesday'), ('wral-2018-05-22-diplomats-expelled', 'since 2010')},
]

# Read by hand and judged wrong: kept visible here until the cause is fixed, when this test will
# say so.
WRONG_BY_HAND = [
    # Under the coded merge (docs/evaluation.md): two happenings of one class and compatible dates that
    # the codes cannot tell apart (a meeting and a trip the same Friday; a call request and covert
    # meetings; two things of 2019 or 2010), kept visible here until the cause is fixed.
    {('businessstandard-2026-01-09-oil-executives', 'Thursday'), ('newser-2026-01-15-machado-medal', 'Thursday')},
    {('miamiherald-2014-12-18-obama-signs-sanctions', 'this year'), ('reuters-2014-07-30-us-visa-restrictions', 'earlier this year')},
    {('bostonglobe-1999-09-13-overflights-barred', 'the end of May'), ('ips-1999-05-25-overflights-refused', 'Monday')},
    # The resumption of deportation flights "under the Biden administration" and "after the Biden
    # administration announced" it: two happenings dated by one period.
    {('rvtimes-2023-10-18-deportation-flight', 'after the Biden administration'), ('ap-ktbb-2023-10-18-deportation-flights', 'under the Biden administration')},
    # The 2025 inauguration and "his re-election to a term ending in 2025" (said in 2018): the term's end
    # falls on the day of the next oath, but the end of one term is not the oath of the next.
    {('elpais-2024-12-03-maduro-trump-security', 'on January 10, 2025'), ('inewsguyana-2025-01-10-maduro-reward', 'On Friday'), ('minuto60-2024-11-19-gonzalez-presidente-electo', 'para el 10 de enero'), ('presstv-2025-01-11-bounty', 'On Friday'), ('wral-2018-05-22-diplomats-expelled', 'in 2025')},
]


def test_on_the_shipped_table_every_merge_was_checked_by_hand(shipped):
    assert CORPUS_ARTICLES.is_dir(), "the development corpus belongs in shared/ beside the repository"
    facts = merge_events(shipped)
    assert len(facts) < len(shipped)
    assert sorted(e for ids in facts["member_event_ids"] for e in ids) == sorted(shipped["event_id"])
    groups = merged_groups(facts)
    unchecked = {g for g in groups if not any(g <= fact for fact in CHECKED_BY_HAND)}
    # Merges judged wrong stay listed (WRONG_BY_HAND) until their cause is fixed.
    unchecked = {g for g in unchecked if g not in [frozenset(w) for w in WRONG_BY_HAND]}
    assert not unchecked, f"merges not checked by hand: {unchecked}"
    # A wrong merge that no longer happens must leave the list, so the list says what is still wrong.
    stale = [w for w in WRONG_BY_HAND if frozenset(w) not in groups]
    assert not stale, f"merges judged wrong that no longer happen: {stale}"
    assert len(groups) >= 4
    assert facts["dates_disagree"].sum() >= 1


def test_fact_table_round_trips_and_refuses_other_versions(shipped, tmp_path):
    facts = merge_events(shipped)
    path = write_facts(facts, tmp_path / "facts.parquet")
    back = read_facts(path)
    assert back["fact_id"].tolist() == facts["fact_id"].tolist()
    assert back["evidence"].tolist() == facts["evidence"].tolist()
    assert back["member_event_ids"].tolist() == facts["member_event_ids"].tolist()
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({b"newsline.facts_schema_version": b"99"}), tmp_path / "v99.parquet")
    with pytest.raises(NewslineError, match="version 99"):
        read_facts(tmp_path / "v99.parquet")
    pq.write_table(pa.table({"x": [1]}), tmp_path / "other.parquet")
    with pytest.raises(NewslineError, match="not a Newsline fact table"):
        read_facts(tmp_path / "other.parquet")


def test_newsline_merge_reads_a_table_or_a_dataset_and_writes_the_facts(shipped, tmp_path, capsys):
    from newsline.cli import main
    from newsline.engines.dataset import write_dataset
    from newsline.store import ARROW_SCHEMA

    import pyarrow as pa

    table = pa.Table.from_pandas(shipped, schema=ARROW_SCHEMA, preserve_index=False)
    write_dataset(table, tmp_path / "events", [(0, 50), (50, table.num_rows)])
    out = tmp_path / "facts.parquet"
    assert main(["merge", str(tmp_path / "events"), "--out", str(out)]) == 0
    said = capsys.readouterr().err
    facts = read_facts(out)
    assert f"{len(facts)} facts from {len(shipped)} events" in said
    assert facts["fact_id"].tolist() == merge_events(shipped)["fact_id"].tolist()
    assert main(["merge", str(tmp_path / "none.parquet"), "--out", str(out)]) == 2


def test_shipped_fact_table_is_what_merge_makes_of_the_shipped_events(shipped):
    from newsline.store import data_dir

    path = data_dir() / "facts.parquet"
    assert path.exists(), "data/facts.parquet is shipped with the event table"
    shipped_facts, rebuilt = read_facts(path), merge_events(shipped)
    assert shipped_facts["fact_id"].tolist() == rebuilt["fact_id"].tolist(), \
        "data/facts.parquet is stale: run `newsline build --corpus ../shared/corpus/articles` (or `newsline merge`)"
    assert shipped_facts["merge_reason"].tolist() == rebuilt["merge_reason"].tolist()


def _coded(*articles):
    """Events coded by the real extractor from (id, language, published, text) articles."""
    from newsline.events import extract_events
    from newsline.model import Article
    from newsline.store import to_frame

    return to_frame([r for aid, lang, pub, text in articles
                     for r in extract_events(Article(aid, text, published=pub, language=lang))])


def _events(*articles) -> list:
    """The prepared events of (id, language, published, text) articles, coded by the real extractor."""
    return _prepare(_coded(*articles).reset_index(drop=True), {})


def _reports(published: str, *texts: str) -> list:
    """The prepared events of English reports r0, r1, ... published one day, one text each."""
    return _prepare(_coded(*[(f"r{n}", "en", published, t) for n, t in enumerate(texts)]).reset_index(drop=True), {})


def _misread(events: list, n: int, source: str, target: str) -> None:
    """Event ``n`` as a report that misread who acted on whom."""
    from dataclasses import replace

    events[n] = replace(events[n], source=frozenset({source}), target=frozenset({target}))


def _joined(events) -> tuple[list[set], pd.DataFrame]:
    """The facts, and the articles of each one stated by more than one article."""
    facts = merge_events(events)
    return [{ev["article_id"] for ev in f.evidence} for f in facts.itertuples() if f.articles > 1], facts


def test_a_raid_and_the_capture_it_made_are_one_fact_in_two_languages_and_a_later_strike_is_not():
    events = _coded(
        ("capture-en", "en", "2026-01-04",
         "US agents captured Nicolás Maduro in Caracas on Saturday and flew him to New York."),
        ("raid-es", "es", "2026-01-04",
         "Estados Unidos lanzó el sábado un ataque militar sobre Caracas en el que Nicolás Maduro fue capturado."),
        ("strike-en", "en", "2026-01-06", "US forces struck targets near Caracas again on Monday."),
    )
    assert set(events["action"]) == {"arrest", "military"}
    facts = merge_events(events)
    joined = facts[facts["articles"] == 2].iloc[0]
    assert {ev["article_id"] for ev in joined["evidence"]} == {"capture-en", "raid-es"}
    assert "related actions military and arrest" in joined["merge_reason"]
    assert "same day 2026-01-03" in joined["merge_reason"] and "Nicolás Maduro" in joined["merge_reason"]
    assert len(facts) == 2


def test_many_reports_join_though_not_every_pair_links_but_never_across_a_conflict():
    # Three reports of one reward: the Spanish one links to both English ones; those two, a day and
    # its month in one language with no word in common, do not link to each other. None contradicts
    # another, so they are one fact.
    one = _coded(
        ("a", "en", "2025-08-08", "Attorney General Pam Bondi announced on Thursday a $50 million reward "
                                  "for information leading to the arrest of Nicolás Maduro."),
        ("b", "en", "2025-09-15", "In August, Washington doubled its bounty on Nicolás Maduro."),
        ("c", "es", "2025-08-08", "Estados Unidos elevó el jueves a 50 millones de dólares la recompensa "
                                  "por Nicolás Maduro."),
    )
    a, b, _ = _prepare(one.reset_index(drop=True), {})
    assert link(a, b) is None
    facts = merge_events(one)
    assert list(facts["articles"]) == [3]
    # A $25 million reward the same day conflicts with the $50 million one: whatever links them to
    # a third report, the two sums never share a fact.
    two = _coded(
        ("a", "en", "2025-08-08", "The US raised its reward for Nicolás Maduro to $25 million on Thursday."),
        ("b", "en", "2025-08-08", "The US raised its reward for Nicolás Maduro to $50 million on Thursday."),
        ("c", "es", "2025-08-08", "Estados Unidos elevó el jueves la recompensa por Nicolás Maduro."),
    )
    facts = merge_events(two)
    for evidence in facts["evidence"]:
        assert {"a", "b"} - {ev["article_id"] for ev in evidence}


def test_an_article_that_tells_its_happening_twice_keeps_both_mentions_in_one_fact():
    events = _coded(
        ("cbs", "en", "2025-09-03", "The US military struck a boat from Venezuela on Tuesday, killing 11 people. "
                                    "The United States carried out Tuesday's strike under new orders."),
        ("elpais", "es", "2025-09-03", "Estados Unidos atacó el martes una lancha que salió de Venezuela."),
    )
    assert len(events) == 3 and set(events["action"]) == {"military"}
    facts = merge_events(events)
    assert list(facts["articles"]) == [2] and len(facts.iloc[0]["member_event_ids"]) == 3


def test_two_languages_the_same_day_need_more_than_venezuela_acted_upon_in_both():
    # Only a generic party acted upon in both and nobody acting in both: two meetings, not one.
    apart = _coded(
        ("en", "en", "2026-01-10", "Oil executives met at the White House on Friday to discuss Venezuela."),
        ("es", "es", "2026-01-10", "Diplomáticos viajaron el viernes a Venezuela."),
    )
    assert set(apart["action"]) == {"meeting"}
    assert len(merge_events(apart)) == 2
    # The same party acting in both joins them without a word in common.
    together = _coded(
        ("en", "en", "2026-01-10", "The United States held talks with Venezuela on Friday."),
        ("es", "es", "2026-01-10", "Estados Unidos se reunió el viernes con Venezuela."),
    )
    assert list(merge_events(together)["articles"]) == [2]


def test_a_figure_belongs_to_the_date_it_stands_nearest():
    from newsline.wording import money_of, numbers_of

    s = ("Maduro fue acusado en 2020 por narcotráfico, y en enero Estados Unidos aumentó la recompensa "
         "a 25 millones de dólares por 4 cargos.")
    y2020, january = (s.index("en 2020"), s.index("en 2020") + 7), (s.index("en enero"), s.index("en enero") + 8)
    assert money_of(s, y2020, [january]) == frozenset() and money_of(s, january, [y2020]) == {"25"}
    assert numbers_of(s, january, [y2020]) == {"25", "4"} and numbers_of(s, y2020, [january]) == frozenset()
    assert money_of(s) == {"25"}  # without the sentence's other dates, every sum
    # So the indictment of 2020 does not meet "25" in a report that gives the reward as $15 million.
    events = _coded(("wradio", "es", "2025-08-07", s))
    prepared = {e.value: e for e in _prepare(events.reset_index(drop=True), {})}
    assert prepared["2020"].money == frozenset() and prepared["2025-01"].money == {"25"}


def test_names_and_figures_tie_two_languages_where_no_actor_or_word_can():
    named = _coded(
        ("es", "es", "2015-11-12", "Efraín Antonio Campo Flores y Francisco Flores de Freitas fueron detenidos "
                                   "el martes en Puerto Príncipe."),
        ("en", "en", "2015-11-11", "Efrain Antonio Campo Flores and Francisco Flores de Freitas were arrested in "
                                   "Haiti on Tuesday night."),
    )
    assert set(named["action"]) == {"arrest"}
    facts = merge_events(named)
    assert list(facts["articles"]) == [2]
    assert "names in common" in facts.iloc[0]["merge_reason"] and "freitas" in facts.iloc[0]["merge_reason"]
    counted = _coded(
        ("en", "en", "2026-01-17", "A plane carrying 231 deported migrants landed in Venezuela on Friday."),
        ("es", "es", "2026-01-17", "Un vuelo con 231 migrantes deportados aterrizó el viernes en Venezuela."),
    )
    facts = merge_events(counted)
    assert list(facts["articles"]) == [2] and "figures in common 231" in facts.iloc[0]["merge_reason"]
    # Without the names or the figure, nothing but the class and the day: two reports, two facts.
    bare = _coded(
        ("es", "es", "2015-11-12", "Dos hombres fueron detenidos el martes en una isla."),
        ("en", "en", "2015-11-11", "Two men were arrested on Tuesday night."),
    )
    assert len(merge_events(bare)) == 2


def test_the_same_side_acting_stands_for_the_same_actor_across_languages():
    events = _coded(
        ("es", "es", "2019-01-23", "Nicolás Maduro rompió este miércoles las relaciones diplomáticas con Estados Unidos."),
        ("en", "en", "2019-01-24", "Venezuela broke off diplomatic relations with the United States on Wednesday."),
    )
    prepared = _prepare(events.reset_index(drop=True), {})
    assert [sorted(e.source) for e in prepared] == [["Nicolás Maduro"], ["Venezuela"]]
    facts = merge_events(events)
    assert list(facts["articles"]) == [2] and "same day 2019-01-23" in facts.iloc[0]["merge_reason"]


def test_who_met_whom_is_compared_without_direction():
    from newsline.merge import roles_agree

    events = _coded(
        ("a", "en", "2022-03-07", "US envoy Roger Carstens met Nicolás Maduro in Caracas on Saturday."),
        ("b", "en", "2022-03-07", "Nicolás Maduro met Roger Carstens in Caracas on Saturday."),
        ("c", "en", "2026-01-16", "John Ratcliffe met Delcy Rodríguez in Caracas on Thursday."),
        ("d", "en", "2026-01-16", "Donald Trump met María Corina Machado at the White House on Thursday."),
    )
    a, b, c, d = _prepare(events.reset_index(drop=True), {})
    assert {a.action, b.action, c.action, d.action} == {"meeting"}
    assert a.source & b.target and b.source & a.target  # reversed ...
    assert roles_agree(a, b) is not None  # ... yet one meeting
    assert roles_agree(c, d) is None  # two meetings: four different people


def test_a_weak_link_joins_two_reports_but_not_a_report_to_a_group():
    # The oil executives at the White House, told twice; diplomats travelling the same Friday share
    # only the class, the day and Venezuela acted upon with the Spanish report.
    events = _coded(
        ("en", "en", "2026-01-10", "President Donald Trump met oil executives at the White House on Friday to "
                                   "discuss investing in Venezuela."),
        ("es", "es", "2026-01-10", "El presidente Donald Trump se reunió el viernes en la Casa Blanca con "
                                   "ejecutivos petroleros para hablar de Venezuela."),
        ("trip", "es", "2026-01-10", "Altos diplomáticos viajaron el viernes a Caracas para una reunión."),
    )
    prepared = _prepare(events.reset_index(drop=True), {})
    from newsline.merge import find_links

    links = find_links(prepared)
    trip = next(e.i for e in prepared if e.article_id == "trip")
    assert [lk.weak for lk in links if trip in (lk.a, lk.b)] == [True]
    facts = merge_events(events)
    assert sorted(facts["articles"]) == [1, 2]
    alone = facts[facts["articles"] == 1].iloc[0]
    assert alone["evidence"][0]["article_id"] == "trip"


def test_different_people_acted_upon_conflict_only_when_neither_report_names_the_others():
    from newsline.merge import roles_agree

    events = _coded(
        ("a", "en", "2019-01-24", "Donald Trump recognized Juan Guaidó as interim president on Wednesday."),
        ("b", "en", "2020-02-05", "The Trump administration recognized Juan Guaidó as the legitimate leader in "
                                  "January 2019, arguing that Nicolás Maduro's re-election was a sham."),
    )
    a, b = _prepare(events.reset_index(drop=True), {})
    assert a.action == b.action == "recognition"
    assert roles_agree(a, b, "within-short") is not None  # Guaidó, acted upon in one, is named in both


def test_a_report_linked_to_one_of_three_reports_of_a_happening_joins_them():
    # Three reports of the $50 million reward link to each other; a fourth, a month in English with
    # other words, links only to the Spanish one. It contradicts none: one fact of four reports.
    events = _coded(
        ("a", "en", "2025-08-08", "Attorney General Pam Bondi announced on Thursday a $50 million reward for "
                                  "information leading to the arrest of Nicolás Maduro."),
        ("b", "en", "2025-08-08", "Pam Bondi said on Thursday that the reward for the capture of Nicolás Maduro "
                                  "doubled to $50 million."),
        ("c", "es", "2025-08-08", "La fiscal Pam Bondi anunció el jueves una recompensa de 50 millones de dólares "
                                  "por Nicolás Maduro."),
        ("d", "en", "2025-09-15", "In August, Washington set a bounty on Nicolás Maduro."),
    )
    prepared = _prepare(events.reset_index(drop=True), {})
    from newsline.merge import find_links

    d = next(e.i for e in prepared if e.article_id == "d")
    assert len([lk for lk in find_links(prepared) if d in (lk.a, lk.b)]) == 1
    assert list(merge_events(events)["articles"]) == [4]


def test_a_statement_about_a_happening_does_not_reverse_its_roles():
    from dataclasses import replace

    from newsline.merge import roles_agree

    events = _coded(
        # (", leaving Maduro isolated" would be another clause, whose actors take no role.)
        ("a", "en", "2019-01-24", "The United States recognised Juan Guaidó instead of Nicolás Maduro as "
                                  "interim president on Wednesday."),
    )
    deed = _prepare(events.reset_index(drop=True), {})[0]
    assert deed.action == "recognition" and "United States" in deed.source and "Nicolás Maduro" in deed.target
    # Maduro speaking of the United States: the saying's roles, not the recognition's.
    said = replace(deed, article_id="b", action="statement", source=frozenset({"Nicolás Maduro"}),
                   target=frozenset({"United States"}))
    assert roles_agree(deed, said) is not None
    # The same roles on another deed of the class are reversed: two happenings.
    assert roles_agree(deed, replace(said, action="recognition")) is None


def test_a_day_inside_a_year_across_languages_needs_more_than_one_actor_in_common():
    events = _coded(
        ("es", "es", "2025-01-11", "Nicolás Maduro juró el viernes un tercer mandato."),
        ("en", "en", "2018-05-22", "Officials certified the re-election of Nicolás Maduro to a term ending in 2025."),
    )
    prepared = _prepare(events.reset_index(drop=True), {})
    assert {e.granularity for e in prepared} == {"day", "year"}
    assert len(merge_events(events)) == 2


def test_a_count_in_common_speaks_like_the_same_sum_written_out_or_not():
    from newsline.merge import find_links
    from newsline.wording import numbers_of

    assert numbers_of("Diez estadounidenses fueron liberados a cambio de 252 migrantes.") == {"10", "252"}
    events = _coded(
        ("a", "en", "2025-09-03", "The U.S. military struck a boat from Venezuela on Tuesday, killing 11 people."),
        ("b", "en", "2025-09-04", "Eleven died in Tuesday's attack on a vessel, the Pentagon said."),
    )
    (lk,) = find_links(_prepare(events.reset_index(drop=True), {}))
    assert "figures in common 11" in lk.reason and not lk.weak


def test_a_time_of_day_is_no_figure():
    from newsline.wording import numbers_of

    assert numbers_of("La ofensiva comenzó alrededor de la 1:50 a. m. (hora local) de este sábado.") == frozenset()
    assert numbers_of("Loud blasts were heard at 2 am and again at 10.30pm, killing 40 people.") == {"40"}
    assert numbers_of("A raid that cost 1,500 troops and $2.5 million.") == {"1500", "2.5"}


def test_two_classes_of_one_year_are_not_one_happening():
    # A failed armed incursion of 2020 and an arrest of 2020 both name Maduro: related classes join
    # only on close dates, never on the same year alone.
    from dataclasses import replace

    from newsline.merge import actions_agree

    events = _coded(
        ("es", "es", "2023-12-20", "Luke Denman y Airan Berry cumplían condena por una incursión armada "
                                   "contra Nicolás Maduro en 2020."),
        ("en", "en", "2023-12-20", "Alex Saab, an ally of Nicolás Maduro, has been in custody since his arrest "
                                   "in 2020."),
    )
    es, en = [e for e in _prepare(events.reset_index(drop=True), {}) if e.value == "2020"]
    raid, arrest = replace(es, action="military"), replace(en, action="arrest")
    assert "Nicolás Maduro" in raid.actors & arrest.actors
    assert actions_agree(raid, arrest) is not None  # related classes ...
    assert link(raid, arrest) is None  # ... yet two happenings
    same_day = [replace(e, value="2020-06-12", start=date(2020, 6, 12), end=date(2020, 6, 12), granularity="day")
                for e in (raid, arrest)]
    assert link(*same_day) is not None  # the same day, they are one


def test_a_day_inside_last_weekend_is_one_happening_with_it_and_a_week_is_not():
    # "on Saturday" lies in "last weekend": with one class and the same side acting, two reports of one
    # meeting, in one language or two, though they share no word.
    events = _coded(
        ("herald", "en", "2022-03-08", "U.S. officials traveled to Caracas last weekend and met with President "
                                       "Nicolás Maduro."),
        ("trt", "en", "2022-03-06", "US officials held a round of talks with Venezuelan officials on Saturday."),
        ("sumarium", "es", "2022-03-08", "Una delegación de Estados Unidos se reunió con el gobierno venezolano "
                                         "el fin de semana."),
    )
    assert set(events["action"]) == {"meeting"}
    assert set(events["granularity"]) == {"range", "day"}
    facts = merge_events(events)
    assert list(facts["articles"]) == [3]
    assert "day 2022-03-05 within weekend 2022-03-05/2022-03-06" in facts.iloc[0]["merge_reason"]
    # A day in a whole week is not that close: without words or someone specific in common it stays apart.
    week = _coded(
        ("a", "en", "2022-03-14", "Envoys from Washington met ministers in Caracas last week."),
        ("b", "en", "2022-03-14", "US officials held a round of talks with Venezuela on Wednesday."),
    )
    assert set(week["granularity"]) == {"week", "day"}
    assert len(merge_events(week)) == 2


def test_the_same_word_for_the_happening_and_someone_specific_join_a_week_and_its_month():
    week = ("voa", "en", "2002-04-16", "A coup briefly removed President Hugo Chávez last week, but he regained "
                                       "control two days later.")
    events = _coded(week, ("lat", "en", "2004-08-13", "Some groups have ties to the opponents behind the coup "
                                                      "against Hugo Chávez in April 2002, the paratrooper contends."))
    prepared = _prepare(events.reset_index(drop=True), {})
    assert {(e.article_id, e.granularity, e.trigger) for e in prepared} >= {("voa", "week", "coup"),
                                                                            ("lat", "month", "coup")}
    facts = merge_events(events)
    joined = facts[facts["articles"] == 2].iloc[0]
    assert "within month 2002-04" in joined["merge_reason"] and "coup" in joined["merge_reason"]
    # Marches against the same man that month: the same class, another word, another happening.
    events = _coded(week, ("nyt", "en", "2003-06-14", "Thousands of people marched against Hugo Chávez in "
                                                      "Caracas in April 2002."))
    assert ("nyt", "march") in {(e.article_id, e.trigger) for e in _prepare(events.reset_index(drop=True), {})}
    assert (merge_events(events)["articles"] == 1).all()


def test_words_spelt_alike_in_both_languages_are_wording_across_them():
    events = _coded(
        ("en", "en", "2026-01-17", "Return flights for deported migrants had been regularized since late March."),
        ("es", "es", "2026-01-17", "Los vuelos de retorno de migrantes deportados se habían regularizado desde "
                                   "fines de marzo."),
    )
    prepared = _prepare(events.reset_index(drop=True), {})
    assert all(not (e.source | e.target | e.specific) for e in prepared)  # nobody named in either
    facts = merge_events(events)
    assert list(facts["articles"]) == [2]
    assert "3 words spelt alike in" in facts.iloc[0]["merge_reason"]
    # One word alike is chance: two deportation reports of the same month, nothing else in common.
    apart = _coded(
        ("en", "en", "2026-01-17", "Deported migrants kept arriving by bus in late March."),
        ("es", "es", "2026-01-17", "Los vuelos con deportados se suspendieron a fines de marzo."),
    )
    assert len(merge_events(apart)) == 2


def test_reports_coded_with_related_classes_are_compared_though_they_share_no_actor():
    # A meeting, and the agreement signed there: two classes, no actor named alike, one place in common.
    # They were never even compared before.
    events = _coded(
        ("finalcall", "en", "2023-10-24", "Representatives from the two sides met in Barbados on October 17 to "
                                          "discuss the election."),
        ("lafm", "es", "2023-10-18", "El Gobierno y la oposición firmaron el martes en Barbados dos acuerdos "
                                     "sobre garantías electorales."),
    )
    assert sorted(events["action"]) == ["agreement", "meeting"]
    facts = merge_events(events)
    assert list(facts["articles"]) == [2]
    assert "related actions" in facts.iloc[0]["merge_reason"] and "barbados" in facts.iloc[0]["merge_reason"]


def test_a_report_naming_nobody_acting_joins_a_group_it_weakly_links_to_twice():
    # Six reports of one raid; a seventh names nobody acting ("explosions were heard"). It shares only the
    # class, the day and Venezuela with two of them: too little for one report, enough for two of six.
    events = _coded(
        ("f", "es", "2026-01-04", "Fuerzas estadounidenses atacaron Caracas el sábado y se llevaron a Nicolás "
                                  "Maduro."),
        ("g", "es", "2026-01-04", "Estados Unidos bombardeó el sábado Venezuela y capturó a Nicolás Maduro."),
        ("a", "en", "2026-01-04", "US forces launched strikes on Venezuela on Saturday and captured Nicolás Maduro."),
        ("b", "es", "2026-01-04", "Estados Unidos lanzó el sábado un ataque contra Venezuela y capturó a Nicolás "
                                  "Maduro."),
        ("c", "en", "2026-01-04", "The United States attacked Venezuela early on Saturday, seizing Nicolás Maduro."),
        ("e", "en", "2026-01-04", "US aircraft bombed military sites across Venezuela on Saturday, officials said."),
        ("d", "en", "2026-01-03", "Loud explosions were heard around the Venezuelan capital, Caracas, on Saturday."),
    )
    prepared = _prepare(events.reset_index(drop=True), {})
    from newsline.merge import find_links

    d = next(e.i for e in prepared if e.article_id == "d")
    weak = [lk.weak for lk in find_links(prepared) if d in (lk.a, lk.b)]
    assert len(weak) >= 2 and all(weak)  # (it names nobody, so a report of the day's deed naming someone links)
    assert list(merge_events(events)["articles"]) == [7]


def test_an_article_telling_one_happening_in_two_related_classes_keeps_both_in_one_fact():
    events = _coded(
        ("ap", "en", "2026-01-03", "The United States launched strikes on Venezuela early Saturday. "
                                   "US forces captured Nicolás Maduro on Saturday and flew him out of the country."),
        ("efe", "es", "2026-01-03", "Estados Unidos capturó este sábado a Nicolás Maduro en Caracas."),
    )
    assert sorted(events["action"]) == ["arrest", "arrest", "military"]
    facts = merge_events(events)
    assert list(facts["articles"]) == [2] and len(facts.iloc[0]["member_event_ids"]) == 3


def test_statements_about_different_happenings_are_two_statements():
    events = _coded(
        ("confirm", "en", "2026-01-03", "President Donald Trump confirmed on Saturday the capture of Nicolás Maduro."),
        ("run", "en", "2026-01-03", "President Donald Trump said on Saturday that the United States would run "
                                    "Venezuela after the raid that removed Nicolás Maduro."),
        ("capture", "en", "2026-01-03", "US forces captured Nicolás Maduro in Caracas on Saturday."),
    )
    assert sorted(events["action"]) == ["arrest", "statement", "statement"]
    facts = merge_events(events)
    together = [sorted(ev["article_id"] for ev in evidence) for evidence in facts["evidence"]]
    assert sorted(together) == [["capture", "confirm"], ["run"]]


def test_a_statement_still_needs_its_own_day_inside_a_weekend():
    events = _coded(
        ("a", "en", "2026-01-05", "Donald Trump said on Saturday that the United States would run Venezuela."),
        ("b", "en", "2026-01-05", "Donald Trump said last weekend that he was in charge of Venezuela."),
    )
    a, b = _prepare(events.reset_index(drop=True), {})
    assert {a.action, b.action} == {"statement"} and {a.granularity, b.granularity} == {"day", "range"}
    assert date_relation(a, b, coded=True)[0] == "within-short"


def test_a_happening_one_party_does_once_a_year_joins_its_year_with_the_same_parties():
    once = _coded(
        ("day", "en", "2019-01-23", "President Donald Trump recognized Juan Guaidó as interim president on Wednesday."),
        ("year", "es", "2025-08-08", "En 2019 Donald Trump reconoció a Juan Guaidó como presidente interino."),
    )
    assert set(once["action"]) == {"recognition"} and set(once["granularity"]) == {"day", "year"}
    facts = merge_events(once)
    assert list(facts["articles"]) == [2] and "day 2019-01-23 within year 2019" in facts.iloc[0]["merge_reason"]
    # Sanctions come many times a year: the same parties and the year say nothing of which.
    many = _coded(
        ("day", "en", "2019-01-29", "Donald Trump imposed sanctions on Nicolás Maduro on Monday."),
        ("year", "es", "2025-08-08", "En 2019 Donald Trump sancionó a Nicolás Maduro."),
    )
    assert set(many["action"]) == {"sanctions"}
    assert len(merge_events(many)) == 2


def test_talks_and_the_release_after_them_are_two_happenings_even_of_one_day():
    # Who did what to whom: the envoy met the president; the government freed six men. Reports of the
    # release join each other, not the meeting's.
    events = _coded(
        ("met", "en", "2025-02-01", "Trump envoy Richard Grenell met with Nicolás Maduro in Caracas on Friday."),
        ("freed", "en", "2025-02-01", "Venezuela released six detained Americans Friday after Richard Grenell "
                                      "traveled to Caracas."),
        ("liberó", "es", "2025-02-01", "Venezuela liberó este viernes a seis estadounidenses detenidos tras la visita "
                                       "de Richard Grenell a Caracas."),
        ("talks", "en", "2023-10-18", "Reuters reported last week that Venezuela and the U.S. had progressed at "
                                      "their own talks in Qatar toward a deal if Maduro resumed negotiations with "
                                      "the opposition."),
        ("october", "es", "2023-12-20", "Biden confirmó la liberación de 10 estadounidenses y habló de 20 presos "
                                        "políticos liberados, que se unen a los otros cinco excarcelados en octubre, "
                                        "como parte de un acuerdo entre el gobierno y la oposición en una mesa de "
                                        "negociación en la que Estados Unidos es un actor clave."),
    )
    assert sorted(events["action"]) == ["meeting", "meeting", "release", "release", "release"]
    groups, facts = _joined(events)
    assert groups == [{"freed", "liberó"}]


def test_a_swap_reads_either_way_round_but_a_plain_release_does_not():
    from dataclasses import replace

    from newsline.merge import roles_agree

    events = _coded(
        ("a", "en", "2025-07-19", "Venezuela freed ten Americans on Friday in a prisoner swap with the United States "
                                  "and El Salvador."),
        ("b", "es", "2025-07-19", "Estados Unidos y El Salvador liberaron el viernes a 250 venezolanos en un canje "
                                  "con Venezuela."),
    )
    a, b = _prepare(events.reset_index(drop=True), {})
    assert (a.action, b.action) == ("release", "release") and a.two_way and b.two_way
    assert "Venezuela" in a.source and "United States" in b.source  # each report names the other freer
    assert roles_agree(a, b) is not None
    facts = merge_events(events)
    assert len(facts) == 1 and facts.iloc[0]["articles"] == 2
    # Without the swap, who freed whom reversed is two releases.
    plain = [replace(e, two_way=False) for e in (a, b)]
    assert roles_agree(*plain) is None


def test_a_deal_and_the_release_it_brought_are_one_fact_only_when_told_of_one_day():
    events = _coded(
        ("deal", "en", "2025-02-01", "Richard Grenell struck a deal with Nicolás Maduro in Caracas on Friday."),
        ("freed", "en", "2025-02-01", "Venezuela released six Americans on Friday after Richard Grenell "
                                      "traveled to Caracas."),
        ("month", "en", "2025-03-01", "Richard Grenell signed an agreement with Venezuela in February."),
    )
    assert sorted(events["action"]) == ["agreement", "agreement", "release"]
    groups, facts = _joined(events)
    assert groups == [{"deal", "freed"}] and len(facts) == 2
    assert "related actions" in facts[facts["articles"] > 1].iloc[0]["merge_reason"]


def test_an_article_may_tell_a_happening_and_the_words_that_announced_it_in_one_fact():
    events = _coded(
        ("post", "en", "2025-09-16",
         "“On my orders, U.S. military forces conducted a second strike on a drug boat,” Donald Trump "
         "wrote in a post late Monday.\n\nThe strike on Monday killed three people in international waters, "
         "Donald Trump said."),
        ("other", "en", "2025-09-16", "The United States struck a drug boat on Monday, killing three people, "
                                      "Donald Trump said."),
    )
    post = events[events["article_id"] == "post"]
    assert sorted(post["action"]) == ["military", "statement"]
    facts = merge_events(events)
    assert len(facts) == 1 and facts.iloc[0]["articles"] == 2


def test_the_answer_of_the_side_a_deed_befalls_is_another_happening():
    events = _coded(
        ("sanctions", "en", "2019-01-29", "The United States imposed sanctions on PDVSA on Monday."),
        ("answer", "es", "2019-01-29", "Nicolás Maduro anunció este lunes acciones legales contra la decisión de "
                                       "Estados Unidos de imponer sanciones a PDVSA."),
        ("own", "es", "2019-01-29", "Estados Unidos impuso este lunes sanciones a PDVSA, anunció John Bolton."),
    )
    by = dict(zip(events["article_id"], events["action"]))
    assert by == {"sanctions": "sanctions", "answer": "statement", "own": "sanctions"}
    groups, facts = _joined(events)
    assert groups == [{"sanctions", "own"}]  # the sanctions and their own announcement; not Maduro's answer


def test_a_telling_dated_a_day_after_the_deed_joins_it_but_a_second_deed_days_later_does_not():
    events = _coded(
        ("deed", "en", "2025-09-16", "U.S. forces struck a drug boat from Venezuela on Monday, killing 11 people."),
        ("told", "es", "2025-09-17", "Donald Trump afirmó este martes que fuerzas estadounidenses atacaron una "
                                     "lancha de Venezuela y murieron 11 personas."),
        # a second strike two days later
        ("second", "en", "2025-09-18", "U.S. forces struck another drug boat from Venezuela on Wednesday, "
                                       "killing five people."),
    )
    prepared = {e.article_id: e for e in _prepare(events.reset_index(drop=True), {})}
    assert prepared["told"].told and not prepared["deed"].told and not prepared["second"].told
    groups, facts = _joined(events)
    assert groups == [{"deed", "told"}] and len(facts) == 2
    assert "dates disagree by 1 day" in facts[facts["articles"] > 1].iloc[0]["merge_reason"]


def test_breaking_relations_and_the_hours_given_diplomats_to_leave_are_one_fact_of_one_day():
    events = _coded(
        ("broke", "en", "2019-01-24", "Nicolás Maduro broke diplomatic relations with the United States on Wednesday."),
        ("hours", "es", "2019-01-25", "Nicolás Maduro reiteró el plazo de 72 horas que dio el miércoles a Estados "
                                      "Unidos para sacar a su personal diplomático."),
        ("later", "es", "2019-01-25", "Nicolás Maduro expulsó este jueves a los diplomáticos de Estados Unidos."),
    )
    assert sorted(events["action"]) == ["expulsion", "expulsion", "relations"]
    groups, facts = _joined(events)
    assert groups == [{"broke", "hours"}] and len(facts) == 2  # not Thursday's expulsion
    assert "related actions" in facts[facts["articles"] > 1].iloc[0]["merge_reason"]


def test_a_role_misread_in_one_report_does_not_keep_a_large_group_apart_but_a_sum_does():
    from dataclasses import replace
    from itertools import combinations

    from newsline.merge import Link, cluster

    events = _reports("2026-01-04", "U.S. forces captured Nicolás Maduro in Caracas on Saturday.",
                      "The United States captured Nicolás Maduro on Saturday.",
                      "American troops seized Nicolás Maduro in Caracas on Saturday.",
                      "U.S. special forces captured Nicolás Maduro on Saturday, officials said.",
                      "Nicolás Maduro was captured by U.S. forces on Saturday.",
                      "Nicolás Maduro was taken by U.S. forces in Caracas on Saturday.")
    assert {e.action for e in events} == {"arrest"}
    _misread(events, -1, "Nicolás Maduro", "United States")  # Maduro acting on the United States
    clash = (events[-2].i, events[-1].i)
    links = [Link(a.i, b.i, 1.0, "test") for a, b in combinations(events, 2) if (a.i, b.i) != clash]
    groups = cluster(events, links)
    assert max(len(g.members) for g in groups) == 6  # one clash in five pairs across: tolerated
    # a different sum is no misreading: it keeps the report apart
    events[-1] = replace(events[-1], money=frozenset({"50"}))
    events[-2] = replace(events[-2], money=frozenset({"25"}))
    groups = cluster(events, links)
    assert max(len(g.members) for g in groups) == 5


def test_a_statement_and_its_deed_in_one_language_may_share_words_by_their_stems():
    events = _coded(
        ("deed", "en", "2025-10-25", "Defense Secretary Pete Hegseth on Friday directed an aircraft carrier to "
                                     "deploy to the Caribbean."),
        ("said", "en", "2025-10-25", "The Pentagon confirmed the deployment on Friday amid a buildup in the "
                                     "Caribbean."),
    )
    assert sorted(events["action"]) == ["military", "statement"]
    facts = merge_events(events)
    assert len(facts) == 1 and facts.iloc[0]["articles"] == 2


def test_a_deed_told_naming_nobody_joins_its_day_in_one_language_unless_its_article_names_others():
    events = _coded(
        ("named", "en", "2025-09-03", "The U.S. military on Tuesday struck a drug boat in the Caribbean, "
                                      "Marco Rubio said."),
        # names nobody: the same deed, the same day, in one language
        ("nobody", "en", "2025-09-03", "Tuesday's strike appears to be the first such operation in the region."),
        # "the meeting" of this article is the CIA director's with Delcy Rodríguez, not Trump's with Machado
        ("times", "en", "2026-01-16", "CIA Director John Ratcliffe met Delcy Rodríguez in Caracas on Thursday.\n\n"
                                      "Reuters could not verify the report of the meeting, which took place on Thursday."),
        ("machado", "en", "2026-01-16", "Donald Trump met María Corina Machado at the White House on Thursday."),
    )
    assert set(events["action"]) == {"military", "meeting"}
    groups, facts = _joined(events)
    assert groups == [{"named", "nobody"}]
    # across languages too, though not a meeting: talks and trips are many on one day
    events = _coded(
        ("named", "en", "2026-01-04", "Attorney General Pam Bondi announced on Saturday that Nicolás Maduro has been "
                                      "indicted in New York."),
        ("nobody", "es", "2026-01-04", "La fiscal general anunció este sábado cargos por narcotráfico y terrorismo."),
        ("trip", "es", "2026-01-09", "Altos diplomáticos estadounidenses viajaron el viernes a Caracas."),
        ("oil", "en", "2026-01-09", "Donald Trump is meeting with oil executives at the White House on Friday."),
    )
    assert dict(zip(events["article_id"], events["action"])) == {
        "named": "charge", "nobody": "charge", "trip": "meeting", "oil": "meeting"}
    assert _joined(events)[0] == [{"named", "nobody"}]
    reason = facts[facts["articles"] > 1].iloc[0]["merge_reason"]
    assert "same day 2025-09-02" in reason and "one report names nobody" in reason


@pytest.mark.parametrize("articles, actions, reason", [
    # whom a happening befell, speaking after it, tells another happening
    ([("prize", "es", "2025-10-10", "María Corina Machado fue galardonada este viernes con el Nobel de la Paz."),
      ("answer", "en", "2025-10-10", "After winning the Nobel peace prize, María Corina Machado on Friday made a "
                                     "first reaction and said she gave this award to her people."),
      ("told", "en", "2025-10-10", "The Norwegian Nobel Committee announced on Friday that this year's Peace Prize "
                                   "would go to María Corina Machado.")],
     ("award", "statement", "award"), "same action award"),
    # a statement of what followed a deed is about it; the answer of the side it befell is not
    ([("prize", "en", "2025-09-03", "A US strike on a boat from Venezuela killed 11 people, President Donald Trump "
                                    "said Tuesday."),
      ("answer", "es", "2025-09-03", "Nicolás Maduro denunció este martes el ataque de Estados Unidos contra una "
                                     "lancha venezolana en el Caribe."),
      ("told", "es", "2025-09-03", "El presidente Donald Trump anunció este martes que 11 narcoterroristas murieron "
                                   "luego de un ataque del Ejército estadounidense contra una lancha.")],
     ("military", "statement", "statement"), "a statement of what followed military"),
])
def test_a_happening_joins_what_was_told_of_it_but_not_the_answer_of_whom_it_befell(articles, actions, reason):
    events = _coded(*articles)
    by = dict(zip(events["article_id"], events["action"]))
    assert by == dict(zip(("prize", "answer", "told"), actions))
    groups, facts = _joined(events)
    assert groups == [{"prize", "told"}]
    assert reason in facts[facts["articles"] > 1].iloc[0]["merge_reason"]


def test_a_saying_that_names_no_happening_is_about_its_articles_deed_of_the_day():
    # "Pompeo said ... it is a difficult moment" names nothing: it is about its article's deed of that
    # Thursday, so it joins the deed, and other bare sayings of the same speaker that day join it.
    from newsline.merge import hard_conflict

    events = _coded(
        ("embassy", "en", "2019-03-15", "The last U.S. diplomats in Caracas shuttered the embassy and left Venezuela "
                                        "on Thursday. Secretary of State Mike Pompeo said in a statement Thursday "
                                        "that he knows it is a difficult moment for the diplomats."),
        ("confirmed", "en", "2019-03-15", "Secretary of State Mike Pompeo confirmed on Thursday that the last "
                                          "Americans are out and safe."),
        ("answer", "en", "2019-03-15", "Nicolás Maduro said on Thursday that Venezuela was at peace."),
        ("closed", "en", "2019-03-15", "Mike Pompeo's department closed the U.S. embassy in Caracas on Thursday."),
    )
    prepared = {(e.article_id, e.action): e for e in _prepare(events.reset_index(drop=True), {})}
    deed, said = prepared["embassy", "relations"], prepared["embassy", "statement"]
    assert said.about == {"relations"} and not said.mentioned and not prepared["confirmed", "statement"].about
    # the other side speaking the same day in the deed's article is not about it
    speech = _coded(("speech", "en", "2019-03-15", "The United States closed its embassy in Caracas on Thursday. "
                     "Nicolás Maduro said in a televised speech Thursday night that the country is calm."))
    assert [(e.action, e.about) for e in _prepare(speech.reset_index(drop=True), {})] == [
        ("relations", frozenset()), ("statement", frozenset())]
    # a bare saying of the side that acted does not contradict the deed; the side it befell answers it
    assert not hard_conflict(prepared["confirmed", "statement"], deed)
    assert hard_conflict(prepared["answer", "statement"], deed)
    groups, facts = _joined(events)
    assert groups == [{"embassy", "confirmed", "closed"}]
    assert len(facts[facts["articles"] == 3].iloc[0]["member_event_ids"]) == 4


def test_a_hearing_told_as_the_plea_or_the_judges_ruling_is_one_fact_of_one_day():
    events = _coded(
        ("plea", "en", "2026-01-06", "Nicolás Maduro pleaded not guilty on Monday in a Manhattan court."),
        ("ruling", "es", "2026-01-06", "El juez resolvió el lunes que Nicolás Maduro seguirá detenido en Nueva York."),
        ("later", "es", "2026-03-18", "El juez resolvió el martes que Nicolás Maduro seguirá detenido en Nueva York."),
    )
    assert dict(zip(events["article_id"], events["action"])) == {"plea": "charge", "ruling": "ruling",
                                                                 "later": "ruling"}
    groups, _ = _joined(events)
    assert groups == [{"plea", "ruling"}]


def test_easing_and_the_sanctions_eased_are_one_fact_only_when_told_of_one_day():
    events = _coded(
        ("revoke", "en", "2025-02-27", "President Donald Trump said on Wednesday that he was revoking the license "
                                       "that allowed Chevron to produce oil."),
        ("fin", "es", "2025-02-27", "Donald Trump anunció este miércoles que revocará el permiso de Chevron para "
                                    "operar en el país."),
        ("later", "en", "2025-03-06", "Donald Trump on Tuesday granted Chevron a new license to operate."),
    )
    # (a licence revoked is sanctions put back, whichever words tell it)
    assert dict(zip(events["article_id"], events["action"])) == {
        "revoke": "sanctions", "fin": "sanctions", "later": "sanctions-eased"}
    groups, _ = _joined(events)
    assert groups == [{"revoke", "fin"}]


@pytest.mark.parametrize("articles", [
    # Article "a" names nobody in its first telling, so that one links to "b" only weakly; its second
    # telling already stands with "b". The first is no new report to keep out: it joins them.
    [("a", "es", "2024-09-08", "Durante este sábado el político opositor salió del país tras semanas en la "
                               "clandestinidad. La vicepresidenta Delcy Rodríguez detalló que Edmundo González "
                               "abandonó el país el sábado."),
     ("b", "es", "2024-09-08", "La vicepresidenta también aseguró que Edmundo González abandonó el país el "
                               "sábado 7 de septiembre.")],
    # Told twice by one article, a happening done by two sides is two (expulsions); a body of no side,
    # "the Security Council vote", is no side: it is the same vote.
    [("a", "en", "2019-03-01", "Russia and China on Thursday vetoed a U.S. draft at the United Nations Security "
                               "Council.\n\nAhead of the Security Council vote on Thursday, the French "
                               "ambassador said the draft was no basis for a use of force."),
     ("b", "en", "2019-03-01", "On Thursday, Russia and China vetoed the US-sponsored draft.")],
])
def test_an_article_telling_its_happening_twice_joins_the_other_report_with_both(articles):
    events = _coded(*articles)
    assert len(set(events["action"])) == 1
    facts = merge_events(events)
    assert len(facts) == 1 and len(facts.iloc[0]["member_event_ids"]) == 3


def test_two_expulsions_of_one_day_by_the_two_sides_stay_apart_even_in_one_article():
    # Chávez expels the US ambassador; the same Thursday the US expels Bolivia's: one class, one day,
    # told side by side, but each side expels.
    events = _coded(
        ("wire", "en", "2008-09-12", "In Caracas, Venezuelan President Hugo Chávez late Thursday gave U.S. Ambassador "
                                     "Patrick Duddy 72 hours to leave the country.\n\nIn Washington, the Bush "
                                     "administration on Thursday ordered the expulsion of Bolivia's ambassador."),
        ("paper", "en", "2008-09-12", "President Hugo Chávez said Thursday that he was expelling the American "
                                      "ambassador, giving him 72 hours to leave the country."),
    )
    groups, facts = _joined(events)
    assert groups == [{"wire", "paper"}]
    together = next(f for f in facts.itertuples() if f.articles == 2)
    assert len(together.member_event_ids) == 2  # the US expulsion of Bolivia's envoy stands alone


def test_a_death_told_by_its_year_joins_the_day_it_happened():
    # A death befalls its subject: no one acted upon in either report, the same person dying.
    events = _coded(
        ("day", "en", "2013-03-06", "Hugo Chávez died Tuesday at 4:25 p.m. in Caracas, the vice president said."),
        ("year", "en", "2018-12-06", "Hugo Chávez died in 2013, paving the way for Nicolás Maduro."),
    )
    assert set(events["action"]) == {"death"}
    groups, _ = _joined(events)
    assert groups == [{"day", "year"}]


@pytest.mark.parametrize("articles, day, sizes", [
    # "a separate set of sanctions, also on Tuesday": one class, one day, one article, two happenings
    ([("wire", "en", "2011-05-25", "The United States announced new sanctions on Tuesday against Venezuela's state oil "
                                   "company PDVSA for its trade with Iran.\n\nThe State Department announced a separate "
                                   "set of sanctions, also on Tuesday, on 16 companies in China and Iran."),
      ("paper", "es", "2011-05-25", "Estados Unidos impuso ayer sanciones a PDVSA por su comercio con Irán.")],
     "2011-05-24", [1, 2]),
    # a sentence opening with "Also"
    ([("wire", "en", "2026-01-06", "Delcy Rodríguez was formally sworn in as interim president on Monday.\n\n"
                                   "Also sworn in on Monday were 283 lawmakers elected last May."),
      ("paper", "es", "2026-01-06", "Delcy Rodríguez juró este lunes como presidenta encargada de Venezuela."),
      ("daily", "en", "2026-01-06", "Delcy Rodríguez took the oath as acting president on Monday afternoon.")],
     "2026-01-05", [1, 3]),
    # ... or with "Earlier"
    ([("wire", "en", "2020-02-05", "US President Donald Trump is set to meet Venezuelan opposition leader Juan Guaidó at "
                                   "the White House on Wednesday.\n\nEarlier on Wednesday, Guaidó met with Vice "
                                   "President Mike Pence at the Capitol."),
      ("paper", "en", "2020-02-06", "Donald Trump received Juan Guaidó at the White House on Wednesday."),
      ("daily", "es", "2020-02-06", "El presidente Donald Trump recibió el miércoles en la Casa Blanca a Juan Guaidó.")],
     "2020-02-05", [1, 3]),
])
def test_a_happening_its_article_sets_apart_is_another_one(articles, day, sizes):
    groups, facts = _joined(_coded(*articles))
    assert groups == [{a[0] for a in articles}]  # the article's other happening joins the other reports
    assert sorted(len(f.member_event_ids) for f in facts.itertuples() if f.value == day) == sizes


def test_deployments_of_one_day_by_the_two_sides_stay_apart():
    # Maduro deploys militias against the United States; the United States sends destroyers towards
    # Venezuela the same Monday: one class, one day, each side deploying.
    events = _coded(
        ("militia", "es", "2025-08-19", "El presidente de Venezuela, Nicolás Maduro, anunció este lunes el despliegue de "
                                        "4,5 millones de milicianos en todo el país."),
        ("afp", "en", "2025-08-19", "Venezuelan President Nicolás Maduro announced on Monday the deployment of 4.5 "
                                    "million militia members across the country."),
        ("ships", "es", "2025-08-22", "El 18 de agosto, Estados Unidos ordenó el despliegue de tres buques destructores "
                                      "hacia las costas de Venezuela para presionar a Nicolás Maduro."),
    )
    groups, _ = _joined(events)
    assert groups == [{"militia", "afp"}]



def test_one_party_meeting_two_others_the_same_day_are_two_meetings():
    events = _coded(
        ("maduro", "en", "2015-04-12", "Barack Obama and Nicolás Maduro met on the sidelines of the summit on Saturday."),
        ("maduro-es", "es", "2015-04-12", "El presidente Barack Obama se reunió en privado el sábado con Nicolás Maduro."),
        ("castro", "en", "2015-04-12", "Barack Obama and Cuba's leader held unprecedented face-to-face talks in Panama "
                                       "on Saturday."),
    )
    groups, _ = _joined(events)
    assert groups == [{"maduro", "maduro-es"}]


def test_one_misread_role_in_four_pairs_across_two_groups_of_two_does_not_keep_them_apart():
    from newsline.merge import Link, cluster

    events = _reports("2019-04-27", "The Treasury sanctioned the Venezuelan foreign minister on Friday.",
                      "The United States sanctioned Venezuela's foreign minister on Friday.",
                      "The Treasury Department imposed sanctions on the foreign minister on Friday.",
                      "The United States imposed sanctions on Venezuela's top diplomat on Friday.")
    assert {e.action for e in events} == {"sanctions"}
    _misread(events, -1, "Venezuela", "United States")  # the minister's country acting on the United States
    e0, e1, e2, e3 = (e.i for e in events)
    links = [Link(e0, e1, 2.0, "test"), Link(e2, e3, 2.0, "test"),
             Link(e0, e2, 1.0, "test"), Link(e0, e3, 1.0, "test"), Link(e1, e2, 1.0, "test")]
    assert max(len(g.members) for g in cluster(events, links)) == 4  # one clash in four pairs across
    # two clashes in four are too many
    _misread(events, -2, "Venezuela", "United States")
    links = [lk for lk in links if (lk.a, lk.b) != (e1, e2)]
    assert max(len(g.members) for g in cluster(events, links)) == 2


def test_reports_dated_by_the_year_do_not_dilute_the_links_between_days_and_months():
    from newsline.merge import Link, cluster

    texts = [("day1", "en", "The United States recognised Juan Guaidó as interim president on Wednesday."),
             ("day2", "en", "President Trump recognized Juan Guaidó as the interim president of Venezuela on Wednesday."),
             ("month", "es", "En enero de 2019, Estados Unidos reconoció a Juan Guaidó como presidente interino."),
             ("year1", "es", "En 2019 Estados Unidos reconoció a Juan Guaidó como presidente interino del país."),
             ("year2", "es", "Washington reconoció en 2019 a Juan Guaidó como presidente encargado.")]
    events = _prepare(_coded(*[(aid, lang, "2019-01-24", t) for aid, lang, t in texts]).reset_index(drop=True), {})
    assert [e.granularity for e in events] == ["day", "day", "month", "year", "year"]
    day1, day2, month, year1, year2 = (e.i for e in events)
    links = [Link(month, year1, 3.0, "test"), Link(year1, year2, 3.0, "test"), Link(day1, day2, 2.0, "test"),
             Link(month, day1, 1.0, "test")]
    # one link of the two between the month and the days: the year reports, which link to no day, do not count
    assert max(len(g.members) for g in cluster(events, links)) == 5
    # with no link between the finer dates, the share keeps the groups apart; only then does the month and
    # year reports' group join the one recognition fact of 2019, saying so
    groups = cluster(events, links[:3])
    assert max(len(g.members) for g in groups) == 5
    assert [r for g in groups for r in g.reasons if "told by its year 2019 only" in r]
    # the two days unlinked and a day apart are two facts of the year: which one is meant is not plain
    events[1] = replace(events[1], value="2019-01-24", start=date(2019, 1, 24), end=date(2019, 1, 24))
    assert max(len(g.members) for g in cluster(events, links[:2])) == 3


def test_a_name_in_common_ties_a_day_to_its_month_in_one_language():
    events = _coded(
        ("day", "es", "2023-12-01", "Desde que se firmaran los acuerdos de Barbados el 17 de octubre de 2023, tanto "
                                    "voceros del chavismo como de la oposición han tratado de posicionar ante la "
                                    "opinión pública sus propias lecturas sobre lo pactado y sus consecuencias."),
        ("month", "es", "2024-02-06", "Auspiciado por la comunidad internacional, en un intento más por propiciar "
                                      "caminos de entendimiento entre el gobierno y la oposición en Venezuela, se "
                                      "firmó el Acuerdo de Barbados en octubre de 2023 "
                                      "que establecía un cronograma electoral con garantías mínimas."),
    )
    assert list(events["action"]) == ["agreement", "agreement"]
    assert list(events["granularity"]) == ["day", "month"]
    groups, facts = _joined(events)
    assert groups == [{"day", "month"}]
    assert "day 2023-10-17 within month 2023-10" in facts[facts["articles"] > 1].iloc[0]["merge_reason"]


_EASED = [("d1", "en", "2023-10-19", "The Treasury on Wednesday eased sanctions on Venezuela's oil sector, issuing a "
                                     "six-month general license after the election deal."),
          ("d2", "es", "2023-10-19", "Estados Unidos levantó este miércoles las sanciones al petróleo de Venezuela "
                                     "con una licencia general de seis meses.")]
_RECOGNISED = [("d1", "en", "2019-01-24", "The United States recognised Juan Guaidó as interim president on Wednesday."),
               ("d2", "en", "2019-01-24", "President Trump recognized Juan Guaidó as Venezuela's interim president "
                                          "on Wednesday.")]
_BARBADOS = [("d1", "en", "2023-10-18", "The U.S. Treasury on Wednesday issued licenses easing sanctions on Venezuela's "
                                        "oil and gas sector after the deal signed in Barbados."),
             ("d2", "en", "2023-10-19", "Washington eased oil sanctions on Venezuela on Wednesday, following the "
                                        "Barbados agreement.")]


@pytest.mark.parametrize("day, others, mention, reason, apart, apart_mention", [
    # the wording in common; a second easing that year leaves the year's report apart (the month's still joins)
    (_EASED,
     [("month", "es", "2023-11-01", "A mediados de octubre, Washington emitió una licencia general de seis meses para "
                                    "levantar las sanciones al petróleo venezolano.")],
     ("year", "en", "2024-04-18", "The general license issued in 2023 eased sanctions on Venezuela's oil sector."),
     "told by its year 2023 only, the one sanctions-eased fact of that year",
     [("d3", "en", "2023-12-21", "The Treasury on Wednesday eased sanctions on Venezuela's gold sector after a "
                                 "prisoner release, issuing a new general license.")], None),
    # the same someone acted upon; Russia recognising Maduro is a recognition of 2019 it cannot mean, the European
    # Parliament recognising Guaidó one it could
    (_RECOGNISED, [("russia", "en", "2019-01-11", "Russia recognised Nicolás Maduro's new term on Thursday.")],
     ("year", "es", "2026-03-05", "Los vínculos entre ambos países, que permanecían interrumpidos desde 2019, cuando "
                                  "Washington reconoció al líder opositor Juan Guaidó como presidente interino."),
     "the one recognition fact of that year it can mean; same target Juan Guaidó",
     [("ep", "en", "2019-02-01", "The European Parliament recognised Juan Guaidó as interim president on Thursday.")],
     None),
    # a name in common; without it only the United States acts, which could be any easing of the year
    (_BARBADOS, [],
     ("year", "es", "2024-04-01", "El Departamento del Tesoro de EEUU emitió en 2023 una licencia general tras los "
                                  "acuerdos de Barbados."),
     "the one sanctions-eased fact of that year it can mean; same source United States; names in common barbados",
     [], ("year", "es", "2024-04-01", "El Departamento del Tesoro de EEUU emitió en 2023 una licencia general para el "
                                      "petróleo.")),
])
def test_a_happening_told_by_its_month_or_year_joins_the_one_fact_of_its_period_it_can_mean(
        day, others, mention, reason, apart, apart_mention):
    events = _coded(*day, *others, mention)
    assert len(set(events["action"])) == 1
    assert events["granularity"].iloc[-1] == "year"
    groups, facts = _joined(events)
    assert {"d1", "d2", "year"} <= max(groups, key=len)
    assert reason in " ".join(facts["merge_reason"])
    groups, _ = _joined(_coded(*day, *others, *apart, apart_mention or mention))
    assert {"d1", "d2"} <= max(groups, key=len) and not [g for g in groups if "year" in g]


def test_two_reports_of_a_year_join_the_one_report_of_its_day_for_a_happening_done_once_a_year():
    # A fact one article tells by its day and two by the year, all three with Maduro acting on the United
    # States: relations broken is seldom done twice a year, so the year's reports mean that day's.
    day = ("day", "en", "2019-01-24", "Nicolás Maduro broke diplomatic relations with the United States on Wednesday.")
    years = [("y1", "es", "2026-02-01", "Nicolás Maduro rompió relaciones con Washington en 2019, tras el reconocimiento "
                                        "de Juan Guaidó."),
             ("y2", "es", "2026-03-05", "En 2019 Nicolás Maduro rompió las relaciones diplomáticas con Estados Unidos.")]
    events = _coded(day, *years)
    assert set(events["action"]) == {"relations"} and set(events["granularity"]) == {"day", "year"}
    groups, facts = _joined(events)
    assert groups == [{"day", "y1", "y2"}]
    assert "a relations one party seldom repeats in a year" in " ".join(facts["merge_reason"])
    # told by one report of the year only, the day's single report is too little to say which fact it is
    groups, _ = _joined(_coded(day, years[0]))
    assert groups == []


def test_a_state_acting_told_by_the_month_means_the_one_fact_of_that_month_but_a_person_acting_does_not():
    day = [("d1", "en", "2023-10-19", "The Treasury on Wednesday eased sanctions on Venezuela's oil sector, issuing a "
                                      "six-month general license."),
           ("d2", "en", "2023-10-19", "Washington suspended some oil and gas sanctions on Venezuela on Wednesday.")]
    month = ("month", "es", "2024-04-18", "En octubre pasado, Estados Unidos había levantado algunas medidas contra los "
                                          "sectores petrolero, minero y de gas operados por el Estado venezolano.")
    events = _coded(*day, month)
    assert set(events["action"]) == {"sanctions-eased"}
    groups, facts = _joined(events)
    assert groups == [{"d1", "d2", "month"}]
    assert "told by its month 2023-10 only" in " ".join(facts["merge_reason"])
    # A president acting in a month does many things: his month's mention means none of them in particular.
    deed = [("d1", "en", "2025-03-16", "President Donald Trump invoked the Alien Enemies Act on Saturday against the "
                                       "gang."),
            ("d2", "en", "2025-03-16", "On Saturday, Donald Trump invoked the 1798 Alien Enemies Act to deport gang "
                                       "members.")]
    told = ("month", "en", "2025-07-18", "In March, Donald Trump sent about 250 Venezuelan migrants to El Salvador.")
    events = _coded(*deed, told)
    assert set(events["action"]) == {"deportation"}
    groups, _ = _joined(events)
    assert groups == [{"d1", "d2"}]


def test_a_sentence_that_names_both_days_is_no_misdated_day():
    # Two days one day apart join as a disagreement when one report may have misdated the other's day;
    # a sentence that names both days tells them apart.
    both = ("both", "en", "2019-01-25", "The U.S. Embassy in Caracas is seen Thursday, a day after Venezuelan President "
                                        "Nicolás Maduro broke off diplomatic ties, as Maduro announced on Wednesday the "
                                        "embassy would close.")
    closure = ("closure", "en", "2019-01-25", "Venezuelan President Nicolás Maduro announced Thursday that the "
                                              "embassy and all consulates of his country in the United States will close.")
    events = _coded(both, closure)
    prepared = _prepare(events.reset_index(drop=True), {})
    wednesday = next(e for e in prepared if e.article_id == "both" and e.value == "2019-01-23")
    thursday = next(e for e in prepared if e.article_id == "closure")
    assert wednesday.action == thursday.action == "relations"
    assert date_relation(wednesday, thursday, coded=True) is None
    from dataclasses import replace
    assert date_relation(replace(wednesday, sentence_days=frozenset({wednesday.value})), thursday,
                         coded=True)[0] == "disagree"


def test_ties_between_two_states_are_theirs_whichever_is_named_first():
    from newsline.merge import roles_agree

    broke, told = _events(
        ("a", "en", "2019-01-24", "Nicolás Maduro broke off diplomatic relations with the United States on Wednesday."),
        ("b", "en", "2021-03-02", "Venezuela said on Monday that the United States had broken diplomatic relations with it."),
    )[:2]
    assert broke.action == "relations" and "Nicolás Maduro" in broke.source and "United States" in broke.target
    # Who broke them and with whom, either way round: the ties of the same two states.
    reversed_ = replace(told, action="relations", source=frozenset({"United States"}),
                        target=frozenset({"Venezuela", "Nicolás Maduro"}))
    assert roles_agree(broke, reversed_) is not None
    # A recognition of the reverse direction is another happening, as before.
    assert roles_agree(replace(broke, action="recognition"), replace(reversed_, action="recognition")) is None


def test_a_bare_saying_is_its_own_sides_words_never_another_sides_deed():
    from newsline.merge import hard_conflict

    deed, said = _events(
        ("a", "en", "2019-01-24", "The United States recognised Juan Guaidó as interim president on Wednesday."),
        ("b", "en", "2019-01-24", "Mike Pompeo said on Wednesday that he knows it is a difficult moment."),
    )[:2]
    assert said.action == "statement" and not said.named and "Mike Pompeo" in said.source
    # Its own side's deed of the day: too little to link, nothing against it.
    assert not hard_conflict(deed, said)
    # The same deed done by another state: the secretary's words cannot be a report of it.
    assert hard_conflict(replace(deed, source=frozenset({"Brazil"})), said)


def test_one_articles_deed_told_by_its_day_and_by_its_week_or_month_is_one_happening():
    from newsline.merge import conflict

    day_, week = _events(
        ("a", "en", "2025-09-04", "The US military struck a boat in the Caribbean on Tuesday, killing 11 people. "
                                  "The strike earlier this week was the first such operation."),
    )[:2]
    assert day_.action == week.action == "military" and day_.granularity == "day" and week.days <= 7
    assert not conflict(day_, week)
    # Another class in the same article, or a day outside the week, is another happening.
    assert conflict(day_, replace(week, action="sanctions"))
    assert conflict(replace(day_, start=date(2025, 8, 26), end=date(2025, 8, 26), value="2025-08-26"), week)


def test_a_deed_of_this_week_beside_its_day_joins_when_the_same_side_acts():
    week, day_ = _events(
        ("es", "es", "2025-09-04", "Se conocieron más detalles de la lancha que atacó Estados Unidos en el mar Caribe "
                                   "esta semana."),
        ("en", "en", "2025-09-03", "The United States struck a vessel on Tuesday, officials said."),
    )[:2]
    assert week.action == day_.action == "military" and week.days == 7 and day_.granularity == "day"
    assert link(week, day_) is not None
    # Another side acting that week is another deed; so is a week that does not hold the day.
    assert link(week, replace(day_, source=frozenset({"Venezuela"}))) is None
    assert link(replace(week, start=date(2025, 9, 8), end=date(2025, 9, 14), value="2025-09-08/2025-09-14"), day_) is None


def test_an_election_told_by_its_day_and_its_year_in_one_article_is_one():
    from newsline.merge import conflict

    day_, year = sorted(_events(
        ("a", "en", "2026-01-03", "Maduro claimed to have won the July 28, 2024, presidential election. "
                                  "The United States refused to recognize Maduro as the winner of the 2024 election."),
    )[:2], key=lambda e: e.days)
    assert day_.action == year.action == "election" and year.granularity == "year"
    assert not conflict(day_, year)
    # A class done many times a year (a strike) told by its year is not the day's.
    assert conflict(replace(day_, action="military"), replace(year, action="military"))


def test_a_name_in_common_makes_a_link_more_than_weak_in_one_language_too():
    a, b = _events(
        ("a", "es", "2023-10-18", "La Plataforma Unitaria suscribió el martes en Barbados compromisos sobre "
                                  "garantías electorales, observación internacional y derechos políticos."),
        ("b", "es", "2023-11-01", "Fue allá en donde el pasado 17 de octubre se firmó el Acuerdo de Barbados."),
    )[:2]
    assert a.action == b.action == "agreement" and a.value == b.value == "2023-10-17"
    assert "barbados" in {n.lower() for n in a.names & b.names}
    found = link(a, b)
    assert found is not None and not found.weak
    # The same two without the name: the class, the day and one report naming a party, a weak link.
    bare = link(replace(a, names=frozenset()), replace(b, names=frozenset()))
    assert bare is not None and bare.weak


def test_a_month_told_deed_of_a_state_can_mean_its_day_with_its_president_named_too():
    from newsline.merge import _could_mean

    month, day_ = _events(
        ("a", "en", "2024-04-17", "In October 2023 the United States eased sanctions on the oil sector."),
        ("b", "en", "2023-10-19", "The Treasury eased oil sanctions on Wednesday, officials said."),
    )[:2]
    assert month.granularity == "month" and day_.granularity == "day" and month.action == day_.action
    day_ = replace(day_, source=frozenset({"United States"}), target=frozenset(), names=frozenset(), words=frozenset())
    month = replace(month, target=frozenset(), names=frozenset(), words=frozenset())
    both = replace(month, source=frozenset({"United States", "Joe Biden"}))
    assert _could_mean([both], [day_], [day_]) is not None
    # A person acting alone says nothing of which of the month's deeds it is.
    assert _could_mean([replace(month, source=frozenset({"Joe Biden"}))], [day_], [day_]) is None


def test_earlier_this_morning_is_the_date_itself_not_another_happening():
    events = _events(
        ("a", "en", "2025-09-03", "\"Earlier this morning, US forces conducted a strike on a boat,\" Trump wrote."),
        ("b", "en", "2025-09-05", "US forces struck a second boat on Thursday. Earlier, on Tuesday, US forces conducted "
                                  "a strike on a boat."),
    )
    told = next(e for e in events if e.article_id == "a")
    first, other = [e for e in events if e.article_id == "b"]
    assert told.action == first.action == other.action == "military"
    assert not told.separate  # "Earlier this morning" dates the strike
    assert other.separate and not first.separate  # "Earlier, ..." sets another strike apart from the one just told


def test_also_sets_a_happening_apart_only_from_one_of_its_class_just_told():
    sworn, recognised = _events(
        ("a", "en", "2019-06-01", "Guaidó was sworn in as interim president on January 23, 2019. Also on January 23, the "
                                  "United States recognized Guaidó as interim president of Venezuela."),
    )[:2]
    assert sworn.action == "election" and recognised.action == "recognition"
    assert not recognised.separate  # after the swearing-in, "Also" adds the recognition, no second recognition


def test_an_article_telling_its_deed_again_in_words_said_joins_the_deeds_fact():
    events = _coded(
        ("a", "en", "2025-09-15", "President Donald Trump on Monday confirmed another deadly strike on a boat allegedly "
                                  "carrying drugs from Venezuela. “The US Military struck again today, killing three people "
                                  "on a drug boat from Venezuela,” Trump wrote."),
        ("b", "es", "2025-09-16", "Estados Unidos atacó el lunes otra lancha con drogas en el Caribe."),
    )
    assert events["action"].tolist() == ["statement", "military", "military"]
    facts = merge_events(events)
    assert len(facts) == 1
    fact = facts.iloc[0]
    assert "told again by its article (statement, 2025-09-15)" in fact["merge_reason"]
    # The fact is the deed: its class and headline come from a report of the strike, not of the saying.
    assert fact["action"] == "military" and "said" not in fact["headline"]


def test_a_sum_told_once_in_an_article_is_another_happening_than_the_same_days_charge():
    events = _coded(
        ("c", "es", "2020-03-27", "Estados Unidos ofreció el jueves una recompensa de 15 millones de dólares por información "
                                  "sobre Maduro. El jueves, la fiscalía estadounidense acusó formalmente a Maduro de narcoterrorismo."),
        ("d", "en", "2020-03-27", "The United States on Thursday offered a $15 million reward for information leading to "
                                  "Maduro's arrest."),
    )
    assert events["action"].tolist() == ["charge"] * 3
    facts = merge_events(events)
    together = [sorted(e["date_text"] for e in f.evidence) for f in facts.itertuples()]
    # The reward of both reports is one fact (the same sum links first); the indictment stays apart.
    assert sorted(together) == [["El jueves"], ["el jueves", "on Thursday"]]


def test_a_once_a_year_deed_told_by_its_month_naming_nobody_is_the_months_one_fact():
    events = _coded(
        ("a", "en", "2019-01-24", "President Donald Trump recognized opposition leader Juan Guaidó as Venezuela's "
                                  "interim president on Wednesday."),
        ("b", "es", "2019-01-24", "Donald Trump reconoció este miércoles a Juan Guaidó como presidente interino de Venezuela."),
        ("c", "en", "2019-01-25", "The U.S. on Wednesday recognized Juan Guaidó as the country's interim president."),
        ("d", "en", "2025-10-16", "The January 2019 recognition set off a rapid diplomatic breakdown between Washington "
                                  "and Caracas."),
    )
    assert events["action"].tolist() == ["recognition"] * 4
    facts = merge_events(events)
    assert len(facts) == 1
    assert "told by its month 2019-01 only" in facts.iloc[0]["merge_reason"]
    # Naming someone else acting, it is not taken as the month's one recognition by its class alone.
    events.loc[3, "actors_source"] = ["Brazil"]
    assert len(merge_events(events)) == 2


def test_a_day_sits_inside_a_half_year_as_inside_a_year_and_a_presidency_only_for_a_class_seldom_repeated():
    events = _events(
        ("a", "es", "2024-02-10", "El gobierno y la oposición acordaron elecciones en el segundo semestre de 2024."),
        ("b", "en", "2024-08-01", "Venezuela held its presidential election on July 28, 2024."),
        ("c", "en", "2025-10-16", "During his first term, Trump recognized Guaidó as the president of Venezuela."),
        ("d", "en", "2025-10-16", "During his first term, Trump imposed sanctions on PDVSA."),
    )
    half, day_, term, term_sanctions = (next(e for e in events if e.article_id == a) for a in "abcd")
    assert half.granularity == "range" and half.days > 31 and day_.granularity == "day"
    assert date_relation(day_, half, coded=True)[0] == "within-long"
    # A president's term holds one recognition of the same man, as a year does ...
    assert term.days > 366 and term.action == "recognition"
    recognised = replace(term, start=date(2019, 1, 23), end=date(2019, 1, 23), granularity="day", value="2019-01-23")
    assert date_relation(recognised, term, coded=True)[0] == "within-long"
    # ... but too many sanctions to say which one it means.
    assert term_sanctions.action == "sanctions"
    imposed = replace(term_sanctions, start=date(2019, 1, 28), end=date(2019, 1, 28), granularity="day",
                      value="2019-01-28")
    assert date_relation(imposed, term_sanctions, coded=True) is None


def test_a_recognition_told_by_a_presidents_term_is_the_one_recognition_of_that_term():
    events = _coded(
        ("a", "en", "2019-01-24", "President Donald Trump recognized opposition leader Juan Guaidó as Venezuela's "
                                  "interim president on Wednesday."),
        ("b", "es", "2019-01-24", "Donald Trump reconoció este miércoles a Juan Guaidó como presidente interino de Venezuela."),
        ("c", "en", "2025-10-16", "During his first term, Trump recognized Venezuelan opposition leader Juan Guaido as "
                                  "the president of Venezuela. The January 2019 recognition set off a rapid diplomatic "
                                  "breakdown between Washington and Caracas."),
    )
    assert events["action"].tolist() == ["recognition"] * 4
    facts = merge_events(events)
    assert len(facts) == 1, facts["merge_reason"].tolist()


def test_a_day_counted_in_weeks_is_a_day_either_way():
    events = _coded(
        ("a", "en", "2025-09-03", "US forces struck a boat carrying drugs from Venezuela on Tuesday, killing 11 people."),
        ("b", "es", "2025-09-15", "Esta operación se suma a otra realizada hace dos semanas, cuando una lancha procedente de "
                                  "Venezuela fue atacada por Estados Unidos y 11 personas murieron."),
    )
    assert events["value"].tolist() == ["2025-09-02", "2025-09-01"]  # the strike was 13 days before
    facts = merge_events(events)
    assert len(facts) == 1 and "one told by a count of weeks (rounded)" in facts.iloc[0]["merge_reason"]
    # A count of days is not rounded: a day apart, they are two days.
    events.loc[1, "date_text"] = "hace catorce días"
    assert len(merge_events(events)) == 2


def test_a_release_told_by_its_month_is_the_one_whose_reports_give_its_count():
    events = _coded(
        ("a", "en", "2022-10-01", "Venezuela on Saturday freed seven Americans imprisoned in the country in exchange "
                                  "for two nephews of Maduro's wife."),
        ("b", "es", "2022-10-01", "Venezuela liberó este sábado a siete estadounidenses a cambio de los sobrinos de "
                                  "Cilia Flores."),
        # "this week" runs into September: it neither holds the October release nor excludes it
        ("c", "en", "2022-10-01", "Venezuelan authorities freed seven American prisoners this week in exchange for "
                                  "two detained Venezuelans."),
        ("d", "en", "2022-10-25", "Venezuela on Tuesday released two Colombian nationals held since 2021."),
        # names nobody: the count is what it has in common with the release it means
        ("e", "es", "2023-12-20", "El intercambio podría resultar en la liberación más grande desde un acuerdo en "
                                  "octubre de 2022 que liberó a siete."),
    )
    assert set(events["action"]) == {"release"}
    groups, facts = _joined(events)
    assert {"a", "b", "e"} <= next(g for g in groups if "a" in g)
    assert "d" not in next(g for g in groups if "a" in g)
    assert "counts in common 7" in " ".join(facts["merge_reason"])


def test_a_saying_that_names_nothing_may_be_words_about_anything():
    from newsline.merge import actions_agree

    events = _events(
        ("post", "en", "2026-01-07", "Trump said in a Jan. 6 social media post."),
        ("oil", "es", "2026-01-07", "«Me complace anunciar que la Autoridad Provisional en Venezuela entregará entre 30 "
                                    "y 50 millones de barriles de petróleo a Estados Unidos», escribió Trump el martes 6 "
                                    "de enero de 2026."),
        ("run", "en", "2026-01-07", "Trump said on Tuesday that the United States would run Venezuela after the raid "
                                    "that removed Nicolás Maduro."),
    )
    post, oil, run = (next(e for e in events if e.article_id == n) for n in ("post", "oil", "run"))
    assert post.action == oil.action == run.action == "statement"
    assert not post.mentioned and "trade" in oil.mentioned and (run.preceding or run.earlier)
    # the bare saying contradicts nothing; words about the raid and words about oil are two statements
    assert actions_agree(post, oil) is not None
    assert actions_agree(run, oil) is None


def test_one_quotation_told_by_two_outlets_is_one_fact_however_it_was_coded():
    # Nobody named, no trigger: only the words say it is one statement. Another sentence of that day in
    # other words stays apart.
    events = _coded(
        ("x", "en", "2024-11-20", "This gesture honors our people's desire for change and the civic feat that "
                                  "we carried out together on July 28."),
        ("y", "en", "2025-01-10", "“This gesture honors the desire for change of our people and the civic feat "
                                  "that we carried out together on July 28.”"),
        ("z", "en", "2024-08-01", "Turnout was high across the country on July 28, officials said."),
    )
    groups, facts = _joined(events)
    assert groups == [{"x", "y"}]
    joined = facts[facts["articles"] > 1].iloc[0]
    assert "the same words, one quotation" in joined["merge_reason"]


def test_two_sentences_of_one_day_sharing_a_few_words_are_no_quotation():
    events = _coded(
        ("a", "en", "2013-03-06", "Venezuelan President Hugo Chavez died on Tuesday in Caracas after a long "
                                  "battle with cancer, the government said."),
        ("b", "en", "2013-03-06", "The government said on Tuesday it expelled two American military attaches "
                                  "from Caracas."),
    )
    groups, _ = _joined(events)
    assert groups == []


def test_a_state_breaking_relations_told_by_its_year_is_the_years_one_break_by_that_state():
    day = [("d1", "en", "2019-01-24", "Venezuela broke off diplomatic relations with the United States on Wednesday."),
           ("d2", "es", "2019-01-24", "Venezuela rompió este miércoles relaciones diplomáticas con Estados Unidos.")]
    year = ("year", "en", "2024-08-03", "Venezuela severed its ties with the United States in 2019 "
                                        "after the latter recognized the opposition leader.")
    events = _coded(*day, year)
    assert set(events[events["article_id"] != "year"]["action"]) == {"relations"}
    assert events[events["article_id"] == "year"]["action"].tolist()[0] == "relations"
    groups, facts = _joined(events)
    assert groups == [{"d1", "d2", "year"}]
    assert "told by its year 2019 only" in " ".join(facts["merge_reason"])
    # The other state acting is another happening of the year.
    other = ("year", "en", "2024-08-03", "The United States severed its ties with Venezuela in 2019.")
    groups, _ = _joined(_coded(*day, other))
    assert groups == [{"d1", "d2"}]


# The $25 million reward of 2025-01-10, told by its day in two languages.
REWARD_25M_DAYS = [
    ("j1", "en", "2025-01-11", "The United States raised its reward for information leading to the arrest of "
                               "Nicolás Maduro to $25 million on Friday."),
    ("j2", "es", "2025-01-11", "Estados Unidos elevó este viernes a 25 millones de dólares la recompensa por "
                               "información que conduzca a la captura de Nicolás Maduro."),
]


def test_a_reward_told_by_its_year_is_the_years_one_reward_of_that_sum():
    days = REWARD_25M_DAYS
    year = ("year", "en", "2026-02-01", "Biden had raised the bounty to $25 million in 2025.")
    events = _coded(*days, year)
    assert set(events["action"]) == {"charge"}
    groups, facts = _joined(events)
    assert groups == [{"j1", "j2", "year"}]
    assert "sums in common" in " ".join(facts["merge_reason"])
    # Another sum is another reward.
    other = ("year", "en", "2026-02-01", "Biden had raised the bounty to $15 million in 2025.")
    groups, _ = _joined(_coded(*days, other))
    assert groups == [{"j1", "j2"}]


def test_a_sum_with_no_deeds_word_joins_the_one_fact_of_its_time_with_that_sum():
    days = REWARD_25M_DAYS
    figure = ("fig", "es", "2025-08-08", "Esta nueva cifra duplica la anterior de 25 millones de dólares establecida "
                                         "en enero de 2025.")
    events = _coded(*days, figure)
    assert events[events["article_id"] == "fig"]["action"].tolist() == ["other"]
    groups, facts = _joined(events)
    assert groups == [{"j1", "j2", "fig"}]
    assert "with the sum of the one fact of that time" in " ".join(facts["merge_reason"])
    # Another sum names another fact; and a sum two facts of the month share names neither.
    other = ("fig", "es", "2025-08-08", "Esta nueva cifra duplica la anterior de 30 millones de dólares establecida "
                                        "en enero de 2025.")
    assert _joined(_coded(*days, other))[0] == [{"j1", "j2"}]
    deal = [("k1", "en", "2025-01-21", "The United States pledged $25 million in aid for Venezuelan migrants on Monday."),
            ("k2", "es", "2025-01-21", "Estados Unidos prometió este lunes 25 millones de dólares en ayuda para los "
                                       "migrantes venezolanos.")]
    groups, _ = _joined(_coded(*days, *deal, figure))
    assert sorted(map(sorted, groups)) == [["j1", "j2"], ["k1", "k2"]]


def test_a_saying_that_hails_a_deed_names_it_and_joins_its_fact_but_the_side_it_befalls_answering_does_not():
    # "celebró la liberación": the release is what was hailed, not the dated happening, yet the saying names it.
    events = _coded(
        ("a", "es", "2025-02-01", "Seis estadounidenses detenidos en Venezuela fueron liberados este viernes."),
        ("b", "en", "2025-02-01", "Six Americans detained in Venezuela were released Friday."),
        ("c", "es", "2025-02-01", "El presidente de Estados Unidos, Donald Trump, celebró este viernes la liberación "
                                  "de seis prisioneros estadounidenses por parte de Venezuela."),
    )
    assert sorted(events["action"]) == ["release", "release", "statement"]
    groups, facts = _joined(events)
    assert groups == [{"a", "b", "c"}]
    assert "a statement about release and a release" in " ".join(facts["merge_reason"])
    # The side the deed befalls answering it is another happening.
    events = _coded(
        ("a", "en", "2019-01-29", "The United States imposed sanctions on PDVSA on Monday."),
        ("b", "es", "2019-01-29", "Estados Unidos impuso este lunes sanciones a PDVSA."),
        ("c", "en", "2019-01-29", "Maduro on Monday condemned the sanctions on PDVSA as theft."),
    )
    groups, _ = _joined(events)
    assert groups == [{"a", "b"}]


_STRIKE_DAY = [
    ("sun", "en", "2025-09-03", "President Donald Trump spoke to reporters at the White House. Tuesday’s strike "
                                "appears to be the first such military operation in the region for this purpose."),
    ("hd", "en", "2025-09-16", "U.S. military forces have carried out a second strike on a suspected drug cartel vessel "
                               "in international waters, President Donald Trump announced on 15 September. The 15 "
                               "September strike follows an earlier attack on 2 September, when U.S. forces destroyed "
                               "a boat originating from Venezuela in the southern Caribbean."),
    ("es", "es", "2025-09-02", "El presidente de Estados Unidos, Donald Trump, reveló este martes que las fuerzas "
                               "armadas de su país llevaron a cabo un ataque letal contra una embarcación procedente "
                               "de Venezuela."),
]


def test_the_one_deed_of_its_class_on_its_day_joins_reports_that_share_nothing_else():
    # The Spanish report shares no word, name or figure with the English two, which name nobody acting:
    # no link joins it, but it tells the day's one strike and nothing in it conflicts.
    groups, facts = _joined(_coded(*_STRIKE_DAY))
    assert groups == [{"sun", "hd", "es"}]
    reason = facts[facts["articles"] == 3].iloc[0]["merge_reason"]
    assert "military on 2025-09-02, the one military of that day the reports tell" in reason
    # The fact of the 15th stays its own.
    assert sorted(facts["value"]) == ["2025-09-02", "2025-09-15"]


def test_a_day_with_deeds_of_one_class_by_two_sides_joins_none_of_them_by_the_day_alone():
    # Venezuela deploying troops the same Tuesday: the day holds two deeds of the class, so which one
    # the Spanish strike report tells is for its own links to say, not for the day.
    troops = ("vz", "es", "2025-09-02", "El Gobierno de Venezuela desplegó este martes 15.000 efectivos en la "
                                        "frontera con Colombia.")
    groups, facts = _joined(_coded(*_STRIKE_DAY, troops))
    assert groups == [{"sun", "hd"}]
    assert "the one military of that day" not in " ".join(facts["merge_reason"])


def test_a_raid_and_a_capture_told_of_one_day_are_the_one_deed_of_their_kin_that_day():
    # Nothing links them (no name in common, two languages), but a raid and the capture it made are one kin.
    raid = ("raid", "en", "2026-01-04", "U.S. forces struck military targets across Caracas early on Saturday.")
    capture = ("cap", "es", "2026-01-04", "Nicolás Maduro fue capturado este sábado y trasladado a Nueva York.")
    events = _coded(raid, capture)
    assert sorted(events["action"]) == ["arrest", "military"]
    groups, facts = _joined(events)
    assert groups == [{"raid", "cap"}]
    assert "arrest or military on 2026-01-03, the one arrest or military of that day" in facts["merge_reason"].iloc[0]
    # Sanctions the same day are no kin of theirs: the day then holds a deed of each kin, and each stays its own.
    sanctions = ("sanc", "en", "2026-01-04", "The Treasury imposed sanctions on PDVSA on Saturday.")
    assert _joined(_coded(raid, sanctions))[0] == []


def test_a_saying_that_names_no_happening_joins_the_one_deed_of_its_day_unless_the_other_side_says_it():
    said = ("say", "es", "2025-09-03", "Desde el Despacho Oval, Donald Trump señaló este martes que se trataba de un "
                                       "barco de narcotraficantes.")
    answer = ("vz", "es", "2025-09-03", "Nicolás Maduro afirmó este martes que el video fue hecho con inteligencia "
                                        "artificial.")
    events = _coded(_STRIKE_DAY[2], said, answer)
    assert events.set_index("article_id")["action"].to_dict() == {"es": "military", "say": "statement", "vz": "statement"}
    groups, facts = _joined(events)
    # Maduro speaking is the other side's answer, not the strike.
    assert groups == [{"es", "say"}]
    assert "no happening named, told on 2025-09-02, a day the reports tell one deed of (military)" in (
        facts["merge_reason"].iloc[0])


def test_a_report_told_by_its_month_joins_the_one_fact_of_its_kin_in_that_month():
    licence = [("a", "en", "2022-11-27", "The US Treasury authorised Chevron on Saturday to resume oil production in "
                                        "Venezuela."),
               ("b", "es", "2022-11-27", "El Departamento del Tesoro de Estados Unidos autorizó este sábado a Chevron a "
                                        "reanudar la producción de petróleo en Venezuela.")]
    month = ("c", "en", "2025-03-20", "At the end of November 2022, US authorities allowed Chevron to produce oil in the "
                                      "republic despite the sanctions.")
    events = _coded(*licence, month)
    assert events.set_index("article_id")["action"].to_dict() == {
        "a": "sanctions-eased", "b": "sanctions-eased", "c": "sanctions"}
    groups, facts = _joined(events)
    assert groups == [{"a", "b", "c"}]
    assert "the one sanctions or sanctions-eased fact of that month it can mean" in facts["merge_reason"].iloc[0]
    # A class of another kin does not: talks that month are no licence.
    talks = ("c", "en", "2025-03-20", "At the end of November 2022, US officials met Chevron executives to discuss "
                                      "oil production in the republic.")
    events = _coded(*licence, talks)
    assert events.set_index("article_id")["action"]["c"] == "meeting"
    assert _joined(events)[0] == [{"a", "b"}]


_FLIGHT = ("Deportation flights of Venezuelans from the United States resumed on Wednesday. The plane touched down "
           "at Maiquetía airport outside Caracas on Wednesday afternoon.")
_FLIGHT_ES = "Los vuelos de deportación de venezolanos desde Estados Unidos se reanudaron este miércoles."


def test_a_sentence_with_no_deeds_word_is_told_again_by_its_article_on_the_day_of_its_one_deed():
    events = _coded(("a", "en", "2023-10-19", _FLIGHT), ("b", "es", "2023-10-19", _FLIGHT_ES),
                    ("c", "es", "2023-10-19", "Caracas, 18 de octubre.\n\n" + _FLIGHT_ES))
    assert events.groupby("article_id")["action"].apply(sorted).to_dict() == {
        "a": ["deportation", "other"], "b": ["deportation"], "c": ["deportation", "other"]}
    facts = merge_events(events)
    flight = facts[facts["articles"] == 3].iloc[0]
    assert sorted(ev["date_text"] for ev in flight.evidence) == [
        "este miércoles", "este miércoles", "on Wednesday", "on Wednesday afternoon"]
    assert "told again by its article" in flight.merge_reason
    # The bare dateline tells nothing: it stays its own.
    assert facts[facts["articles"] == 1]["value"].tolist() == ["2023-10-18"]


def test_reports_with_no_deeds_word_join_the_one_deed_their_day_holds_and_not_a_day_of_two():
    waited = "Relatives waited for hours at the airport in Maiquetía on Wednesday."
    events = _coded(("a", "es", "2023-10-19", _FLIGHT_ES), ("b", "en", "2023-10-19", waited))
    groups, facts = _joined(events)
    assert groups == [{"a", "b"}]
    assert "no deed's word, told on 2023-10-18, a day the reports tell one deed of (deportation)" in (
        facts["merge_reason"].iloc[0])
    # A day that also holds sanctions: which deed the bare report is of, nothing says.
    sanctions = ("c", "en", "2023-10-19", "The Treasury imposed sanctions on PDVSA on Wednesday.")
    assert _joined(_coded(("a", "es", "2023-10-19", _FLIGHT_ES), ("b", "en", "2023-10-19", waited), sanctions))[0] == []
