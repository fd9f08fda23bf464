"""The Spanish temporal rules (newsline/rules/es.toml), rule family by rule family.

Sentences are written in the style of Spanish-language wire copy about Venezuela and the
United States. Every expected ``(date_text, value)`` pair was decided from the corpus
annotation conventions (/work/shared/corpus/README.md, "Annotation conventions") before the
tagger was run:

* ``date_text`` includes a governing preposition or article ("el 28 de julio", "desde 2020",
  "a principios de octubre"); results are matched by overlap of character spans, as the corpus
  scorer does, and exact boundaries are checked separately in ``test_span_boundaries``.
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

from newsline import language
from newsline.actors import ActorMatcher
from newsline.events import extract_events, tagger_for
from newsline.ingest import load_file
from newsline.model import Article
from newsline.timex import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger("es", ActorMatcher.default())


def check(tagger: Tagger, sentence: str, published: str, expected):
    found = tagger.tag(sentence, published)
    assert_tagged(found, sentence, expected)


# Weekdays of the publication dates used below:
# 2024-12-03 Tuesday, 2025-09-10 Wednesday, 2025-09-03 Wednesday, 2026-01-16 Friday.

# --------------------------------------------------------------------------- explicit dates

EXPLICIT = [
    case("day-month", "Los venezolanos votaron el 28 de julio en unas elecciones presidenciales.",
         "2024-07-29", ("el 28 de julio", "2024-07-28")),
    case("day-month-year", "Las elecciones presidenciales del 28 de julio de 2024 dejaron a Venezuela aislada.",
         "2024-12-03", ("28 de julio de 2024", "2024-07-28")),
    case("day-month-del-year", "Maduro juró su tercer mandato el 10 de enero del 2025 en Caracas.",
         "2025-01-11", ("el 10 de enero del 2025", "2025-01-10")),
    case("weekday-day-month", "El ataque contra la lancha ocurrió el martes 2 de septiembre en el Caribe.",
         "2025-09-03", ("el martes 2 de septiembre", "2025-09-02")),
    case("since-day-month", "Desde el 31 de julio, la oposición publica las actas en internet.",
         "2024-08-10", ("Desde el 31 de julio", "2024-07-31")),
    case("pasado-day-month", "Maduro fue proclamado ganador tras los comicios del pasado 28 de julio.",
         "2024-12-03", ("28 de julio", "2024-07-28")),
    case("proximo-day-month-future", "El próximo 10 de enero, Maduro asumirá un nuevo mandato.",
         "2024-12-03", ("El próximo 10 de enero", "2025-01-10")),
    case("primero-de-mayo", "El primero de mayo, miles de trabajadores marcharon en Caracas.",
         "2024-05-02", ("El primero de mayo", "2024-05-01")),
    case("ordinal-first", "El 1.º de mayo, miles de trabajadores marcharon en Caracas.",
         "2024-05-02", ("El 1.º de mayo", "2024-05-01")),
    case("yearless-across-new-year", "El último vuelo directo aterrizó en Caracas el 10 de diciembre.",
         "2026-01-16", ("el 10 de diciembre", "2025-12-10")),
    case("scheduled-for", "La reunión está prevista para el 10 de enero.",
         "2024-12-03", ("para el 10 de enero", "2025-01-10")),
]


@pytest.mark.parametrize("sentence, published, expected", EXPLICIT)
def test_explicit_dates(tagger, sentence, published, expected):
    check(tagger, sentence, published, expected)


# --------------------------------------------------------------------------- months

MONTHS = [
    case("in-month-past", "En julio, Maduro fue proclamado ganador por el CNE.",
         "2024-12-03", ("En julio", "2024-07")),
    case("early-month", "A principios de octubre, el Gobierno y la oposición firmaron un acuerdo en Barbados.",
         "2023-12-20", ("A principios de octubre", "2023-10")),
    case("mid-month", "Chevron reanudó los envíos de crudo a Estados Unidos a mediados de marzo.",
         "2023-05-01", ("a mediados de marzo", "2023-03")),
    case("late-month", "A finales de marzo, Washington revocó la licencia de Chevron.",
         "2025-04-05", ("A finales de marzo", "2025-03")),
    case("late-month-future", "Rubio se reunirá con sus aliados a finales de septiembre.",
         "2025-09-10", ("a finales de septiembre", "2025-09")),
    case("since-late-month", "Desde finales de marzo, los vuelos de deportación se han regularizado.",
         "2026-01-16", ("Desde finales de marzo", "2025-03")),
    case("until-month", "La licencia sigue vigente hasta abril.",
         "2024-01-30", ("hasta abril", "2024-04")),
    case("month-year", "Las negociaciones en México se suspendieron en octubre de 2021.",
         "2022-06-27", ("en octubre de 2021", "2021-10")),
    case("pasado-mes-de", "El pasado mes de julio, Maduro fue proclamado ganador.",
         "2024-12-03", ("El pasado mes de julio", "2024-07")),
    case("month-pasado", "Maduro fue proclamado ganador en julio pasado.",
         "2024-12-03", ("en julio pasado", "2024-07")),
    case("month-of-event", "Las elecciones de julio dejaron a Venezuela aislada.",
         "2024-08-02", ("julio", "2024-07")),
    case("between-months", "Entre mayo y agosto, miles de venezolanos cruzaron la selva del Darién.",
         "2024-12-03", ("Entre mayo y agosto", "2024-05/2024-08")),
    case("from-month-to-month-of-year", "La embajada estuvo cerrada de marzo a junio de 2024.",
         "2024-12-03", ("de marzo a junio de 2024", "2024-03/2024-06")),
    # The month normaliser reads "last/next year" from English words, so for now only
    case("month-of-last-year", "Washington levantó algunas sanciones en julio del año pasado.",
         "2024-12-03", ("en julio del año pasado", "2023-07")),
]


@pytest.mark.parametrize("sentence, published, expected", MONTHS)
def test_months(tagger, sentence, published, expected):
    check(tagger, sentence, published, expected)


# --------------------------------------------------------------------------- years, decades, parts of years

YEARS = [
    case("in-year", "En 2019, Guaidó se proclamó presidente interino.",
         "2023-01-05", ("En 2019", "2019")),
    case("en-el-year", "En el 2019, la Administración Trump reconoció a Guaidó.",
         "2023-01-05", ("En el 2019", "2019")),
    case("two-years-listed", "Las sanciones se endurecieron en 2022 y 2023.",
         "2024-01-30", ("en 2022 y 2023", "2022/2023")),
    case("between-years", "Washington impuso sanciones petroleras entre 2019 y 2021.",
         "2024-01-30", ("entre 2019 y 2021", "2019/2021")),
    case("from-year-to-year", "El equipo de Guaidó controló Citgo de 2019 a 2023.",
         "2024-01-30", ("de 2019 a 2023", "2019/2023")),
    case("since-year", "Desde 2020, Estados Unidos ofrece una recompensa por la captura de Maduro.",
         "2024-08-10", ("Desde 2020", "2020")),
    case("mid-year", "A mediados de 2023, las negociaciones se estancaron.",
         "2024-02-10", ("A mediados de 2023", "2023")),
    case("year-as-modifier", "Machado fue inhabilitada para las elecciones presidenciales de 2024.",
         "2024-03-01", ("2024", "2024")),
    case("year-of-a-law", "El Gobierno invocó una polémica ley de 1798 para deportar a venezolanos.",
         "2025-03-17", ("1798", "1798")),
    case("decade-words", "La producción petrolera venezolana alcanzó su máximo en los años noventa.",
         "2024-03-01", ("en los años noventa", "1990/1999")),
    case("decade-digits", "La producción petrolera venezolana alcanzó su máximo en los años 90.",
         "2024-03-01", ("en los años 90", "1990/1999")),
    case("decade-named", "La producción petrolera cayó durante la década de 1990.",
         "2024-03-01", ("durante la década de 1990", "1990/1999")),
    case("decade-early", "A principios de los años noventa, Chávez encabezó un intento de golpe.",
         "2024-03-01", ("A principios de los años noventa", "1990/1993")),
    case("season-of-year", "La oposición celebró sus primarias en el otoño de 2023.",
         "2024-01-30", ("en el otoño de 2023", "2023-09/2023-11")),
    case("season-last", "Machado recorrió el país el verano pasado para movilizar a sus votantes.",
         "2024-12-03", ("el verano pasado", "2024-06/2024-08")),
    case("quarter-of-year", "Las exportaciones de PDVSA crecieron en el tercer trimestre de 2024.",
         "2024-11-05", ("en el tercer trimestre de 2024", "2024-07/2024-09")),
    case("quarter-yearless", "La producción de Chevron en Venezuela creció en el primer trimestre, según la empresa.",
         "2025-05-02", ("en el primer trimestre", "2025-01/2025-03")),
    case("half-of-next-year", "El acuerdo prevé una elección presidencial en el segundo semestre del próximo año.",
         "2023-10-18", ("en el segundo semestre del próximo año", "2024-07/2024-12")),
]


@pytest.mark.parametrize("sentence, published, expected", YEARS)
def test_years_decades_parts(tagger, sentence, published, expected):
    check(tagger, sentence, published, expected)


# --------------------------------------------------------------------------- relative to publication

RELATIVE = [
    case("pasado-weekday", "Maduro se reunió el pasado domingo con sus ministros.",
         "2024-12-03", ("el pasado domingo", "2024-12-01")),
    case("weekday-pasado", "Maduro se reunió el domingo pasado con sus ministros.",
         "2024-12-03", ("el domingo pasado", "2024-12-01")),
    case("este-weekday-past", "Este lunes, el Departamento de Estado anunció nuevas sanciones.",
         "2024-12-03", ("Este lunes", "2024-12-02")),
    case("este-weekday-future", "Este domingo habrá una marcha opositora en Caracas.",
         "2024-12-03", ("Este domingo", "2024-12-08")),
    case("proximo-weekday", "Rubio viajará a Caracas el próximo martes.",
         "2024-12-03", ("el próximo martes", "2024-12-10")),
    case("weekday-is-publication-day", "El martes, la Casa Blanca anunció nuevas sanciones.",
         "2024-12-03", ("El martes", "2024-12-03")),
    case("until-weekday", "La embajada permanecerá cerrada hasta el viernes.",
         "2024-12-03", ("hasta el viernes", "2024-12-06")),
    case("part-of-weekday-first", "La noche del domingo, el Pentágono confirmó el ataque.",
         "2024-12-03", ("La noche del domingo", "2024-12-01")),
    case("weekday-part-after", "El lunes por la mañana, Cabello compareció ante la prensa.",
         "2024-12-03", ("El lunes por la mañana", "2024-12-02")),
    case("today", "Hoy, el chavismo celebra la victoria en las elecciones municipales.",
         "2024-12-03", ("Hoy", "2024-12-03")),
    case("yesterday-afternoon", "Ayer por la tarde, Machado habló con la prensa extranjera.",
         "2024-12-03", ("Ayer por la tarde", "2024-12-02")),
    case("en-el-dia-de-ayer", "En el día de ayer, la Fiscalía imputó a diez dirigentes opositores.",
         "2024-12-03", ("En el día de ayer", "2024-12-02")),
    case("last-night", "Anoche, el Gobierno liberó a diez presos políticos.",
         "2024-12-03", ("Anoche", "2024-12-02")),
    case("tomorrow", "Mañana se reunirá el Consejo Nacional Electoral.",
         "2024-12-03", ("Mañana", "2024-12-04")),
    case("tomorrow-morning", "Mañana por la mañana llegarán los deportados a Maiquetía.",
         "2024-12-03", ("Mañana por la mañana", "2024-12-04")),
    case("this-morning", "Esta mañana, Maduro habló en la televisión estatal.",
         "2024-12-03", ("Esta mañana", "2024-12-03")),
    case("quoted-today", "“Hoy hemos liberado a los presos”, dijo Maduro el sábado.",
         "2024-12-03", ("Hoy", "2024-11-30"), ("el sábado", "2024-11-30")),
    case("last-week", "Funcionarios estadounidenses se reunieron con enviados venezolanos en Catar la semana pasada.",
         "2024-12-03", ("la semana pasada", "2024-11-25/2024-12-01")),
    case("this-week", "El Departamento de Estado revisará las licencias petroleras esta semana.",
         "2024-12-03", ("esta semana", "2024-12-02/2024-12-08")),
    case("earlier-this-week", "A principios de esta semana, Venezuela excarceló a diez presos políticos.",
         "2024-12-05", ("A principios de esta semana", "2024-12-02/2024-12-05")),
    case("last-weekend", "El fin de semana pasado, miles de personas marcharon en Caracas.",
         "2024-12-03", ("El fin de semana pasado", "2024-11-30/2024-12-01")),
    case("the-weekend", "Miles de manifestantes marcharon en Caracas durante el fin de semana.",
         "2024-12-03", ("durante el fin de semana", "2024-11-30/2024-12-01")),
    case("last-month", "Venezuela expulsó el mes pasado a diplomáticos de siete países latinoamericanos.",
         "2024-08-10", ("el mes pasado", "2024-07")),
    case("next-month", "Los vuelos de deportación se reanudarán el próximo mes.",
         "2025-01-15", ("el próximo mes", "2025-02")),
    case("this-year", "Este año se celebrarán elecciones regionales en Venezuela.",
         "2024-12-03", ("Este año", "2024")),
    case("last-year", "El año pasado, Estados Unidos levantó algunas sanciones.",
         "2024-12-03", ("El año pasado", "2023")),
    case("next-year", "La oposición espera que el año que viene haya nuevas elecciones.",
         "2024-12-03", ("el año que viene", "2025")),
    case("so-far-this-year", "En lo que va de año, más de cien migrantes han muerto en la selva.",
         "2024-12-03", ("En lo que va de año", "2024")),
    case("years-ago", "Hace cinco años, la justicia estadounidense acusó a Maduro de narcoterrorismo.",
         "2024-12-03", ("Hace cinco años", "2019")),
    case("days-ago", "Machado fue detenida brevemente hace dos días.",
         "2024-12-03", ("hace dos días", "2024-12-01")),
    case("month-ago", "Hace un mes, el Tesoro renovó la licencia de Chevron.",
         "2024-12-03", ("Hace un mes", "2024-11")),
    case("open-ended-ago", "Chávez llegó al poder hace más de dos décadas.",
         "2024-12-03", ("hace más de dos décadas", None)),
    case("in-the-last-n-years", "Más de siete millones de venezolanos emigraron en los últimos cinco años.",
         "2024-12-03", ("en los últimos cinco años", "2019/2024")),
    case("in-the-n-last-months", "Las exportaciones de crudo cayeron en los dos últimos meses.",
         "2024-12-03", ("en los dos últimos meses", "2024-10/2024-12")),
    case("since-n-months-ago", "Machado vive en la clandestinidad desde hace cuatro meses.",
         "2024-12-03", ("desde hace cuatro meses", "2024-08/2024-12")),
    case("lleva-n-months", "Cárdenas lleva casi cuatro meses detenido.",
         "2024-06-15", ("casi cuatro meses", "2024-02/2024-06")),
    case("since-more-than-a-year-ago", "Machado vive en la clandestinidad desde hace más de un año.",
         "2024-12-03", ("desde hace más de un año", None)),
    case("within-weeks", "Los vuelos de deportación se reanudarán dentro de dos semanas.",
         "2024-12-03", ("dentro de dos semanas", "2024-12-17")),
    case("in-more-than-decades", "Es la primera visita de un alto funcionario estadounidense en más de dos décadas.",
         "2024-12-03", ("en más de dos décadas", None)),
]


@pytest.mark.parametrize("sentence, published, expected", RELATIVE)
def test_relative_to_publication(tagger, sentence, published, expected):
    check(tagger, sentence, published, expected)


# --------------------------------------------------------------------------- anchored to another date

ANCHORED = [
    case("hours-later", "Maduro fue capturado el 3 de enero. Horas más tarde, Trump se dirigió a la nación.",
         "2026-01-16", ("el 3 de enero", "2026-01-03"), ("Horas más tarde", "2026-01-03")),
    case("minutes-later", "Guaidó se juramentó el 23 de enero. Unos minutos después, Trump lo reconoció.",
         "2019-01-28", ("el 23 de enero", "2019-01-23"), ("Unos minutos después", "2019-01-23")),
    # with no day told before, minutes later are the story's own day
    case("minutes-later-story-day", "Unos minutos después, la Casa Blanca confirmó la noticia.",
         "2019-01-23", ("Unos minutos después", "2019-01-23")),
    case("minutes-more-later", "Guaidó se juramentó el 23 de enero. Pocos minutos más tarde, Trump lo reconoció.",
         "2019-01-28", ("el 23 de enero", "2019-01-23"), ("Pocos minutos más tarde", "2019-01-23")),
    case("two-days-later", "Maduro fue capturado el 3 de enero. Dos días después, Trump se dirigió a la nación.",
         "2026-01-16", ("el 3 de enero", "2026-01-03"), ("Dos días después", "2026-01-05")),
    case("that-same-day", "Maduro fue capturado el 3 de enero. Ese mismo día, Trump se dirigió a la nación.",
         "2026-01-16", ("el 3 de enero", "2026-01-03"), ("Ese mismo día", "2026-01-03")),
    case("next-day", "Los presos fueron liberados el 20 de diciembre. Al día siguiente, llegaron a Texas.",
         "2023-12-28", ("el 20 de diciembre", "2023-12-20"), ("Al día siguiente", "2023-12-21")),
    case("next-morning", "Los presos fueron liberados el 20 de diciembre. A la mañana siguiente, llegaron a Texas.",
         "2023-12-28", ("el 20 de diciembre", "2023-12-20"), ("A la mañana siguiente", "2023-12-21")),
    case("day-before", "Los presos fueron liberados el 20 de diciembre. El día anterior, Biden había firmado el indulto.",
         "2023-12-28", ("el 20 de diciembre", "2023-12-20"), ("El día anterior", "2023-12-19")),
    case("week-earlier", "Los presos fueron liberados el 20 de diciembre. Una semana antes, Biden había firmado el indulto.",
         "2023-12-28", ("el 20 de diciembre", "2023-12-20"), ("Una semana antes", "2023-12-13")),
    case("days-earlier-unresolved",
         "Los presos fueron liberados el 20 de diciembre. Días antes, Biden había firmado el indulto.",
         "2023-12-28", ("el 20 de diciembre", "2023-12-20"), ("Días antes", None)),
    case("following-year", "Machado ganó las primarias en 2023. Al año siguiente, el Supremo ratificó su inhabilitación.",
         "2024-12-03", ("en 2023", "2023"), ("Al año siguiente", "2024")),
    case("less-than-a-week-after", "Las sanciones llegaron menos de una semana después de que Trump reconociera a Guaidó.",
         "2019-01-28",
         ("menos de una semana después", "2019-01-21/2019-01-28")),
    case("days-after-clause", "Maduro habló el lunes, dos días después de que Machado fuera detenida.",
         "2024-12-03", ("el lunes", "2024-12-02"), ("dos días después", "2024-11-30")),
    case("until-then", "Maduro fue proclamado el 29 de julio. Hasta entonces, el CNE no había publicado las actas.",
         "2024-12-03", ("el 29 de julio", "2024-07-29"), ("Hasta entonces", "2024-07-29")),
]


@pytest.mark.parametrize("sentence, published, expected", ANCHORED)
def test_anchored(tagger, sentence, published, expected):
    check(tagger, sentence, published, expected)


# --------------------------------------------------------------------------- periods from the actor base

PERIODS = [
    case("his-first-term", "En su primer mandato, Trump impuso sanciones petroleras a Venezuela.",
         "2025-02-01", ("En su primer mandato", "2017-01-20/2021-01-20")),
    case("named-first-term", "Las sanciones petroleras se impusieron durante el primer mandato de Donald Trump.",
         "2024-01-30", ("durante el primer mandato de Donald Trump", "2017-01-20/2021-01-20")),
    case("second-term-so-far", "Durante el segundo mandato de Trump, Washington ha atacado lanchas en el Caribe.",
         "2025-10-03", ("Durante el segundo mandato de Trump", "2025-01-20/2025-10-03")),
    case("chavez-government", "La economía venezolana se contrajo durante el gobierno de Chávez.",
         "2024-02-10", ("durante el gobierno de Chávez", "1999-02-02/2013-03-05")),
    case("biden-administration", "Los vuelos de deportación se reanudaron durante la administración Biden.",
         "2025-03-01", ("durante la administración Biden", "2021-01-20/2025-01-20")),
    case("inauguration-day",
         "Trump juró el cargo el 20 de enero de 2025. El día en que asumió el cargo, firmó una orden ejecutiva.",
         "2025-03-01", ("el 20 de enero de 2025", "2025-01-20"), ("El día en que asumió el cargo", "2025-01-20")),
    case("since-taking-office", "Desde que asumió el cargo, Trump ha deportado a miles de venezolanos.",
         "2025-03-10", ("Desde que asumió el cargo", "2025-01-20")),
]


@pytest.mark.parametrize("sentence, published, expected", PERIODS)
def test_periods(tagger, sentence, published, expected):
    check(tagger, sentence, published, expected)


# --------------------------------------------------------------------------- vague: kept, no date

VAGUE = [
    case("recent-years", "En los últimos años, millones de venezolanos han emigrado.",
         "2024-12-03", ("En los últimos años", None)),
    case("coming-days", "Washington espera una respuesta de Caracas en los próximos días.",
         "2024-12-03", ("en los próximos días", None)),
    case("coming-weeks-and-months", "La Casa Blanca anunciará nuevas medidas en las próximas semanas y meses.",
         "2024-12-03", ("en las próximas semanas y meses", None)),
    case("later", "Más tarde, el Departamento de Estado emitió un comunicado.",
         "2024-12-03", ("Más tarde", None)),
    case("soon-after", "Poco después, la Casa Blanca respondió a las acusaciones.",
         "2024-12-03", ("Poco después", None)),
    case("first-time-in-years", "Por primera vez en años, los dos gobiernos conversaron.",
         "2024-12-03", ("Por primera vez en años", None)),
    case("a-few-days-ago", "Hace unos días, Maduro propuso un diálogo a Washington.",
         "2024-12-03", ("Hace unos días", None)),
    case("since-then", "Machado fue inhabilitada en 2023 y desde entonces vive en la clandestinidad.",
         "2024-12-03", ("en 2023", "2023"), ("desde entonces", None)),
    # Two days from the day of writing.
    case("day-after-tomorrow", "Pasado mañana se reunirá el Consejo de Seguridad de la ONU.",
         "2024-12-03", ("Pasado mañana", "2024-12-05")),
]


@pytest.mark.parametrize("sentence, published, expected", VAGUE)
def test_vague(tagger, sentence, published, expected):
    check(tagger, sentence, published, expected)


# --------------------------------------------------------------------------- tense from Spanish verbs

TENSE = [
    # "Irán" looks like a future ("irán" = they will go); as a name it must not pull
    # "el lunes" forward against "viajó".
    case("iran-is-a-name", "Maduro viajó a Irán el lunes.",
         "2024-12-03", ("el lunes", "2024-12-02")),
    # "Guaidó" ends like a preterite; it must not pull "el lunes" back against "se reunirá".
    case("guaido-is-a-name", "Rubio se reunirá con Guaidó el lunes.",
         "2024-12-03", ("el lunes", "2024-12-09")),
    case("irregular-preterite", "El Gobierno impuso el lunes un toque de queda en Zulia.",
         "2024-12-03", ("el lunes", "2024-12-02")),
    case("periphrastic-future", "Maduro va a viajar el jueves a Moscú.",
         "2024-12-03", ("el jueves", "2024-12-05")),
    case("para-weekday-in-past-story", "La oposición convocó protestas para el jueves.",
         "2025-01-11", ("para el jueves", "2025-01-09")),
    case("para-weekday-future", "La oposición marchará en Caracas para el jueves.",
         "2025-01-11", ("para el jueves", "2025-01-16")),
    case("stative-past-until", "Maduro estaba en el poder hasta marzo.",
         "2024-12-03", ("hasta marzo", "2024-03")),
]


@pytest.mark.parametrize("sentence, published, expected", TENSE)
def test_tense_cues(tagger, sentence, published, expected):
    check(tagger, sentence, published, expected)


def test_tense_labels(tagger):
    past, = tagger.tag("El Departamento de Estado anunció el lunes nuevas sanciones.", "2024-12-03")
    future, = tagger.tag("Rubio viajará a Caracas el próximo martes.", "2024-12-03")
    assert (past.tense, future.tense) == ("past", "future")


# --------------------------------------------------------------------------- negatives

NEGATIVES = [
    pytest.param("Tu apoyo es importante, dijo Maduro en un mensaje a sus seguidores.", id="tu"),
    pytest.param("Los ataques comenzaron durante la mañana.", id="la-manana-is-morning"),
    pytest.param("El mañana de Venezuela depende de sus jóvenes.", id="manana-noun"),
    pytest.param("Machado prometió un mañana mejor para el país.", id="un-manana"),
    pytest.param("Cada mañana, Maduro habla por la televisión estatal.", id="cada-manana"),
    pytest.param("Es el segundo ataque contra una lancha en el Caribe.", id="segundo-ordinal"),
    pytest.param("Cabello, de 62 años, negó las acusaciones.", id="age"),
    pytest.param("Saab fue condenado a 20 años de prisión.", id="sentence-duration"),
    pytest.param("Maduro fue reelegido para un mandato de seis años.", id="term-length"),
    pytest.param("Los detenidos estuvieron presos durante 14 días.", id="durante-n-days"),
    pytest.param("Los deportados pasaron 14 días en una cárcel de El Salvador.", id="n-days"),
    pytest.param("Hoy en día, Venezuela produce menos petróleo que antes.", id="hoy-en-dia"),
    pytest.param("La Plaza de Mayo se llenó de manifestantes.", id="plaza-de-mayo"),
    pytest.param("Julio Borges criticó la decisión del Gobierno.", id="julio-first-name"),
    pytest.param("Los vecinos del 23 de Enero salieron a protestar.", id="parish-23-de-enero"),
    pytest.param("La manifestación recorrió la avenida 5 de Julio.", id="avenue-5-de-julio"),
    pytest.param("Los lunes, Maduro conduce un programa de televisión.", id="habitual-weekday"),
    pytest.param("La delegación venezolana llegó a Santo Domingo.", id="santo-domingo"),
    pytest.param("Unos 2500 soldados participan en el despliegue.", id="number-of-soldiers"),
    pytest.param("El barco transportaba 2000 kilos de cocaína.", id="number-of-kilos"),
    pytest.param("Más de 7,7 millones de venezolanos han emigrado.", id="millions"),
    pytest.param("La Ley de Enemigos Extranjeros de 1798 fue invocada por Trump.", id="law-name-with-year"),
    pytest.param("Recientemente, Caracas liberó a varios presos políticos.", id="recently"),
    pytest.param("Actualmente, Venezuela tiene más de 800 presos políticos.", id="currently"),
    pytest.param("El entonces presidente Donald Trump impuso sanciones a PDVSA.", id="el-entonces"),
    pytest.param("Trump prometió deportaciones masivas durante su campaña.", id="during-campaign"),
    pytest.param("Delcy Rodríguez ocupa un cargo en el gobierno de Maduro.", id="post-in-government"),
    pytest.param("La votación se decidirá más tarde que temprano.", id="mas-tarde-que"),
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_not_a_date(tagger, sentence):
    assert [(t.text, t.value) for t in tagger.tag(sentence, "2024-12-03")] == []


def test_dateline_is_not_a_date(tagger):
    text = "CARACAS, 10 sep (EFE).- El Departamento de Estado anunció nuevas sanciones el martes."
    assert [(t.text, t.value) for t in tagger.tag(text, "2025-09-10")] == [("el martes", "2025-09-09")]


# --------------------------------------------------------------------------- exact span boundaries

SPANS = [
    pytest.param("Venezolanos votaron el 28 de julio.", "2024-07-29", "el 28 de julio", id="el-day-month"),
    pytest.param("Desde el 31 de julio, la oposición publica actas.", "2024-08-10", "Desde el 31 de julio",
                 id="desde-el"),
    pytest.param("A principios de octubre, se firmó el acuerdo.", "2023-12-20", "A principios de octubre",
                 id="a-principios-de"),
    pytest.param("Maduro se reunió el pasado domingo con Cabello.", "2024-12-03", "el pasado domingo",
                 id="el-pasado-weekday"),
    pytest.param("Hace cinco años, Maduro fue acusado.", "2024-12-03", "Hace cinco años", id="hace"),
    pytest.param("La economía se contrajo durante el gobierno de Chávez.", "2024-02-10",
                 "durante el gobierno de Chávez", id="no-full-stop-in-name"),
    pytest.param("Esta mañana, Maduro habló.", "2024-12-03", "Esta mañana", id="esta-manana"),
    pytest.param("Las elecciones del 28 de julio de 2024 fueron polémicas.", "2024-12-03",
                 "28 de julio de 2024", id="del-date-keeps-only-the-date"),
]


@pytest.mark.parametrize("sentence, published, date_text", SPANS)
def test_span_boundaries(tagger, sentence, published, date_text):
    texts = [t.text for t in tagger.tag(sentence, published)]
    assert date_text in texts, f"tagger spans: {texts}"


def test_every_captured_word_is_in_the_lexicon(tagger):
    """Each word a group captures reaches the normaliser as an English key: a Spanish
    word missing from [lexicon] would reach it untranslated."""
    text = ("El domingo 28 de julio, el próximo martes, el miércoles pasado, hace dos semanas, "
            "a finales de noviembre, en el verano de 2023, la semana que viene, ese mismo año, "
            "al año siguiente, en su segundo mandato, en los años ochenta, el sábado por la tarde.")
    lexicon = tagger.rules.lexicon
    english = set(lexicon.values())
    for cand in tagger.candidates(text):
        for name, value in cand.groups.items():
            if name in ("year", "year2", "day", "who"):
                continue
            assert value.lower() in english or value.isdigit(), (name, value)


# --------------------------------------------------------------------------- properties on arbitrary text

FRAGMENTS = [
    "28 de julio de 2024", "el 28 de julio", "1.º de mayo", "primero de", "mayo", "Mayo", "julio", "Julio",
    "el pasado", "el próximo", "domingo", "pasado", "mañana", "la mañana", "esta mañana", "pasado mañana",
    "hoy", "hoy en día", "ayer", "anoche", "hace", "cinco", "años", "días", "desde", "hasta", "entre", "y",
    "a principios de", "a mediados de", "a finales de", "los años noventa", "la década de", "1990", "2023",
    "en", "el", "la", "semana", "pasada", "fin de semana", "este", "año", "que viene", "siguiente", "anterior",
    "ese mismo día", "después", "antes", "más tarde", "en los últimos", "en los próximos", "su primer mandato",
    "durante el gobierno de Chávez", "de 51 años", "20 años", "segundo", "tu", "trimestre", "semestre",
    "verano", "otoño", "dentro de", "más de", "lleva", "desde hace", "CARACAS, 10 sep (EFE).-", "23 de Enero",
    "31 de febrero", "0000", "99999", "de", "del", "«", "»", ".", ",", "\n\n", " ",
]
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
PUBLISHED = st.one_of(
    st.none(),
    st.sampled_from(["2024-12-03", "2026-01-16", "2025-03", "2025"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(st.sampled_from(FRAGMENTS), WORDS), max_size=25),
       seps=st.sampled_from([" ", "", ", ", ". "]), published=PUBLISHED)
def test_spanish_fragments_never_break_the_tagger(parts, seps, published):
    text = seps.join(parts)
    check_timexes(text, Tagger("es", ActorMatcher.default()).tag(text, published))


# --------------------------------------------------------------------------- a whole article, and its twin

PUBLISHED_ON = "2025-09-10"  # a Wednesday

SPANISH = """CARACAS, 10 sep (EFE).- El Departamento de Estado anunció este martes nuevas sanciones contra funcionarios venezolanos, una semana después del ataque contra una lancha en el Caribe.

El presidente venezolano, Nicolás Maduro, que gobierna desde 2013, denunció el pasado domingo una «agresión» de Washington.

Las elecciones presidenciales del 28 de julio de 2024 dejaron a Venezuela aislada, y Estados Unidos reconoció a Edmundo González Urrutia como ganador.

En agosto, EE UU elevó a 50 millones de dólares la recompensa por información que lleve a la captura de Maduro. Hace cinco años, la justicia estadounidense acusó a Maduro de narcoterrorismo.

Durante el primer mandato de Donald Trump, Washington impuso sanciones petroleras a PDVSA en 2019.

La líder opositora María Corina Machado pidió el martes a la comunidad internacional actuar «en los próximos días».

El secretario de Estado, Marco Rubio, viajará a la región el próximo lunes y se reunirá con sus aliados a finales de septiembre.
"""

ENGLISH = """CARACAS, Sept 10 (Reuters) - The State Department announced new sanctions against Venezuelan officials on Tuesday, a week after the attack on a boat in the Caribbean.

Venezuelan President Nicolás Maduro, who has governed since 2013, denounced Washington's "aggression" last Sunday.

The July 28, 2024 presidential election left Venezuela isolated, and the United States recognized Edmundo González Urrutia as the winner.

In August, the U.S. raised the reward for information leading to Maduro's capture to $50 million. Five years ago, U.S. prosecutors charged Maduro with narco-terrorism.

During Donald Trump's first term, Washington imposed oil sanctions on PDVSA in 2019.

Opposition leader María Corina Machado on Tuesday urged the international community to act "in the coming days."

Secretary of State Marco Rubio will travel to the region next Monday and will meet his allies in late September.
"""

# (date_text, value, an actor the event must carry, the sentence's opening words)
SPANISH_EVENTS = [
    ("este martes", "2025-09-09", "United States", "CARACAS, 10 sep (EFE).- El Departamento de Estado"),
    ("una semana después", "2025-09-02", "United States", "CARACAS, 10 sep (EFE).- El Departamento de Estado"),
    ("desde 2013", "2013", "Nicolás Maduro", "El presidente venezolano, Nicolás Maduro"),
    ("el pasado domingo", "2025-09-07", "Nicolás Maduro", "El presidente venezolano, Nicolás Maduro"),
    ("28 de julio de 2024", "2024-07-28", "Edmundo González Urrutia", "Las elecciones presidenciales"),
    ("En agosto", "2025-08", "United States", "En agosto, EE UU elevó"),
    ("Hace cinco años", "2020", "Nicolás Maduro", "Hace cinco años, la justicia estadounidense"),
    ("Durante el primer mandato de Donald Trump", "2017-01-20/2021-01-20", "Donald Trump",
     "Durante el primer mandato de Donald Trump"),
    ("en 2019", "2019", "PDVSA", "Durante el primer mandato de Donald Trump"),
    ("el martes", "2025-09-09", "María Corina Machado", "La líder opositora María Corina Machado"),
    ("en los próximos días", None, "María Corina Machado", "La líder opositora María Corina Machado"),
    ("el próximo lunes", "2025-09-15", "Marco Rubio", "El secretario de Estado, Marco Rubio"),
    ("a finales de septiembre", "2025-09", "Marco Rubio", "El secretario de Estado, Marco Rubio"),
]


def _article(article_id: str, text: str, lang: str) -> Article:
    return Article(article_id, text, title="", source="EFE", published=PUBLISHED_ON, language=lang)


def test_spanish_article_events():
    rows = extract_events(_article("efe-2025-09-10-sanciones", SPANISH, "es"))
    assert [(r["date_text"], r["value"]) for r in rows] == [(t, v) for t, v, _, _ in SPANISH_EVENTS]
    for row, (date_text, value, actor, opening) in zip(rows, SPANISH_EVENTS):
        assert row["language"] == "es"
        assert row["sentence"].startswith(opening), row["sentence"]
        assert SPANISH[row["sentence_char_start"]:row["sentence_char_end"]] == row["sentence"]
        assert SPANISH[row["date_char_start"]:row["date_char_end"]] == date_text
        assert actor in row["actors"], (date_text, row["actors"])
    by_text = {r["date_text"]: r for r in rows}
    assert by_text["el próximo lunes"]["tense"] == "future"
    assert by_text["el pasado domingo"]["tense"] == "past"
    assert by_text["en los próximos días"]["granularity"] == "unresolved"


def test_spanish_article_and_english_twin_give_the_same_dates():
    spanish = extract_events(_article("efe-twin", SPANISH, "es"))
    english = extract_events(_article("reuters-twin", ENGLISH, "en"))
    resolved = lambda rows: {r["value"] for r in rows if r["value"] is not None}  # noqa: E731
    assert resolved(spanish) == resolved(english)
    assert len(spanish) == len(english)


def test_events_pick_the_spanish_rules():
    assert tagger_for("es").rules.language == "es"


# --------------------------------------------------------------------------- language detection and ingest

def test_language_detect_says_spanish():
    assert language.detect(SPANISH) == "es"
    assert language.detect(ENGLISH) == "en"


def test_plain_text_file_in_spanish_is_read_as_spanish(tmp_path):
    path = tmp_path / "efe-sanciones.txt"
    path.write_text("EE UU sanciona a funcionarios venezolanos tras el ataque en el Caribe\n\n" + SPANISH,
                    encoding="utf-8")
    article, = load_file(path, published=PUBLISHED_ON)
    assert article.language == "es"
    assert article.title.startswith("EE UU sanciona")
    values = [r["value"] for r in extract_events(article)]
    assert values == [v for _, v, _, _ in SPANISH_EVENTS]


def test_spanish_article_and_english_twin_merge_into_shared_facts():
    from newsline.merge import merge_events
    from newsline.store import to_frame

    spanish = extract_events(_article("efe-twin", SPANISH, "es"))
    english = extract_events(_article("reuters-twin", ENGLISH, "en"))
    facts = merge_events(to_frame(spanish + english))
    both = facts[facts["articles"] == 2]
    by_value = {row.value: row for row in both.itertuples()}
    # Maduro's Sunday denunciation and Rubio's Monday trip are each one fact, told in two languages
    assert "2025-09-07" in by_value and "2025-09-15" in by_value
    assert "reports in" in by_value["2025-09-07"].merge_reason
    assert len(facts) < len(spanish) + len(english)
    # never two events of one article in a fact
    for row in facts.itertuples():
        articles = [e["article_id"] for e in row.evidence]
        assert len(articles) == len(set(articles))
