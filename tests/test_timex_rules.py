"""The temporal tagger, rule family by rule family, on short news sentences.

Every expected ``(date_text, value)`` pair follows the corpus annotation conventions
(/work/shared/corpus/README.md, "Annotation conventions"):

* ``date_text`` is the expression as a reader would mark it, with its governing preposition or
  modifier ("in 2019", "since late March", "Tuesday's"). Events are matched to tagger output by
  overlap of character spans, as the corpus scorer does; exact span boundaries are checked
  separately in ``test_span_boundaries``.
* ``value`` is the TIMEX3-style value; ``None`` means kept but unresolved.
* A sentence must yield exactly the listed events: no more, no fewer.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.tagger import check_timexes
from support.timex_cases import assert_tagged, case

from newsline.timex import tag


def check(sentence: str, published: str, expected: list[tuple[str, str | None]]):
    found = tag(sentence, published=published)
    assert_tagged(found, sentence, expected)


# --------------------------------------------------------------------------- explicit dates

EXPLICIT = [
    case("full-date", "Maduro was sworn in for a third term on January 10, 2025, in Caracas.",
         "2025-01-11", ("on January 10, 2025", "2025-01-10")),
    case("abbrev-month-dot", "The Treasury Department issued the general license on Jan. 10, officials said.",
         "2025-02-03", ("on Jan. 10", "2025-01-10")),
    case("sept-abbrev", "Hegseth visited Puerto Rico on Sept. 8, the Pentagon said.",
         "2025-09-20", ("on Sept. 8", "2025-09-08")),
    case("day-month-order-future", "The opposition has called for nationwide protests on 10 January.",
         "2025-01-05", ("on 10 January", "2025-01-10")),
    case("day-month-year", "The ten Americans were released on 20 December 2023.",
         "2023-12-21", ("on 20 December 2023", "2023-12-20")),
    case("month-day-as-modifier", "Electoral authorities declared Maduro the winner of the July 28 vote.",
         "2024-08-02", ("July 28", "2024-07-28")),
    case("on-month-day", "Venezuelans voted in a presidential election on July 28.",
         "2024-07-29", ("on July 28", "2024-07-28")),
    case("in-year", "Guaidó declared himself interim president in 2019.",
         "2023-01-05", ("in 2019", "2019")),
    case("in-month-year", "Negotiations in Mexico City were suspended in October 2021.",
         "2022-06-27", ("in October 2021", "2021-10")),
    case("sentence-initial-month-year", "In December 2023, Saab was flown back to Caracas.",
         "2024-01-30", ("In December 2023", "2023-12")),
    case("bare-month-past-with-money",
         "The U.S. raised the reward for Maduro's capture to $25 million in January.",
         "2025-08-07", ("in January", "2025-01")),
    case("decade", "Venezuela's oil output peaked in the 1990s.",
         "2024-03-01", ("in the 1990s", "1990/1999")),
    case("mid-decade", "Since the mid-2010s, millions of Venezuelans have left the country.",
         "2024-03-01", ("Since the mid-2010s", "2014/2016")),
    case("early-month", "Government and opposition delegates met in Barbados in early October.",
         "2023-11-15", ("in early October", "2023-10")),
    case("late-month-future", "Talks are expected to resume in late October, diplomats said.",
         "2023-10-02", ("in late October", "2023-10")),
    case("mid-month", "Chevron resumed crude shipments to the U.S. in mid-March.",
         "2023-05-01", ("in mid-March", "2023-03")),
    case("mid-year", "Oil exports fell sharply in mid-2023, according to shipping data.",
         "2024-02-10", ("in mid-2023", "2023")),
    case("season-of-year", "The opposition held its primary election in the fall of 2023.",
         "2024-01-30", ("in the fall of 2023", "2023-09/2023-11")),
    case("season-last", "Machado toured the country last summer to rally voters.",
         "2024-12-03", ("last summer", "2024-06/2024-08")),
    case("season-this-future", "Washington expects the first deportation flights to land this spring.",
         "2025-02-10", ("this spring", "2025-03/2025-05")),
    case("quarter-of-year", "PDVSA's exports rose in the third quarter of 2024.",
         "2024-11-05", ("in the third quarter of 2024", "2024-07/2024-09")),
    case("quarter-yearless", "Chevron's Venezuelan output grew in the first quarter, the company said.",
         "2025-05-02", ("in the first quarter", "2025-01/2025-03")),
    case("quarter-abbrev", "U.S. imports of Venezuelan crude rose in Q3 2024.",
         "2024-11-05", ("in Q3 2024", "2024-07/2024-09")),
    case("year-as-modifier", "Machado was barred from running in the 2024 presidential election.",
         "2024-03-01", ("2024", "2024")),
    case("year-of-a-law", "The administration invoked a controversial provision from 1798 to deport Venezuelans.",
         "2025-03-17", ("from 1798", "1798")),
    case("until-month", "The license remains valid until April.",
         "2024-01-30", ("until April", "2024-04")),
    case("as-of-date", "As of March 1, more than 300 political prisoners remained in custody.",
         "2025-03-10", ("As of March 1", "2025-03-01")),
]


@pytest.mark.parametrize("sentence, published, expected", EXPLICIT)
def test_explicit_dates(sentence, published, expected):
    check(sentence, published, expected)


# A weekday that doesn't fit the year written: the year is a slip of the pen when the same day a
# year either side fits the weekday near publication, and only then.
WEEKDAY_SLIPS = [
    ("Forces captured him on Saturday, January 3, 2025, before dawn.", "2026-01-04", "2026-01-03", "weekday-corrected"),
    ("Forces captured him on Saturday, January 3, 2026, before dawn.", "2026-01-04", "2026-01-03", "explicit"),
    # The weekday fits no year near publication: the date stays as written.
    ("The deal was signed on Monday, January 3, 2025.", "2026-01-04", "2025-01-03", "explicit"),
    # Written far from publication with a wrong weekday: nothing to correct it towards.
    ("The deal was signed on Friday, March 14, 2019.", "2026-01-04", "2019-03-14", "explicit"),
    # Near publication already: a wrong weekday there is no year slip.
    ("The deal was signed on Tuesday, January 3, 2026.", "2026-01-04", "2026-01-03", "explicit"),
]


@pytest.mark.parametrize("sentence, published, value, resolution", WEEKDAY_SLIPS)
def test_a_year_the_weekday_does_not_fit_is_corrected_only_near_publication(sentence, published, value, resolution):
    (tx,) = tag(sentence, published=published)
    assert (tx.value, tx.resolution) == (value, resolution)


# --------------------------------------------------------------------------- relative to publication
# 2025-09-03 is a Wednesday, 2024-12-03 a Tuesday, 2025-03-17 a Monday, 2026-01-16 a Friday.

RELATIVE = [
    case("weekday-past-said", "Trump said Tuesday that U.S. forces had struck a drug boat that left Venezuela.",
         "2025-09-03", ("Tuesday", "2025-09-02")),
    case("weekday-past-on", "Hegseth announced on Friday that more warships would be sent.",
         "2025-09-03", ("on Friday", "2025-08-29")),
    # "would not rule out" tells a refusal already made, not a plan
    case("weekday-would-not", "President Trump on Friday would not rule out a military option in Venezuela.",
         "2017-08-12", ("on Friday", "2017-08-11")),
    case("weekday-future-will", "Rubio will travel to Mexico City on Thursday.",
         "2025-09-03", ("on Thursday", "2025-09-04")),
    case("weekday-future-earlier-in-week", "The Senate is expected to vote Monday on the war powers resolution.",
         "2025-09-03", ("Monday", "2025-09-08")),
    case("weekday-possessive", "Tuesday's strike killed 11 people, Trump said.",
         "2025-09-03", ("Tuesday's", "2025-09-02")),
    case("weekday-possessive-curly", "Tuesday’s agreement sets the stage for a presidential election.",
         "2023-10-18", ("Tuesday’s", "2023-10-17")),
    case("weekday-is-publication-day", "Hegseth said Wednesday morning that more strikes would follow.",
         "2025-09-03", ("Wednesday morning", "2025-09-03")),
    case("weekday-is-publication-day-on", "The first deportation flight of the year landed in Caracas on Friday.",
         "2026-01-16", ("on Friday", "2026-01-16")),
    case("this-saturday-past-in-monday-article", "This Saturday, the government deported 238 Venezuelans to El Salvador.",
         "2025-03-17", ("This Saturday", "2025-03-15")),
    case("early-weekday-morning", "Early Sunday morning, the plane landed in San Salvador.",
         "2025-03-17", ("Early Sunday morning", "2025-03-16")),
    case("late-weekday", "The two Americans were flown to Florida late Tuesday.",
         "2022-03-09", ("late Tuesday", "2022-03-08")),
    case("today", "The foreign ministry said today that it rejects the new sanctions.",
         "2024-12-03", ("today", "2024-12-03")),
    case("yesterday", "Machado appeared at a rally in Caracas yesterday.",
         "2025-01-10", ("yesterday", "2025-01-09")),
    case("quoted-today-in-post",
         'Bukele wrote on Sunday: "Today, the first 238 members of Tren de Aragua arrived in our country."',
         "2025-03-17", ("on Sunday", "2025-03-16"), ("Today", "2025-03-16")),
    case("quoted-today-in-statement",
         'In a joint statement issued Tuesday, the parties said: "Today we signed a partial agreement."',
         "2023-10-18", ("Tuesday", "2023-10-17"), ("Today", "2023-10-17")),
    case("quoted-hours-ago",
         '"The plane landed two hours ago," Maduro said in a televised address on Saturday.',
         "2024-08-05", ("two hours ago", "2024-08-03"), ("on Saturday", "2024-08-03")),
    case("last-week", "U.S. officials met Venezuelan envoys in Qatar last week.",
         "2024-12-03", ("last week", "2024-11-25/2024-12-01")),
    case("this-week", "The State Department will review the oil licences this week.",
         "2024-12-03", ("this week", "2024-12-02/2024-12-08")),
    case("earlier-this-week", "Earlier this week, Venezuela freed ten political prisoners.",
         "2024-12-05", ("Earlier this week", "2024-12-02/2024-12-05")),
    case("over-the-weekend", "Thousands of protesters marched in Caracas over the weekend.",
         "2024-12-03", ("over the weekend", "2024-11-30/2024-12-01")),
    case("last-weekend", "Opposition leaders met in Panama last weekend.",
         "2024-12-05", ("last weekend", "2024-11-30/2024-12-01")),
    case("last-month", "Venezuela expelled diplomats from seven Latin American countries last month.",
         "2024-08-10", ("last month", "2024-07")),
    case("this-month", "Chevron's licence expires this month.",
         "2025-05-10", ("this month", "2025-05")),
    case("earlier-this-month", "Earlier this month, the Treasury renewed Chevron's licence.",
         "2024-12-20", ("Earlier this month", "2024-12")),
    case("last-year", "Venezuela's oil exports rose by 20% last year.",
         "2024-12-03", ("last year", "2023")),
    case("this-years-possessive", "Observers questioned the fairness of this year’s election.",
         "2024-08-02", ("this year’s", "2024")),
    case("next-year", "The opposition hopes a new election will be held next year.",
         "2024-12-03", ("next year", "2025")),
    case("earlier-this-year", "Earlier this year, the U.S. revoked Chevron's licence.",
         "2025-07-18", ("Earlier this year", "2025")),
    case("just-last-year", "Just last year, the two governments swapped prisoners.",
         "2024-05-10", ("Just last year", "2023")),
    case("second-half-of-next-year",
         "The agreement calls for a presidential election in the second half of next year.",
         "2023-10-18", ("in the second half of next year", "2024-07/2024-12")),
    case("in-the-last-n-years",
         "More than seven million Venezuelans have emigrated in the last five years.",
         "2024-12-03", ("in the last five years", "2019/2024")),
]


@pytest.mark.parametrize("sentence, published, expected", RELATIVE)
def test_relative_to_publication(sentence, published, expected):
    check(sentence, published, expected)


# --------------------------------------------------------------------------- ranges and lists

RANGES = [
    case("two-years-listed", "Chevron received limited licences in 2022 and 2023.",
         "2024-01-30", ("in 2022 and 2023", "2022/2023")),
    case("between-month-and-end-of-month",
         "Inflation slowed between May and the end of August, the central bank said.",
         "2024-10-01", ("between May and the end of August", "2024-05/2024-08")),
    case("from-year-to-year", "Guaidó's team controlled Citgo from 2019 to 2023.",
         "2024-01-30", ("from 2019 to 2023", "2019/2023")),
    case("between-years-with-three-quarters",
         "Between 2014 and 2021, Venezuela's economy shrank by three quarters.",
         "2024-01-30", ("Between 2014 and 2021", "2014/2021")),
    case("from-month-to-month", "The embassy was closed from March to June.",
         "2024-10-01", ("from March to June", "2024-03/2024-06")),
    case("since-month-day", "The opposition has published tally sheets online since July 31.",
         "2024-08-10", ("since July 31", "2024-07-31")),
    case("since-year", "Maduro has been president since 2013.",
         "2024-08-10", ("since 2013", "2013")),
    case("since-early-month", "U.S. warships have patrolled the Caribbean since early September.",
         "2025-10-03", ("since early September", "2025-09")),
    case("since-year-with-when-clause",
         "Saab had been held in the United States since 2020, when he was pulled off a private jet in Cape Verde.",
         "2023-12-20", ("since 2020", "2020")),
    case("for-almost-n-months-perfect", "Cárdenas has been detained for almost four months.",
         "2024-06-15", ("for almost four months", "2024-02/2024-06")),
    case("for-nearly-n-months-perfect", "Flights to Caracas have been suspended for nearly three months.",
         "2024-06-15", ("for nearly three months", "2024-03/2024-06")),
]


@pytest.mark.parametrize("sentence, published, expected", RANGES)
def test_ranges_and_lists(sentence, published, expected):
    check(sentence, published, expected)


# --------------------------------------------------------------------------- periods from the actor base

PERIODS = [
    case("his-first-term", "During his first term, Trump imposed sweeping oil sanctions on Venezuela.",
         "2025-02-01", ("During his first term", "2017-01-20/2021-01-20")),
    case("named-first-term", "The oil sanctions were first imposed during President Donald Trump's first term.",
         "2024-01-30", ("during President Donald Trump's first term", "2017-01-20/2021-01-20")),
    case("second-term-so-far", "Trump's second term has overseen a sharp rise in deportations.",
         "2025-10-03", ("Trump's second term", "2025-01-20/2025-10-03")),
    case("maduro-second-term", "The economy collapsed during Maduro's second term.",
         "2025-06-01", ("during Maduro's second term", "2019-01-10/2025-01-10")),
    case("biden-administration", "Deportation flights to Caracas resumed briefly during the Biden administration.",
         "2025-03-01", ("during the Biden administration", "2021-01-20/2025-01-20")),
    case("chavez-presidency", "Venezuela nationalized foreign oil projects during Chávez's presidency.",
         "2024-02-10", ("during Chávez's presidency", "1999-02-02/2013-03-05")),
    case("chavez-presidency-unaccented", "Venezuela nationalized foreign oil projects during Chavez's presidency.",
         "2024-02-10", ("during Chavez's presidency", "1999-02-02/2013-03-05")),
    case("since-taking-office", "Trump has deported thousands of Venezuelans since taking office.",
         "2025-03-10", ("since taking office", "2025-01-20")),
    case("year-wins-over-term",
         "In 2020, during President Donald Trump's first term, U.S. prosecutors charged Maduro with narco-terrorism.",
         "2024-01-30", ("In 2020", "2020")),
    case("term-sworn-into-is-not-a-frame", "Maduro was sworn in on Friday for a third six-year term.",
         "2025-01-11", ("on Friday", "2025-01-10")),
    case("administration-as-actor-only", "The Biden administration eased oil sanctions in October 2023.",
         "2024-01-30", ("in October 2023", "2023-10")),
]


@pytest.mark.parametrize("sentence, published, expected", PERIODS)
def test_periods_from_actor_base(sentence, published, expected):
    check(sentence, published, expected)


# --------------------------------------------------------------------------- year-less dates

YEARLESS = [
    case("december-in-january-article", "Machado left Venezuela on December 10 to collect the Nobel prize in Oslo.",
         "2026-01-16", ("on December 10", "2025-12-10")),
    case("january-in-december-article-future", "Maduro is due to be sworn in for a new term on January 10.",
         "2024-12-03", ("on January 10", "2025-01-10")),
    case("inauguration-ahead", "Trump will be inaugurated on January 20.",
         "2024-11-15", ("on January 20", "2025-01-20")),
    case("mid-december-in-january-article", "Two oil tankers were seized in mid-December.",
         "2026-01-16", ("in mid-December", "2025-12")),
    case("since-late-march-in-january-article", "Return flights had been regularized since late March.",
         "2026-01-16", ("since late March", "2025-03")),
    case("november-in-january-article", "The Pentagon announced the operation in November.",
         "2026-01-05", ("in November", "2025-11")),
    case("same-month-earlier-day", "U.S. forces seized a tanker off Venezuela on December 10.",
         "2025-12-20", ("on December 10", "2025-12-10")),
    case("same-year-early-january", "Maduro was captured in Caracas on January 3.",
         "2026-01-16", ("on January 3", "2026-01-03")),
    case("march-in-december-article-future", "New elections could be held in March, officials said.",
         "2025-12-20", ("in March", "2026-03")),
]


@pytest.mark.parametrize("sentence, published, expected", YEARLESS)
def test_yearless_dates(sentence, published, expected):
    check(sentence, published, expected)


# --------------------------------------------------------------------------- chained relatives

CHAINED = [
    case("hours-later", "Maduro was captured on January 3. Hours later, Trump addressed the nation.",
         "2026-01-16", ("on January 3", "2026-01-03"), ("Hours later", "2026-01-03")),
    case("that-day",
         "The two former Green Berets landed on a Venezuelan beach on May 3, 2020. They were arrested that day.",
         "2023-12-20", ("on May 3, 2020", "2020-05-03"), ("that day", "2020-05-03")),
    case("the-following-year",
         "The government and the opposition signed an agreement in Barbados in 2023. "
         "The following year, Maduro claimed victory in a disputed election.",
         "2025-01-11", ("in 2023", "2023"), ("The following year", "2024")),
    case("that-same-year",
         "Denman and Berry were arrested in 2020. That same year, they were sentenced to 20 years in prison.",
         "2023-12-20", ("in 2020", "2020"), ("That same year", "2020")),
    case("two-days-later", "The first boat was struck on September 2. Two days later, Hegseth defended the strike.",
         "2025-09-10", ("on September 2", "2025-09-02"), ("Two days later", "2025-09-04")),
    # an upper bound ("less than a week") places the happening anywhere up to the offset, not on its day
    case("less-than-a-week-after", "The sanctions came less than a week after Trump recognised Guaidó.",
         "2019-01-28", ("less than a week after", "2019-01-21/2019-01-28")),
    case("a-week-later", "Trump spoke to Maduro by phone on November 21. A week later, he closed Venezuelan airspace.",
         "2025-12-10", ("on November 21", "2025-11-21"), ("A week later", "2025-11-28")),
    case("the-next-day",
         "The opposition published its tallies on July 29. The next day, the U.S. recognized González's victory.",
         "2024-08-10", ("on July 29", "2024-07-29"), ("The next day", "2024-07-30")),
    case("on-the-same-day", "Venezuela freed ten Americans on December 20, 2023. On the same day, the U.S. released Saab.",
         "2024-01-30", ("on December 20, 2023", "2023-12-20"), ("On the same day", "2023-12-20")),
    # minutes after what the story has just told: its day, a day later in the paper
    case("minutes-after",
         "Guaidó declared himself interim president on Wednesday. The U.S. move came just minutes after he took the oath.",
         "2019-01-24", ("on Wednesday", "2019-01-23"), ("just minutes after", "2019-01-23")),
    case("on-the-day-he-was-sworn-in",
         "Trump was sworn in on January 20, 2025. On the day he was sworn in, he signed an order targeting cartels.",
         "2025-03-01", ("on January 20, 2025", "2025-01-20"), ("On the day he was sworn in", "2025-01-20")),
]


@pytest.mark.parametrize("sentence, published, expected", CHAINED)
def test_chained_relatives(sentence, published, expected):
    check(sentence, published, expected)


# --------------------------------------------------------------------------- vague, kept unresolved

UNRESOLVED = [
    case("in-recent-years", "Venezuela's oil production has recovered somewhat in recent years.",
         "2024-12-03", ("in recent years", None)),
    case("days-earlier", "Days earlier, the opposition had published its own tally sheets.",
         "2024-08-10", ("Days earlier", None)),
    case("in-the-coming-days", "More deportation flights are expected in the coming days.",
         "2025-03-17", ("in the coming days", None)),
    case("coming-days-and-weeks", "Officials said more flights would follow in the coming days and weeks.",
         "2025-03-17", ("in the coming days and weeks", None)),
    case("more-than-two-decades-ago", "Chávez first came to power more than two decades ago.",
         "2024-12-03", ("more than two decades ago", None)),
    case("more-than-four-years-ago", "The men were detained more than four years ago.",
         "2022-03-08", ("more than four years ago", None)),
    case("in-at-least-three-years", "It was the largest prisoner release in at least three years.",
         "2024-12-03", ("in at least three years", None)),
    case("adverbial-since", "Machado has since been barred from holding public office.",
         "2024-12-03", ("since", None)),
    case("later", "Maduro later denied the report.",
         "2024-12-03", ("later", None)),
    case("first-time-in-years", "It was the first time in years that U.S. officials visited Caracas.",
         "2022-03-08", ("the first time in years", None)),
]


@pytest.mark.parametrize("sentence, published, expected", UNRESOLVED)
def test_vague_expressions_stay_unresolved(sentence, published, expected):
    check(sentence, published, expected)


# --------------------------------------------------------------------------- not dates at all

NEGATIVES = [
    pytest.param("We will not accept any foreign interference, Maduro told supporters.", id="we"),
    pytest.param('"Venezuela es tu casa," read a banner outside the palace.', id="tu"),
    pytest.param("Washington may impose new sanctions on the state oil company.", id="may-modal"),
    pytest.param("May God protect Venezuela, Machado wrote on social media.", id="may-sentence-initial"),
    pytest.param("Thousands of exiles joined a march in Madrid in support of González.", id="a-march-in-madrid"),
    pytest.param("Supporters plan to march to the electoral council.", id="march-verb"),
    pytest.param("Cabello is widely seen as the second most powerful man in Venezuela.", id="second-most-powerful"),
    pytest.param("Supporters waited under the hot sun outside Miraflores palace.", id="sun"),
    pytest.param("Machado met Trump at Mar-a-Lago.", id="mar-a-lago"),
    pytest.param("The ruling was widely criticized by rights groups.[4][5]", id="citation-markers"),
    pytest.param("The Coast Guard intercepted 231 migrants off the coast of Aruba.", id="bare-number"),
    pytest.param("The State Department offered a $15 million reward for information on Cabello.", id="money"),
    pytest.param("The Pentagon sent 2,000 troops to Puerto Rico.", id="thousands-with-comma"),
    pytest.param("Venezuela pumps about 900,000 barrels a day.", id="per-day-rate"),
    pytest.param("Saab, 51, was flown to Caracas aboard a private jet.", id="age-apposition"),
    pytest.param("The 75-year-old opposition candidate fled to Spain.", id="age-year-old"),
    pytest.param("Cárdenas spent three years detained in Venezuela.", id="duration-spent-three-years"),
    pytest.param("Maduro began a six-year term amid international condemnation.", id="six-year-term"),
    pytest.param("A U.S. judge sentenced the former general to 20 years in prison.", id="sentenced-to-20-years"),
    pytest.param("Chevron was given 14 days to complete the wind-down of its operations.", id="14-days-to-complete"),
    pytest.param("TPS designations are renewed every 18 months.", id="every-18-months"),
    pytest.param("The waiver was granted for a period of one year.", id="for-a-period-of-one-year"),
    pytest.param("CARACAS, Dec 3 (Reuters) - Venezuela's government said it would release more prisoners.",
                 id="dateline"),
    pytest.param("The former opposition lawmaker lives in exile in Spain.", id="former"),
    pytest.param("Then-President Donald Trump recognized Guaidó as Venezuela's leader.", id="then-president"),
    pytest.param("The deal was negotiated by then-US President Joe Biden's envoys.", id="then-us-president"),
    pytest.param("Maduro was arraigned in a New York federal court.", id="new-york"),
    pytest.param("Lawmakers reintroduced the Venezuela TPS Act of 2021 in the House.", id="named-act-of-year"),
    pytest.param("The late Hugo Chávez nationalized the oil industry.", id="late-meaning-deceased"),
    pytest.param("It was the last such direct flight between the two countries.", id="last-as-ordinal"),
    pytest.param("It was the first prisoner exchange between the two countries.", id="first-as-ordinal"),
    pytest.param("Venezuela currently holds more than 800 political prisoners.", id="currently"),
    pytest.param("The Nobel laureate is now in hiding.", id="now"),
    pytest.param("Trump promised mass deportations during his campaign.", id="during-his-campaign"),
    pytest.param("The long-standing dispute over Citgo remains unresolved.", id="long-standing"),
    pytest.param('Maduro vowed his third six-year term would be "a period of peace."', id="promised-term"),
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_not_a_date(sentence):
    found = tag(sentence, published="2024-12-03")
    assert [(t.text, t.value) for t in found] == []


# --------------------------------------------------------------------------- exact span boundaries

SPANS = [
    pytest.param("Guaidó declared himself interim president in 2019.", "2023-01-05", "in 2019", id="in-year"),
    pytest.param("Return flights had been regularized since late March.", "2026-01-16", "since late March",
                 id="since-late-month"),
    pytest.param("Since the mid-2010s, millions of Venezuelans have left the country.", "2024-03-01",
                 "Since the mid-2010s", id="since-mid-decade"),
    pytest.param("Tuesday’s agreement sets the stage for a presidential election.", "2023-10-18", "Tuesday’s",
                 id="weekday-possessive"),
    pytest.param("Observers questioned the fairness of this year’s election.", "2024-08-02", "this year’s",
                 id="this-years"),
    pytest.param("Early Sunday morning, the plane landed in San Salvador.", "2025-03-17", "Early Sunday morning",
                 id="early-weekday-morning"),
    pytest.param("The two Americans were flown to Florida late Tuesday.", "2022-03-09", "late Tuesday",
                 id="late-weekday"),
    pytest.param("As of March 1, more than 300 political prisoners remained in custody.", "2025-03-10",
                 "As of March 1", id="as-of"),
    pytest.param("The license remains valid until April.", "2024-01-30", "until April", id="until"),
    pytest.param("Machado was barred from running in the 2024 presidential election.", "2024-03-01", "2024",
                 id="modifier-year-only"),
    pytest.param("Just last year, the two governments swapped prisoners.", "2024-05-10", "Just last year",
                 id="just-last-year"),
    pytest.param("Maduro was captured on January 3. Hours later, Trump addressed the nation.", "2026-01-16",
                 "Hours later", id="hours-later"),
    pytest.param("Trump was sworn in on January 20, 2025. On the day he was sworn in, he signed an order.",
                 "2025-03-01", "On the day he was sworn in", id="on-the-day-he-was-sworn-in"),
    pytest.param("Venezuelans voted in a presidential election on July 28.", "2024-07-29", "on July 28",
                 id="on-month-day"),
]


@pytest.mark.parametrize("sentence, published, date_text", SPANS)
def test_span_boundaries(sentence, published, date_text):
    texts = [t.text for t in tag(sentence, published=published)]
    assert date_text in texts, f"tagger spans: {texts}"


# --------------------------------------------------------------------------- properties on arbitrary text

FRAGMENTS = [
    "January 10, 2025", "Jan. 10", "10 January", "July 28", "in 2019", "in October 2021", "the 1990s",
    "early October", "late", "mid-2023", "mid-", "summer", "the third quarter of", "Q3", "on Tuesday",
    "Tuesday's", "today", "yesterday", "last week", "this year’s", "next year", "the weekend",
    "earlier this month", "in the last five years", "in 2022 and 2023", "between May and the end of August",
    "from 2019 to 2021", "since July 31", "for almost four months", "has been", "his first term",
    "during the Biden administration", "during Chávez's presidency", "since taking office", "that day",
    "the following year", "two days later", "Hours later", "in recent years", "days earlier",
    "in the coming days", "more than two decades ago", "we", "tu", "may", "May", "a march", "sun", "[4][5]",
    "231", "$15 million", "51,", "20 years", "six-year", "CARACAS, Dec 3 (Reuters) -", "former",
    "then-President", "New York", "Act of 2021", "February 30, 2023", "February 29", "32 December",
    "0000", "in 0", "99999", "the 0s", "mid-0", "Q9", "12/31/2024", "2024-12-03", "since", "ago", "later",
    "between", "and", "to", "from", "the", "of", "in", "on", "Trump", "Maduro", "said", "will", ".", ",",
    '"', "’s", "\n\n", "  ",
]
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
PUBLISHED = st.one_of(
    st.none(),
    st.sampled_from(["2024-12-03", "2026-01-16", "2025-03-17", "2000-01-01", "2025-03", "2025"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat),
)


def _check_invariants(text: str, published: str | None):
    check_timexes(text, tag(text, published=published))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=200), published=PUBLISHED)
def test_arbitrary_text_never_breaks_the_tagger(text, published):
    _check_invariants(text, published)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(st.sampled_from(FRAGMENTS), WORDS), max_size=25),
       seps=st.sampled_from([" ", "", ", ", ". "]), published=PUBLISHED)
def test_date_like_fragments_never_break_the_tagger(parts, seps, published):
    _check_invariants(seps.join(parts), published)


# --------------------------------------------------------------------------- no publication date

@pytest.mark.parametrize("language, text, expected", [
    # the year of the last full date written before, as a reader takes it
    ("es", "El acuerdo fue suscrito el 17 de octubre de 2023. Un día después, el 18 de octubre, llegó la licencia. "
     "En noviembre, el gobierno respondió.",
     [("el 17 de octubre de 2023", "2023-10-17"), ("Un día después", "2023-10-18"), ("el 18 de octubre", "2023-10-18"),
      ("En noviembre", "2023-11")]),
    # a bare year names another happening's year, and with no full date before nothing is guessed
    ("en", "The 2024 elections were agreed. On October 18, the licence came.", [("2024", "2024"), ("On October 18", None)]),
])
def test_without_a_publication_date_a_missing_year_is_the_last_full_date_s(language, text, expected):
    found = [(t.text, t.value) for t in tag(text, published=None, language=language)]
    assert found == expected


@pytest.mark.parametrize("language, text, published, expected", [
    # "according to" / "según" opens the attribution: its date is the saying's, whatever the tense before
    ("en", "The United States will withdraw its diplomats, according to a statement from the Secretary on Monday.",
     "2019-03-12", [("on Monday", "2019-03-11")]),
    ("es", "Estados Unidos retirará a sus diplomáticos, según un comunicado del secretario el lunes.",
     "2019-03-12", [("el lunes", "2019-03-11")]),
])
def test_an_attribution_takes_its_own_tense(language, text, published, expected):
    assert [(t.text, t.value) for t in tag(text, published=published, language=language)] == expected


@pytest.mark.parametrize("language, text, published, expected", [
    # a day something was set for lies ahead, though the setting is told in the past
    ("en", "The next court date was set for March 17.", "2026-01-05", [("March 17", "2026-03-17")]),
    ("en", "The vote was slated for March 17.", "2026-01-05", [("March 17", "2026-03-17")]),
    ("es", "La próxima audiencia fue fijada para el 17 de marzo.", "2026-01-05", [("para el 17 de marzo", "2026-03-17")]),
    # ... and behind, told after it
    ("en", "The hearing was set for March 17.", "2026-04-05", [("March 17", "2026-03-17")]),
])
def test_a_day_set_for_lies_ahead_of_the_setting(language, text, published, expected):
    assert [(t.text, t.value) for t in tag(text, published=published, language=language)] == expected


@pytest.mark.parametrize("language, text, expected", [
    # a chronology's entry opens with its year: its dates that name none are of that year
    ("es", "Cronología.\n\n2022: El 26 de noviembre, el Tesoro emite la licencia.\n\nEn marzo, Chevron cerró.",
     {"El 26 de noviembre": "2022-11-26", "En marzo": "2025-03"}),
    ("en", "Timeline.\n\n2019: On January 23, Guaidó declares himself interim president.\n\n"
           "2023: In October, the sides sign an agreement in Barbados.",
     {"On January 23": "2019-01-23", "In October": "2023-10"}),
])
def test_a_chronologys_year_label_dates_its_entry(language, text, expected):
    found = {t.text: t.value for t in tag(text, published="2025-08-12", language=language)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize("language, text, expected", [
    # entries that open with their day: a year-less one is of the year of the entry before it
    ("es", "El 23 de enero de 2019, Guaidó se proclama presidente encargado.\n\nEl 22 de febrero, Guaidó burla una "
           "prohibición de salida del país.\n\nGuaidó viaja por Colombia antes de regresar a Caracas el 4 de marzo."
           "\n\nEl 30 de abril, un pequeño grupo de militares se alza en Caracas.",
     {"El 22 de febrero": "2019-02-22", "el 4 de marzo": "2019-03-04", "El 30 de abril": "2019-04-30"}),
    ("en", "On January 23, 2019, Guaidó declared himself interim president.\n\nOn April 30, a group of soldiers "
           "rose up in Caracas.",
     {"On April 30": "2019-04-30"}),
    # ... not a day the entry before it has passed (of publication's year, then), nor one that is no entry's
    # before two entries show a chronology
    ("en", "On November 5, 2019, the talks ended.\n\nOn March 2, the embassy reopened.",
     {"On March 2": "2020-03-02"}),
    ("en", "On January 23, 2019, Guaidó declared himself interim president.\n\nThe embassy reopened on March 2.",
     {"on March 2": "2020-03-02"}),
    # ... nor an entry after a full date of publication's year
    ("en", "On January 5, 2020, the Assembly met.\n\nOn March 2, the embassy reopened.", {"On March 2": "2020-03-02"}),
])
def test_a_chronologys_entry_names_the_year_of_the_entries_after_it(language, text, expected):
    found = {t.text: t.value for t in tag(text, published="2020-06-23", language=language)}
    assert {k: found.get(k) for k in expected} == expected



@pytest.mark.parametrize("language, text, first, last", [
    ("en", "Two people survived an early September attack.", "2025-09-01", "2025-09-10"),
    ("en", "Talks resumed in mid-March.", "2025-03-11", "2025-03-20"),
    ("es", "El ataque ocurrió a finales de septiembre.", "2025-09-21", "2025-09-30"),
    ("es", "Las conversaciones se reanudaron a principios de febrero.", "2025-02-01", "2025-02-10"),
    ("en", "The strike came in September.", "2025-09-01", "2025-09-30"),
])
def test_early_mid_and_late_narrow_a_month_to_the_days_they_can_mean(language, text, first, last):
    from newsline.events import extract_events
    from newsline.model import Article

    row, = extract_events(Article("a", text, published="2025-12-06", language=language))
    assert row["granularity"] == "month" and row["value"] == first[:7]  # the value stays the month
    assert (row["date_start"], row["date_end"]) == (first, last)


@pytest.mark.parametrize("language, text, published, value", [
    ("es", "Las fuerzas ya abatieron una lancha hace casi dos semanas.", "2025-09-15", "2025-09-02"),
    ("en", "It came just under two weeks after the US military killed 11 people.", "2025-09-15", "2025-09-02"),
    ("en", "The landing comes nearly two weeks after Maduro was captured.", "2026-01-16", "2026-01-03"),
    # counted whole, the weeks end on their day
    ("en", "This strike comes two weeks after the US military attacked another vessel.", "2025-09-16", "2025-09-02"),
])
def test_nearly_n_weeks_is_a_day_short_of_them(language, text, published, value):
    from newsline.events import extract_events
    from newsline.model import Article

    row, = extract_events(Article("a", text, published=published, language=language))
    assert row["value"] == value
