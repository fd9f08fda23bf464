"""The action taxonomy (data/actions.toml): every class's examples, inflections, the
choice between triggers, and the hand-annotated action sample."""

import pytest

from newsline.actions import OTHER, Taxonomy, classify, key
from newsline.evaluate_coding import DEFAULT_SET, load_set
from newsline.events import extract_events
from newsline.model import Article

TAXONOMY = Taxonomy.default()
EXAMPLES = [(cid, lang, text) for cid, c in TAXONOMY.classes.items() for lang, text in c.examples]


def test_the_taxonomy_has_the_classes_of_the_relationship():
    # about 15-20; "other" holds what falls outside them and is no class of its own
    assert 15 <= len([c for c in TAXONOMY.classes if c != "other"]) <= 21
    for c in TAXONOMY.classes.values():
        assert c.triggers["en"] and c.triggers["es"], c.id
        assert {lang for lang, _ in c.examples} == {"en", "es"}, f"{c.id}: an English and a Spanish example"


@pytest.mark.parametrize("action, language, text", EXAMPLES, ids=[f"{c}-{lang}" for c, lang, _ in EXAMPLES])
def test_every_example_is_coded_with_its_class(action, language, text):
    rows = extract_events(Article("example", text, published="2025-06-02", language=language))
    assert rows, f"{text!r}: an example names a date"
    assert rows[0]["action"] == action, f"{text!r}: {rows[0]['action']} by {rows[0]['action_text']!r}"


@pytest.mark.parametrize("language, text", [
    ("en", "The United States recognized Juan Guaidó."), ("en", "Canada recognises Juan Guaidó."),
    ("en", "Washington's recognition of Juan Guaidó came fast."), ("es", "Estados Unidos reconoció a Guaidó."),
    ("es", "Estados Unidos reconoce a Guaidó."), ("es", "Guaidó fue reconocido por Estados Unidos."),
])
def test_one_trigger_covers_its_inflections_in_both_languages(language, text):
    assert classify(text, language, None)[0] == "recognition"


@pytest.mark.parametrize("forms", [
    ("anunciar", "anuncia", "anunció", "anunciaron", "anuncio"),  # the stemmer drops the "i" of "anunció" only
    ("denunciar", "denunció", "denuncia"),
    ("reconocer", "reconoció", "reconocio"),  # unaccented, as typed
])
def test_spanish_verb_forms_share_one_key(forms):
    assert len({key(f, "es") for f in forms}) == 1


@pytest.mark.parametrize("language, text, action", [
    ("es", "Estados Unidos anunció el miércoles que suspende por seis meses algunas de las sanciones.", "sanctions-eased"),
    ("en", "Washington agreed on Wednesday to suspend for six months some of its oil sanctions.", "sanctions-eased"),
    # Nothing eased: what is suspended is no sanction.
    ("es", "Venezuela suspendió el martes los vuelos de deportación.", "deportation"),
    ("es", "Chávez dijo el viernes que suspenderá el suministro de petróleo.", "threat"),
])
def test_a_word_that_is_a_class_only_acting_on_its_object(language, text, action):
    (row, *_) = extract_events(Article("a", text, published="2023-10-20", language=language))
    assert row["action"] == action, row["action_text"]


def test_a_sentence_without_a_trigger_is_other():
    assert classify("The weather in Caracas was mild.", "en", None) == (OTHER, None)


def test_the_action_is_what_the_date_dates_not_who_reported_it():
    text = "Venezuela on Saturday freed seven Americans, U.S. officials said."
    at = text.index("on Saturday")
    assert classify(text, "en", (at, at + len("on Saturday")))[0] == "release"
    text = "The State Department said Sunday that it had expelled the consul."
    at = text.index("Sunday")
    assert classify(text, "en", (at, at + 6))[0] == "expulsion"


@pytest.mark.parametrize("text, date_text, action", [
    # Quoted words are what was said; the date outside the quotation dates the saying.
    ("“Nicolás Maduro has no authority to break diplomatic relations with the United States,” the State "
     "Department said on Wednesday.", "on Wednesday", "statement"),
    ("“Nicolás Maduro no tiene la autoridad para romper relaciones diplomáticas con Estados Unidos”, dijo "
     "el miércoles el Departamento de Estado.", "el miércoles", "statement"),
    # ...but a quoted warning is a warning, and a few quoted words are a term, not words said.
    ("“We have many options for Venezuela, including a possible military option,” Trump said on Friday.",
     "on Friday", "threat"),
    ("Joe Biden said on Wednesday that ten Americans were freed and “coming home.”", "on Wednesday", "release"),
])
def test_a_quotation_is_what_was_said(text, date_text, action):
    at = text.index(date_text)
    language = "es" if " dijo " in text else "en"
    assert classify(text, language, (at, at + len(date_text)))[0] == action


def test_words_said_far_from_the_date_do_not_say_what_it_dates():
    text = ("The government said on Monday that the president, who had been in very delicate health since "
            "undergoing cancer treatment in Havana in December, was recovering.")
    at = text.index("in December")
    assert classify(text, "en", (at, at + 11)) == (OTHER, None)
    at = text.index("on Monday")
    assert classify(text, "en", (at, at + 9))[0] == "statement"  # the saying itself is dated


def test_names_and_dates_are_no_triggers():
    text = "In March, the President met the State Department's envoy."
    at = text.index("March")
    # "March" (a month) and "President"/"State" (names) would be protest, election and statement.
    assert classify(text, "en", (at, at + 5), masked=[(text.index("State"), text.index("State") + 16)])[0] == "meeting"


def test_the_hand_annotated_sample_is_large_and_bilingual():
    actions, _ = load_set(DEFAULT_SET)
    assert len(actions) >= 150
    ids = set(TAXONOMY.ids())
    assert {a["action"] for a in actions} <= ids
    spanish = {a["article"] for a in actions if any(w in a["quote"] for w in (" el ", " la ", " de ", "ó"))}
    assert len(spanish) >= 20


def _assert_coded(language: str, text: str, date_text: str | None, action: str) -> None:
    row = _coded(text, language, date_text)
    assert row["action"] == action, f"{row['action']} by {row['action_text']!r}"


def _coded(text: str, language: str, date_text: str | None = None) -> dict:
    """The event row of ``date_text`` (else the first) as the whole pipeline codes it."""
    rows = extract_events(Article("example", text, published="2026-01-05", language=language))
    row = next((r for r in rows if date_text in (None, r["date_text"])), None)
    assert row is not None, f"{text!r}: no event dated {date_text!r} in {[r['date_text'] for r in rows]}"
    return row


@pytest.mark.parametrize("language, text, action", [
    # Seizing a person is a capture; seizing a thing, even one of that person's, stays a seizure.
    ("en", "The United States launched strikes on Caracas on Saturday and seized Nicolás Maduro.", "arrest"),
    ("en", "American forces seized Venezuelan President Nicolás Maduro on Saturday.", "arrest"),
    ("es", "Estados Unidos secuestró al presidente Nicolás Maduro este sábado.", "arrest"),
    ("en", "The U.S. seized a Venezuelan oil tanker on Wednesday off the coast.", "sanctions"),
    ("en", "The Justice Department seized Maduro's plane on Monday in the Dominican Republic.", "sanctions"),
    ("en", "The US Justice Department on Friday confirmed it had seized the fuel cargo aboard four tankers.",
     "sanctions"),
])
def test_what_is_seized_decides_between_a_capture_and_a_seizure(language, text, action):
    _assert_coded(language, text, None, action)


@pytest.mark.parametrize("language, text", [
    ("en", "The State Department on Friday raised the reward for information leading to Maduro's arrest to "
           "$25 million."),
    ("en", "The US State Department has raised the reward for information leading to the arrest or conviction "
           "of Nicolás Maduro on Friday."),
    ("en", "The U.S. doubled its bounty for Maduro's capture to $50 million on Thursday."),
    ("es", "Estados Unidos elevó este jueves a 50 millones de dólares la recompensa por información que lleve a "
           "la captura de Nicolás Maduro."),
])
def test_what_a_reward_is_for_is_not_what_happened(language, text):
    row = _coded(text, language)
    assert (row["action"], row["action_text"].lower()) in {("charge", "reward"), ("charge", "bounty"),
                                                           ("charge", "recompensa")}, row["action_text"]


@pytest.mark.parametrize("language, text, date_text, action", [
    # A stem shared by unrelated words: "state", "nations", "marcharon" (they left), "rules", "fallida".
    ("en", "The first tanker neared a port run by the state oil company on May 24.", "on May 24", "trade"),
    ("en", "The move comes a day after the bloc of nations met in Caracas on Tuesday.", "on Tuesday", "meeting"),
    ("es", "Estados Unidos cerró su embajada y los diplomáticos se marcharon en marzo de 2019.",
     "en marzo de 2019", "relations"),
    ("es", "La oposición convocó una gran marcha para el 1 de mayo.", "para el 1 de mayo", "protest"),
    ("en", "What happened during today's polling day was a violation of all rules.", "today's", "election"),
    ("es", "Cumplían condena de 20 años por una fallida incursión armada en Venezuela en 2020.", "en 2020",
     "military"),
    ("es", "Los llamados narcosobrinos, condenados en Nueva York en 2017, salieron libres.", "en 2017", "ruling"),
])
def test_a_form_written_out_meets_that_form_only(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


@pytest.mark.parametrize("language, text, date_text, action", [
    # A prize is a class of its own; a flood is outside the classes: each claims the date it stands at...
    ("en", "Last year's award went to Nihon Hidankyo, a movement of atomic bombing survivors.", "Last year's",
     "award"),
    ("es", "La organización Nihon Hidankyo recibió el galardón en 2024 por su lucha.", "en 2024", "award"),
    ("en", "Last week's floods left thousands homeless after the summit.", "Last week's", OTHER),
    ("es", "Las inundaciones de 2024 dejaron miles de damnificados antes de la cumbre.", "2024", OTHER),
    # ...and only that one: far from the date, the words said are what it dates.
    ("en", "After winning the peace prize, the opposition leader on Friday made a first reaction and said she "
           "dedicated it to her people.", "on Friday", "statement"),
])
def test_a_happening_outside_the_classes_is_other(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


@pytest.mark.parametrize("language, text, date_text, action", [
    # A place or a state left behind, a reason, the thing acted on: not the happening.
    ("en", "Venezuela released two Americans from detention Tuesday in a gesture of goodwill.", "Tuesday", "release"),
    ("en", "The last time they expelled someone from the Venezuelan embassy was in 2010.", "in 2010", "expulsion"),
    ("en", "All were on house arrest after being sentenced on corruption charges by a judge in November 2020.",
     "in November 2020", "ruling"),
    ("es", "El expresidente Joe Biden levantó temporalmente las sanciones al sector energético en 2024.", "en 2024",
     "sanctions-eased"),
    # What is talked about or asked for has not happened (a clause said after "confirmed it had" has).
    ("en", "The ambassador on Wednesday fended off Chavez's sharp criticism of the U.S.-led war in Iraq.",
     "on Wednesday", "statement"),
    ("es", "La Casa Blanca dijo que Maduro pidió una llamada telefónica con Trump este viernes por la noche.",
     "este viernes por la noche", "statement"),
    ("en", "\"It is clear that the opposition won the most votes in the July 28 presidential election,\" Blinken "
           "said in the release on Thursday.", "on Thursday", "statement"),
])
def test_what_a_trigger_only_names_is_not_the_happening(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


@pytest.mark.parametrize("language, text, date_text, action", [
    # An apposition describes the subject; the happening is the main clause's.
    ("es", "Guaidó, reconocido como presidente interino por 54 países, había convocado una gran marcha para "
           "el 1 de mayo.", "para el 1 de mayo", "protest"),
    # A sentence opening with "Hours after ..." frames what its main clause dates.
    ("en", "Hours after an operation that plucked Nicolás Maduro from power, apparently on board a warship, "
           "Donald Trump said on Saturday that the United States would run the country.", "on Saturday",
     "statement"),
    # "since 1961, when ...": the clause says what the date is.
    ("es", "Los líderes mantuvieron una reunión por primera vez desde 1961, cuando los dos países rompieron sus "
           "relaciones diplomáticas.", "desde 1961", "relations"),
    # "..., claiming that ...": words said alongside the dated act.
    ("en", "The United States recognized Guaidó as the country's president in January 2019, claiming that "
           "Maduro's re-election was a fraud.", "in January 2019", "recognition"),
    # "during the annual meeting": the setting of another happening.
    ("en", "The ministers agreed Tuesday during the annual meeting to hold new elections.", "Tuesday", "agreement"),
    # "because ...": a reason given, not the happening.
    ("es", "Las personas confirmaron el ataque el viernes porque aún no ha sido reconocido por el gobierno.",
     "el viernes", "statement"),
])
def test_a_clause_that_frames_or_describes_is_not_what_the_date_dates(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


def test_a_phrase_may_run_through_a_name_which_keeps_its_role():
    row = _coded("Hours later, a federal judge ordered the Government to stop the deportations.", "en")
    assert row["action"] == "ruling" and row["action_text"] == "ordered"
    assert row["actors_source"], "the judge, outside the trigger, still acts"
    row = _coded("They were flown to New York and will appear before a federal judge Thursday, the reports said.",
                 "en")
    assert row["action"] == "charge"


def test_a_framing_clause_names_no_happening_for_merging():
    from newsline.actions import mentioned

    text = ("Hours after an operation that plucked Nicolás Maduro from power, Trump said on Saturday that the "
            "United States would run the country and sanction its oil buyers.")
    at = text.index("on Saturday")
    named = mentioned(text, "en", (at, at + len("on Saturday")))
    assert "sanctions" in named and "arrest" not in named


@pytest.mark.parametrize("entry, problem", [
    ({"objects": ["nothing"]}, "objects names an unknown class"),
    ({"related": ["nothing"]}, "related names an unknown class"),
    ({"related_same_day": ["nothing"]}, "related names an unknown class"),
])
def test_a_taxonomy_naming_an_unknown_class_is_refused(entry, problem):
    from newsline.errors import NewslineError

    data = {"x": {"label": "X", "verb": "does", "priority": 1, "en": ["do"], "es": ["hacer"], **entry}}
    with pytest.raises(NewslineError, match=problem):
        Taxonomy(data)


@pytest.mark.parametrize("language, text, date_text, action", [
    ("en", "The seizure is the first of an oil cargo amid U.S. sanctions that have been in force since 2019.",
     "since 2019", "sanctions"),
    ("es", "Sin embargo, los dos gobiernos se reunieron el martes en Ciudad de México.", "el martes", "meeting"),
    # a video or a statement "released" frees nobody
    ("en", "The United States doubled the bounty for Nicolás Maduro to $50 million, Pam Bondi said in a video "
           "released on Thursday.", "on Thursday", "charge"),
    # "in charge of" is no charge brought
    ("en", "Donald Trump said on Sunday that he was in charge of Venezuela.", "on Sunday", "statement"),
])
def test_a_phrase_that_tells_no_happening_hides_its_trigger_word(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


@pytest.mark.parametrize("language, text, date_text, action", [
    # The means of a happening told before it ("in a raid") is not the happening.
    ("en", "U.S. forces captured Venezuelan President Nicolás Maduro on Saturday in a raid on Caracas.", "on Saturday",
     "arrest"),
    ("es", "Maduro fue capturado y sacado del país en una operación militar estadounidense el sábado 3 de enero.",
     "el sábado 3 de enero", "arrest"),
    # A person seized in the passive is captured too; "apresar" is to capture.
    ("en", "Nicolás Maduro was seized in Caracas on January 3.", "on January 3", "arrest"),
    ("es", "Fuerzas especiales estadounidenses apresaron a Maduro en Caracas el 3 de enero.", "el 3 de enero", "arrest"),
    # Money "for information that leads to his arrest" is a bounty even without the word.
    ("es", "Estados Unidos ofrece desde este jueves 50 millones de dólares por información que permita arrestar a "
           "Nicolás Maduro.", "desde este jueves", "charge"),
    # What was agreed is the happening.
    ("en", "The U.S. agreed Wednesday to temporarily suspend some sanctions on the oil sector.", "Wednesday",
     "sanctions-eased"),
    # A trigger in what was said belongs to a date it stands nearer than the saying's.
    ("es", "Estados Unidos afirmó este miércoles que aún no está listo para reconocer a Nicolás Maduro e insistió en "
           "un recuento de los votos de las elecciones del domingo que lo dieron como ganador.", "este miércoles",
     "recognition"),
])
def test_the_means_a_bounty_or_what_was_agreed_is_read_from_the_clause(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


@pytest.mark.parametrize("language, text, date_text, action", [
    # What was said carries its own date: the saying's date is the saying's.
    ("es", "Maduro confirmó el lunes que se reunió con una delegación de Estados Unidos el fin de semana.",
     "el lunes", "statement"),
    ("es", "Maduro confirmó el lunes que se reunió con una delegación de Estados Unidos el fin de semana.",
     "el fin de semana", "meeting"),
    ("en", "Officials confirmed on Monday that they met with Maduro over the weekend.", "on Monday", "statement"),
    # Without a date of its own, what was said is what the saying's date dates.
    ("en", "Officials confirmed on Monday that they met with Maduro in Caracas.", "on Monday", "meeting"),
])
def test_words_said_with_a_date_of_their_own_leave_the_saying_its_date(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


@pytest.mark.parametrize("language, text, date_text, action", [
    # What the clause names only as coming before the dated happening is not it.
    ("en", "Maduro arrived on Saturday evening at a military base in the US after his capture by US forces.",
     "on Saturday evening", OTHER),
    ("es", "Maduro llegó este sábado a Nueva York luego de su captura en Caracas.", "este sábado", OTHER),
    # A release or a deportation ends in an arrival: the arrival is the happening.
    ("es", "Alex Saab llegó a Venezuela este miércoles luego de ser liberado por Estados Unidos.", "este miércoles",
     "release"),
    # Before the date, or past a comma, the phrase does not frame the happening.
    ("en", "On Saturday, after weeks of threats, US forces struck targets in Caracas.", "On Saturday", "military"),
])
def test_a_happening_named_as_what_came_before_is_not_the_dated_one(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


def test_what_a_statement_is_about_leaves_out_what_came_before_it_and_keeps_what_it_confirms():
    from newsline.actions import mentioned

    def about(text, date_text):
        at = text.index(date_text)
        return mentioned(text, "en", (at, at + len(date_text)))

    assert "military" not in about("Trump said on Saturday the US would run Venezuela in the wake of the raid.",
                                   "on Saturday")
    assert "arrest" in about("Trump confirmed on Saturday the capture of Nicolás Maduro.", "on Saturday")
    assert "arrest" in about("Trump announced on Saturday that US forces had captured Nicolás Maduro.",
                             "on Saturday")


@pytest.mark.parametrize("language, text, date_text, action", [
    # A "when" clause after the main happening tells when it happened, not what.
    ("en", "Washington then recognised opposition leader Juan Guaido, then parliament speaker, when he declared "
           "himself acting president in January 2019.", "in January 2019", "recognition"),
    ("es", "Estados Unidos reconoció a Guaidó cuando se autoproclamó presidente encargado en enero de 2019.",
     "en enero de 2019", "recognition"),
    # ... unless it opens right after the date and says what the date is.
    ("es", "Los líderes se reunieron por primera vez desde 1961, cuando los dos países rompieron sus relaciones.",
     "desde 1961", "relations"),
    # "released a statement" is words said, not a release; what the statement does is the happening.
    ("en", "President Donald Trump released a statement Wednesday recognizing Juan Guaido as president.",
     "Wednesday", "recognition"),
    ("en", "The State Department released a statement on Friday.", "on Friday", "statement"),
])
def test_a_when_clause_and_a_statement_released_do_not_hide_the_happening(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


def test_pleading_not_guilty_is_no_self_proclamation():
    _assert_coded("es", "Maduro y su esposa se declararon este lunes no culpables de todos los cargos.",
                  "este lunes", "charge")


@pytest.mark.parametrize("text, action", [
    ("Donald Trump backed the opposition leader, Juan Guaidó, on Wednesday.", "recognition"),
    ("Donald Trump backed the new sanctions on Wednesday.", "sanctions"),
    ("US-backed forces struck a boat on Wednesday.", "military"),
    ("The administration announced on Wednesday its formal support for Juan Guaidó.", "recognition"),
    ("The administration announced on Wednesday its support for the new sanctions.", "sanctions"),
])
def test_backing_a_person_is_recognising_them_and_backing_a_measure_is_not(text, action):
    rows = extract_events(Article("a", text, published="2019-01-24", language="en"))
    assert rows[0]["action"] == action


def test_a_happening_named_as_known_after_a_date_with_nothing_else_is_not_dated():
    # "after the operation" names a known earlier happening: the dust settling is no class
    rows = extract_events(Article("a", "The dust continued to settle on Sunday after the dramatic military "
                                       "operation in Caracas.", published="2026-01-05", language="en"))
    assert rows[0]["action"] == OTHER


@pytest.mark.parametrize("text, language, action", [
    # a participle describing whom another happening befalls is no arrest of its own
    ("The president pardoned two jailed Americans on Friday.", "en", "release"),
    # ... but a verb with its subject, or one the date dates, is
    ("Six Americans were jailed on Friday.", "en", "arrest"),
    ("The executives, jailed in 2017, were freed on Friday.", "en", "arrest"),
])
def test_a_participle_that_describes_is_no_arrest(text, language, action):
    rows = extract_events(Article("a", text, published="2025-02-01", language=language))
    assert rows[0]["action"] == action, rows[0]["action_text"]


def test_a_means_phrase_is_its_own_happening_when_another_date_dates_the_first():
    # "captured him on Saturday in a raid": the raid is how; but in "elections this year in an agreement
    # brokered in October", "this year" dates the elections and "in October" the agreement.
    text = ("The government vowed to allow presidential elections this year in an agreement brokered with the "
            "opposition in October.")
    rows = {r["date_text"]: r["action"] for r in extract_events(Article("a", text, published="2024-02-10", language="en"))}
    assert rows == {"this year": "election", "in October": "agreement"}


def test_a_date_after_a_despues_de_que_phrase_dates_the_phrase_when_the_main_happening_has_its_own():
    text = ("El ataque ocurrió dos semanas después de que la Armada hundiera otra lancha, el pasado 2 de "
            "septiembre, en la que viajaban once personas.")
    rows = {r["date_text"]: r for r in extract_events(Article("a", text, published="2025-09-16", language="es"))}
    assert rows["el pasado 2 de septiembre"]["action"] == "military"
    assert rows["el pasado 2 de septiembre"]["action_text"] == "hundiera"


@pytest.mark.parametrize("language, text, date_text, action", [
    # the happening a date expression names itself is what it dates, whatever else the sentence tells
    ("en", "Maduro has claimed to have won the July election despite evidence to the contrary.", "the July election",
     "election"),
    ("en", "The opposition says its tally of results from the July vote showed a clear victory.", "the July vote",
     "election"),
    ("es", "Las elecciones de julio fueron ampliamente cuestionadas por la oposición.", "julio", "election"),
    # ... not the setting of another happening: what was agreed at the summit is the agreement
    ("en", "OAS countries agreed to endorse the Democratic Charter in the April summit in Quebec.", "in the April summit",
     "agreement"),
    # ... not the happening an anchored date is counted from, nor a month's name read as a word
    ("en", "The US raised the reward for Maduro on the day he was sworn in.", "on the day he was sworn in", "charge"),
    ("en", "The next court date was set for March 17.", "March 17", "charge"),
])
def test_the_happening_a_date_names_itself_is_what_it_dates(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


@pytest.mark.parametrize("language, text, date_text, action", [
    # a count of hours before or after another happening dates the main clause, not the one counted from
    ("es", "Horas antes de informar al mundo de la muerte de Hugo Chávez, Nicolás Maduro anunció la expulsión de dos "
           "agregados militares estadounidenses.", "Horas antes", "expulsion"),
    # counted in days, the date is the clause's: "dos días después del ataque" dates the attack
    ("es", "Dos días después del ataque, Maduro anunció la expulsión de dos agregados.", "Dos días después",
     "military"),
])
def test_what_a_count_of_hours_is_counted_from_is_not_what_it_dates(language, text, date_text, action):
    _assert_coded(language, text, date_text, action)


def test_a_chronologys_year_label_is_no_event_of_its_own():
    text = ("Cronología.\n\n2022: El 26 de noviembre, el Departamento del Tesoro emite la General License 41.\n\n"
            "2019: Estados Unidos sancionó a PDVSA.")
    rows = extract_events(Article("chronology", text, published="2025-08-12", language="es"))
    dated = {r["date_text"]: (r["value"], r["action"]) for r in rows}
    # the entry's own date tells the licence, once; a label alone in its entry is the entry's date
    assert dated == {"El 26 de noviembre": ("2022-11-26", "sanctions-eased"), "2019": ("2019", "sanctions")}
