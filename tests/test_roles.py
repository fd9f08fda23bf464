"""Who did what to whom: roles from sentence structure and the rule that set them."""

import pytest

from newsline.events import extract_events
from newsline.model import Article


def coded(text: str, language: str = "en", published: str = "2019-01-24") -> dict:
    rows = extract_events(Article("a", text, published=published, language=language))
    assert rows, text
    return rows[0]


@pytest.mark.parametrize("text, language, action, source, target, rule", [
    ("The United States recognised Juan Guaidó as interim president on Wednesday.", "en",
     "recognition", ["United States"], ["Juan Guaidó"], "active"),
    ("Juan Guaidó was recognised by the United States on Wednesday.", "en",
     "recognition", ["United States"], ["Juan Guaidó"], "passive"),
    ("Guaidó fue reconocido por Estados Unidos el miércoles.", "es",
     "recognition", ["United States"], ["Juan Guaidó"], "passive"),
    ("Marco Rubio said that Venezuela freed two Americans on Wednesday.", "en",
     "release", ["Venezuela"], [], "reported"),
    ("Venezuela freed two Americans on Wednesday, Marco Rubio said.", "en",
     "release", ["Venezuela"], [], "reported"),
    ("El miércoles reconoció Estados Unidos a Edmundo González como presidente electo.", "es",
     "recognition", ["United States"], ["Edmundo González Urrutia"], "verb-first"),
    # "reconozco" is the speaker's own deed: the one quoted acts
    ("«Hoy, reconozco oficialmente a Juan Guaidó como presidente interino», afirmó Donald Trump.", "es",
     "recognition", ["Donald Trump"], ["Juan Guaidó"], "reported"),
    # "por parte de" names a noun's agent, as "por" does
    ("El 2 de septiembre ya se había anunciado el hundimiento de otra lancha por parte de Estados Unidos.", "es",
     "military", ["United States"], [], "noun"),
    # a name after "con" is whom the ties were with, not the subject after the verb
    ("El miércoles rompió relaciones con Estados Unidos el presidente Nicolás Maduro.", "es",
     "relations", ["Nicolás Maduro"], ["United States"], "verb-first"),
])
def test_roles_follow_the_sentence_structure(text, language, action, source, target, rule):
    row = coded(text, language)
    assert row["action"] == action
    assert row["actors_source"] == source
    assert row["actors_target"] == target
    assert row["roles_rule"].startswith(rule), row["roles_rule"]
    assert "Marco Rubio" not in row["actors_source"] + row["actors_target"]  # he only speaks
    assert set(source + target) <= set(row["actors"])  # `actors` keeps everyone named


def test_the_trigger_and_its_offsets_point_into_the_article():
    text = "On Monday, Nicolás Maduro expelled three American diplomats."
    row = coded(text)
    assert row["action"] == "expulsion"
    assert text[row["action_char_start"]:row["action_char_end"]] == row["action_text"] == "expelled"


@pytest.mark.parametrize("text, action, source", [
    ("Mr. Donald Trump said Tuesday that the United States had struck the boat.", "military",
     ["United States", "Donald Trump"]),
    ("The United States struck a boat in the Caribbean, Pete Hegseth said on Tuesday.", "military",
     ["United States", "Pete Hegseth"]),
    ("Marco Rubio dijo el martes que Venezuela liberó a dos estadounidenses.", "release",
     ["Venezuela", "Marco Rubio"]),
])
def test_the_speaker_of_a_dated_saying_is_a_source_beside_who_acted(text, action, source):
    # The date stands with the verb of saying, so it dates the saying too: whoever made the dated
    # statement takes part in it (the corpus gold's convention); who did the deed comes first.
    row = coded(text, "es" if " dijo " in text else "en")
    assert row["action"] == action
    assert row["actors_source"] == source
    assert "speaker of the dated saying" in row["roles_rule"]


def test_a_statement_has_its_speaker_as_source():
    row = coded("Marco Rubio told reporters on Tuesday that he was worried about Venezuela.")
    assert row["action"] == "statement"
    assert row["actors_source"] == ["Marco Rubio"]


def dated(text: str, date_text: str, language: str = "en", published: str = "2019-01-24") -> dict:
    """The event of ``text`` whose date expression is ``date_text``."""
    rows = extract_events(Article("a", text, published=published, language=language))
    for row in rows:
        if text[row["date_char_start"]:row["date_char_end"]] == date_text:
            return row
    raise AssertionError(f"no event dated {date_text!r} in {text!r}: {rows}")


@pytest.mark.parametrize("text, language, source, target, left_out, why", [
    # A dateline says where the story was filed, not who took part.
    ("CARACAS/WASHINGTON (Reuters) – Venezuela freed two Americans on Tuesday.", "en",
     ["Venezuela"], [], ["United States"], "in the dateline"),
    ("WASHINGTON, 5 ene (EFE) — Venezuela liberó a dos estadounidenses el martes.", "es",
     ["Venezuela"], [], ["United States"], "in the dateline"),
    ("Washington, 5 ene (EFE).- Venezuela liberó a dos estadounidenses el martes.", "es",
     ["Venezuela"], [], ["United States"], "in the dateline"),
    ("Ureña, Colombia.- Venezuela liberó a dos estadounidenses el martes.", "es",
     ["Venezuela"], [], ["Colombia"], "in the dateline"),
    # A state after a preposition of place is where it happened, not a party acted upon ...
    ("The U.S. military struck a boat in international waters near Venezuela on Friday.", "en",
     ["United States"], [], ["Venezuela"], "is where it happened"),
    ("El ejército de Estados Unidos atacó una lancha en aguas cerca de Venezuela el viernes.", "es",
     ["United States"], [], ["Venezuela"], "is where it happened"),
    # Who is given hours to leave is expelled; a state named "in solidarity with" is no party.
    ("Hugo Chávez late Thursday gave U.S. Ambassador Patrick Duddy 72 hours to leave the country.", "en",
     ["Hugo Chávez"], ["United States", "Patrick Duddy"], [], "given time to leave"),
    # (told as a deadline given to them, in either language)
    ("On Wednesday, Nicolás Maduro gave U.S. diplomats a deadline of 72 hours to leave the country.", "en",
     ["Nicolás Maduro"], ["United States"], [], "given time to leave"),
    ("El miércoles, Maduro dio a los diplomáticos de Washington un plazo de 72 horas para salir del país.", "es",
     ["Nicolás Maduro"], ["United States"], [], "given time to leave"),
    # (ordered to leave, the one ordered named before the trigger, in either language)
    ("El presidente Hugo Chávez ordenó este jueves al embajador de Estados Unidos en Caracas, Patrick Duddy, "
     "abandonar el país en 72 horas.", "es", ["Hugo Chávez"], ["United States", "Patrick Duddy"], [],
     "ordered out"),
    ("Hugo Chávez on Thursday ordered U.S. Ambassador Patrick Duddy to leave the country.", "en",
     ["Hugo Chávez"], ["United States", "Patrick Duddy"], [], "ordered out"),
    ("In solidarity with Bolivia, Hugo Chávez on Thursday expelled the U.S. ambassador.", "en",
     ["Hugo Chávez"], ["United States"], ["Bolivia"], "is where it happened"),
    # (a border between two states, too)
    ("Two trucks carrying aid were set on fire on Saturday on the border between Colombia and Venezuela.", "en",
     [], [], ["Colombia", "Venezuela"], "is where it happened"),
    ("Dos camiones con ayuda humanitaria fueron incendiados el sábado en la frontera entre Colombia y Venezuela.",
     "es", [], [], ["Colombia", "Venezuela"], "is where it happened"),
    ("Mr. Trump said Tuesday that the U.S. had struck the boat after it had left Venezuela.", "en",
     ["United States", "Donald Trump"], [], ["Venezuela"], "speaker of the dated saying"),
    # ... a clause after the object tells another happening (a result, a cause) ...
    ("The United States recognised Juan Guaidó as interim president on Wednesday, leaving Nicolás Maduro "
     "isolated.", "en", ["United States"], ["Juan Guaidó"], ["Nicolás Maduro"], "active"),
    ("Estados Unidos reconoció a Juan Guaidó como presidente interino el miércoles, dejando aislado a "
     "Nicolás Maduro.", "es", ["United States"], ["Juan Guaidó"], ["Nicolás Maduro"], "active"),
    ("Estados Unidos impuso sanciones a Venezuela el lunes, en respuesta al arresto de Juan Guaidó.", "es",
     ["United States"], ["Venezuela"], ["Juan Guaidó"], "active"),
    # ... or a measured time before or after it ("two days after", "horas después de")
    ("The United States recognised Delcy Rodríguez on Monday, two days after US forces "
     "captured Nicolás Maduro.", "en", ["United States"], ["Delcy Rodríguez"], ["Nicolás Maduro"], "active"),
    ("Estados Unidos reconoció a Delcy Rodríguez el lunes, dos días después de que sus fuerzas capturaran a "
     "Nicolás Maduro.", "es", ["United States"], ["Delcy Rodríguez"], ["Nicolás Maduro"], "active"),
    # ... but a "when" clause after a phrase that holds the date ("since 2019, when ...") tells the happening.
    ("Los vínculos entre ambos países, que permanecían interrumpidos desde 2019, cuando Washington reconoció "
     "al líder opositor Juan Guaidó como presidente interino.", "es", ["United States"], ["Juan Guaidó"], [], "active"),
    ("Ties between the two countries, which had been cut off since 2019, when Washington recognised the "
     "opposition leader Juan Guaidó as interim president.", "en", ["United States"], ["Juan Guaidó"], [], "active"),
    # Right after a quotation the speaker follows the verb; who is named inside it is what was said.
    ("“Estados Unidos no reconocerá la toma de posesión de Nicolás Maduro”, aseguró John Bolton hoy en Twitter.",
     "es", ["John Bolton"], [], ["Nicolás Maduro"], "speaker"),
    # Who wins the recognition of others is recognised by them, though named first.
    ("In January 2019, Juan Guaidó won the recognition of more than 50 nations including the United States.", "en",
     ["United States"], ["Juan Guaidó"], [], "won it from"),
    ("En enero de 2019 Juan Guaidó obtuvo el reconocimiento de Estados Unidos como presidente interino.", "es",
     ["United States"], ["Juan Guaidó"], [], "won it from"),
    # ... and "reportedly" attributes without a speaker: it does not split the sentence.
    ("The U.S. and Venezuela reportedly reached a deal on Wednesday to free ten Americans.", "en",
     ["United States", "Venezuela"], [], [], "active"),
    # What was said names nobody but a pronoun standing for the speaker: the speaker acts.
    ("Trump said he would impose new sanctions on Venezuela next week.", "en",
     ["Donald Trump"], ["Venezuela"], [], "'he' in what was said"),
    ("El Departamento de Estado dijo que su gobierno levantará las sanciones contra Venezuela la próxima "
     "semana.", "es", ["United States"], ["Venezuela"], [], "'su' in what was said"),
    # A quotation in the first person speaks for whom it is attributed to.
    ('"Hoy traemos a casa a siete estadounidenses", afirmó Biden en un comunicado.', "es",
     ["Joe Biden"], [], [], "first person"),
    # Who is said to be something is no speaker: "was declared winner" does not split the sentence.
    ("Maduro was declared winner of the election on July 28 by the electoral council.", "en",
     ["Nicolás Maduro"], [], [], "active"),
    # A statement: whom the words are about in a that-clause is no target; an apposition is passed over.
    ("Marco Rubio told reporters on Tuesday that the drugs were headed to Trinidad and Tobago.", "en",
     ["Marco Rubio"], [], ["Trinidad and Tobago"], "speaker"),
    ("Marco Rubio dijo a periodistas el martes que las drogas iban hacia Trinidad y Tobago.", "es",
     ["Marco Rubio"], [], ["Trinidad and Tobago"], "speaker"),
    ("Kamla Persad-Bissessar, the prime minister of Trinidad and Tobago, praised the strike in a statement "
     "on Tuesday.", "en", ["Kamla Persad-Bissessar"], [], ["Trinidad and Tobago"], "speaker"),
])
def test_roles_name_the_parties_not_places_datelines_or_other_clauses(text, language, source, target,
                                                                       left_out, why):
    row = coded(text, language)
    assert row["actors_source"] == source, row["roles_rule"]
    assert row["actors_target"] == target, row["roles_rule"]
    assert why in row["roles_rule"], row["roles_rule"]
    for name in left_out:
        assert name in row["actors"]  # still named: `actors` keeps everyone
        assert name not in row["actors_source"] + row["actors_target"]


@pytest.mark.parametrize("text, language", [
    ("A deportation flight from the United States touched down in Venezuela on Friday.", "en"),
    ("Un vuelo con deportados desde Estados Unidos aterrizó en Venezuela el viernes.", "es"),
])
def test_where_a_movement_ends_is_a_party(text, language):
    # "in" after a verb of arriving names where the deportees were taken: a party, not a setting.
    row = coded(text, language)
    assert "Venezuela" in row["actors_source"] + row["actors_target"], row["roles_rule"]
    assert "where it happened" not in row["roles_rule"]


def test_a_state_s_possession_after_in_is_no_setting():
    row = coded("González won the most votes in Venezuela's election on July 28.")
    assert "Venezuela" in row["actors_source"] + row["actors_target"], row["roles_rule"]


@pytest.mark.parametrize("text, date_text, language, outside", [
    ("On Saturday Donald Trump invoked the Alien Enemies Act, a law from 1798 that allows deportations.",
     "from 1798", "en", "Donald Trump"),
    ("El sábado Donald Trump invocó la Ley de Enemigos Extranjeros, una ley de 1798 que permite "
     "deportaciones.", "1798", "es", "Donald Trump"),
    ("Venezuela freed Luke Denman and Airan Berry, who had joined a raid against Maduro in 2020.",
     "in 2020", "en", "Venezuela"),
    ("Venezuela liberó a Luke Denman y Airan Berry, que participaron en un ataque contra Maduro en 2020.",
     "en 2020", "es", "Venezuela"),
])
def test_a_date_in_an_apposition_or_relative_clause_dates_only_what_it_tells(text, date_text, language,
                                                                             outside):
    row = dated(text, date_text, language)
    assert outside not in row["actors_source"] + row["actors_target"], row["roles_rule"]
    assert "apposition or relative clause" in row["roles_rule"]
    if "Denman" in text:  # the relative clause keeps who it tells about
        assert row["actors_source"] == ["Luke Denman", "Airan Berry"]
        assert row["actors_target"] == ["Nicolás Maduro"]


def test_a_date_dates_the_nearest_saying_only():
    text = ("The United States will keep ships in the Caribbean and strike drug boats, Pete Hegseth said "
            "Wednesday morning, a day after Donald Trump said the U.S. military had destroyed a boat.")
    row = dated(text, "a day after", published="2025-09-03")
    assert "Pete Hegseth" not in row["actors_source"] + row["actors_target"], row["roles_rule"]


def test_a_first_person_quotation_speaks_for_everyone_it_is_attributed_to():
    row = coded('"Today we welcome the agreement signed by both sides," according to a joint statement '
                "from the U.S., the EU and Canada.")
    assert row["actors_source"] == ["United States", "European Union", "Canada"], row["roles_rule"]


@pytest.mark.parametrize("text, language, party", [
    # An institution is a party wherever it stands; "at the White House" is no mere setting.
    ("Donald Trump met oil executives at the White House on Friday.", "en", "United States"),
    ("El viernes Donald Trump se reunió con petroleros en la Casa Blanca.", "es", "United States"),
    # A strike, a coup, an election befalls the state it happens in, named right after the trigger.
    ("The United States launched strikes in Venezuela on Saturday.", "en", "Venezuela"),
    ("El 3 de enero Donald Trump ordenó un ataque en Caracas.", "es", "Venezuela"),
])
def test_a_state_after_in_is_a_party_when_it_is_an_institution_or_what_the_happening_befalls(text, language,
                                                                                            party):
    row = coded(text, language)
    assert party in row["actors_source"] + row["actors_target"], row["roles_rule"]
    assert "where it happened" not in row["roles_rule"]


def test_a_clause_after_a_comma_is_no_apposition_even_when_it_opens_with_the():
    # ", the U.S. and Salvadoran governments said Friday" holds a verb: an attribution, not a noun phrase.
    row = coded("BOGOTÁ, Colombia — Venezuela has freed 10 Americans, the U.S. and Salvadoran governments "
                "said Friday.", published="2025-07-18")
    assert row["actors_source"][0] == "Venezuela", row["roles_rule"]
    assert "apposition" not in row["roles_rule"]


@pytest.mark.parametrize("text, date_text, language", [
    ("Hugo Chávez, a former paratrooper who led a failed coup in 1992, was elected president on Sunday.",
     "in 1992", "en"),
    ("Hugo Chávez, un exparacaidista que encabezó un golpe fallido en 1992, fue elegido presidente el "
     "domingo.", "en 1992", "es"),
])
def test_an_apposition_keeps_the_actor_it_renames(text, date_text, language):
    row = dated(text, date_text, language, published="1998-12-07")
    assert "Hugo Chávez" in row["actors_source"] + row["actors_target"], row["roles_rule"]


@pytest.mark.parametrize("text, language, source, target, why", [
    # "Maduro's capture", "Saab's release": the possessor is the one captured or freed ...
    ("Following Nicolás Maduro's apprehension on Saturday morning, Donald Trump revealed that talks had begun.",
     "en", [], ["Nicolás Maduro"], "possessive"),
    ("Alex Saab's release on Wednesday angered Republicans.", "en", [], ["Alex Saab"], "possessive"),
    # A noun's "of" / "de" names who undergoes it, whatever the word order.
    ("Este sábado se conoció la captura de Nicolás Maduro en Caracas.", "es", [], ["Nicolás Maduro"],
     "befalls them"),
    ("On Saturday came the capture of Nicolás Maduro.", "en", [], ["Nicolás Maduro"], "befalls them"),
    # ... unless an "of" names who undergoes it: then the possessor acts.
    ("Washington's release of Alex Saab on Wednesday angered Republicans.", "en", ["United States"], ["Alex Saab"],
     "active"),
])
def test_a_possessor_undergoes_a_capture_or_a_release(text, language, source, target, why):
    row = coded(text, language)
    assert row["actors_source"] == source, row["roles_rule"]
    assert row["actors_target"] == target, row["roles_rule"]
    assert why in row["roles_rule"], row["roles_rule"]


@pytest.mark.parametrize("text, language, target, kin", [
    ("The Biden administration completed a prisoner swap on Wednesday, releasing an ally of Nicolás Maduro.", "en",
     [], "ally"),
    ("Venezuela freed seven Americans on Saturday in exchange for two nephews of Nicolás Maduro's wife.", "en", [],
     "nephews"),
    ("Venezuela liberó el sábado a siete estadounidenses a cambio de dos sobrinos de la esposa de Nicolás Maduro.",
     "es", [], "sobrinos"),
])
def test_someone_named_only_as_whose_relative_or_ally_is_no_party(text, language, target, kin):
    row = coded(text, language)
    assert "Nicolás Maduro" not in row["actors_source"] + row["actors_target"], row["roles_rule"]
    assert row["actors_target"] == target, row["roles_rule"]
    assert f"whose {kin}" in row["roles_rule"], row["roles_rule"]
    assert "Nicolás Maduro" in row["actors"]  # still among everyone named


def test_a_state_named_as_an_ally_may_head_a_clause_of_its_own():
    row = coded("Maduro is an ally of Russia, which last month sent two nuclear-capable bombers to the country.", "en")
    assert row["actors_source"] == ["Russia"], row["roles_rule"]


def test_a_relative_taken_with_the_one_named_stays_a_party():
    row = coded("The US captured Nicolás Maduro and his wife on Saturday.", "en")
    assert row["actors_target"] == ["Nicolás Maduro"], row["roles_rule"]


@pytest.mark.parametrize("text, action, source, target, why", [
    # A noun announced: whoever it names after it is what it acts on; the one who announced acts.
    ("El presidente de Venezuela, Nicolás Maduro, anunció este miércoles la ruptura de relaciones con Estados Unidos.",
     "relations", ["Nicolás Maduro"], ["United States"], "speaker of the dated saying 'anunció'"),
    ("El presidente de Estados Unidos, Donald Trump, anunció este martes la orden de un “bloqueo total” a los "
     "petroleros que salgan de Venezuela.", "sanctions", ["Donald Trump"], ["Venezuela"], "speaker of the dated saying"),
    # A verb right after "que" has the speaker as its subject (no subject is written in Spanish).
    ("El presidente de Estados Unidos, Donald Trump, anunció este miércoles que reconoce al titular de la "
     "Asamblea Nacional de Venezuela, Juan Guaidó, como presidente encargado.", "recognition",
     ["Donald Trump"], ["Venezuela", "Juan Guaidó"], "speaker of the dated saying 'anunció'"),
    # A title is no happening: the reward is what is told, not a charge by "la fiscal".
    ("La fiscal general de Estados Unidos, Pam Bondi, anunció este jueves una recompensa de 50 millones de "
     "dólares por información que conduzca al arresto de Nicolás Maduro.", "charge", ["Pam Bondi"],
     ["Nicolás Maduro"], "speaker of the dated saying 'anunció'"),
    # A noun's agent: "por" names it, and "de" when the noun is not something undergone.
    ("Una operación militar llevada a cabo por Estados Unidos sacudió Caracas durante la madrugada de este sábado.",
     "military", ["United States"], ["Venezuela"], "noun: its agent"),
    ("El anuncio coincide con la juramentación de Maduro como presidente, realizada hoy.", "election",
     ["Nicolás Maduro"], [], "noun: its agent"),
])
def test_spanish_announcements_and_nouns_name_who_acts(text, action, source, target, why):
    row = coded(text, "es", published="2025-08-08")
    assert row["action"] == action
    assert (row["actors_source"], row["actors_target"]) == (source, target), row["roles_rule"]
    assert why in row["roles_rule"]


@pytest.mark.parametrize("text, language, source, target", [
    ("Este miércoles, luego de la juramentación de Juan Guaidó como presidente encargado, la Casa Blanca hizo "
     "oficial que Donald Trump reconoció a Guaidó.", "es", ["United States", "Donald Trump"], ["Juan Guaidó"]),
    ("On Saturday, following a pressure campaign against Nicolás Maduro, the United States struck Venezuela.",
     "en", ["United States"], ["Venezuela"]),
    # a few words may stand before the "after" ("But just hours after ...")
    ("But just hours after Alex Saab was put on a plane to the United States on Saturday, the Venezuelan "
     "government re-apprehended six oil executives.", "en", ["Venezuela"], []),
])
def test_a_clause_of_what_came_before_holds_no_party(text, language, source, target):
    row = coded(text, language, published="2019-01-25")
    assert (row["actors_source"], row["actors_target"]) == (source, target), row["roles_rule"]


@pytest.mark.parametrize("text, action, target", [
    ("El 3 de enero, cuando se produjo la captura de Maduro, el Tribunal Supremo ordenó a Delcy Rodríguez "
     "asumir la presidencia.", "arrest", ["Nicolás Maduro"]),
    ("Tras una operación militar de Estados Unidos durante la madrugada del sábado, el presidente Donald Trump "
     "anunció la captura de Maduro.", "military", []),
    # A verb with no subject of its own takes the main clause's: its parties are outside it.
    ("Luego de haber sido capturado el sábado en Caracas, Nicolás Maduro llegó a Nueva York.", "arrest",
     ["Nicolás Maduro"]),
])
def test_a_happening_in_a_clause_of_time_set_first_has_its_parties_there(text, action, target):
    row = coded(text, "es", published="2026-01-05")
    assert row["action"] == action
    assert row["actors_target"] == target, row["roles_rule"]


def test_a_name_that_dates_something_is_no_party():
    row = coded("The Biden administration agreed to ease Trump-era sanctions on Wednesday.", published="2023-10-19")
    assert row["actors_source"] == ["Joe Biden", "United States"] and row["actors_target"] == []
    assert "names a period" in row["roles_rule"]
    assert "Donald Trump" in row["actors"]  # still named


def test_a_spanish_clause_of_time_with_que_has_a_subject_of_its_own():
    row = coded("En enero, el expresidente Joe Biden fijó la recompensa en 25 millones de dólares, justo antes de "
                "que Donald Trump asumiera el cargo.", "es", published="2025-08-08")
    assert (row["actors_source"], row["actors_target"]) == (["Joe Biden"], [])


@pytest.mark.parametrize("text, source, target, why", [
    # "a"/"al" marks an object even before the trigger, quoted or not.
    ("El Departamento de Estado informó este domingo que tiene previsto clasificar al «Cartel de los Soles» "
     "como organización terrorista.", ["United States"], ["Cartel de los Soles"], "reported"),
    # A noun's "de" names whom it befalls unless the noun is a doing ("la juramentación de Maduro").
    ("La designación terrorista del Cartel de los Soles entró en vigor este lunes.", [], ["Cartel de los Soles"],
     "noun: whom 'de' names"),
])
def test_spanish_objects_and_nouns_of_undergoing(text, source, target, why):
    row = coded(text, "es", published="2025-11-25")
    assert row["action"] == "sanctions"
    assert (row["actors_source"], row["actors_target"]) == (source, target), row["roles_rule"]
    assert row["roles_rule"].startswith(why)


@pytest.mark.parametrize("text, source, target", [
    # "was breaking" is no passive; "he" in what was said is who said it; the "after" clause has
    # parties of its own.
    ("Nicolás Maduro said on Wednesday he was breaking diplomatic relations with the United States, "
     "after Donald Trump recognized Juan Guaidó.", ["Nicolás Maduro"], ["United States"]),
    ("Nicolás Maduro announced on Wednesday he is severing ties with the United States following Washington's "
     "recognition of Juan Guaidó.", ["Nicolás Maduro"], ["United States"]),
])
def test_a_progressive_is_active_and_an_after_clause_holds_no_party(text, source, target):
    row = coded(text, published="2019-01-24")
    assert row["action"] == "relations"
    assert (row["actors_source"], row["actors_target"]) == (source, target), row["roles_rule"]


@pytest.mark.parametrize("text, source, target", [
    # a trigger that holds its own "fue" is a passive
    ("Maduro fue detenido el sábado en Caracas.", [], ["Nicolás Maduro"]),
    # "del" is an "of" too: both named after it undergo the capture
    ("Tras la captura del presidente Nicolás Maduro y su esposa Cilia Flores, ocurrida la madrugada del "
     "sábado, Trump habló.", [], ["Nicolás Maduro", "Cilia Flores"]),
])
def test_spanish_passives_and_of_phrases_name_who_undergoes_a_capture(text, source, target):
    row = coded(text, "es", published="2026-01-05")
    assert row["action"] == "arrest"
    assert (row["actors_source"], row["actors_target"]) == (source, target), row["roles_rule"]


def test_a_place_named_after_someone_is_no_actor():
    row = coded("Chávez told a crowd in Puerto Cabello on Thursday that the U.S. ambassador must leave.",
                published="2008-09-12")
    assert "Diosdado Cabello" not in row["actors"]


@pytest.mark.parametrize("text, language, source, target", [
    # whoever ordered it acts; a noun's relative clause ("un ataque que afectó a ... Caracas") holds no subject
    ("El hecho ocurrió tras un ataque que se realizó durante la madrugada de este sábado que afectó a la capital, "
     "Caracas, por orden del presidente Donald Trump.", "es", ["Donald Trump"], ["Venezuela"]),
    ("The strike was carried out on Monday on the orders of Donald Trump.", "en", ["Donald Trump"], []),
    # a passive's agent may stand a clause on: "durante una operación ejecutada por el ejército de ..."
    ("Maduro fue atacado el sábado en Caracas durante una operación ejecutada por el ejército de Estados Unidos.",
     "es", ["United States"], ["Nicolás Maduro"]),
    # a passive done under someone's government: theirs is the doing
    ("El avión fue atacado el 2 de septiembre de 2024 bajo la administración de Joe Biden.", "es",
     ["Joe Biden"], []),
    # "por la administración de X" names the agent as "por X" does
    ("Una operación militar ejecutada por la administración de Donald Trump sacudió Caracas este sábado.", "es",
     ["Donald Trump"], ["Venezuela"]),
])
def test_who_ordered_or_carried_out_a_happening_acts_in_it(text, language, source, target):
    row = coded(text, language, published="2026-01-04")
    assert row["action"] == "military"
    assert (row["actors_source"], row["actors_target"]) == (source, target), row["roles_rule"]


@pytest.mark.parametrize("text, language, source, target", [
    ("U.S. President Barack Obama issued an executive order declaring Venezuela a national security threat "
     "on Monday.", "en", ["Barack Obama"], ["Venezuela"]),
    ("The United States declared Venezuela a threat to national security on March 9, 2015.", "en",
     ["United States"], ["Venezuela"]),
])
def test_whom_a_state_declares_a_threat_is_what_the_declaring_acts_on(text, language, source, target):
    row = coded(text, language, published="2015-03-10")
    assert row["action"] == "sanctions"
    assert (row["actors_source"], row["actors_target"]) == (source, target), row["roles_rule"]
    assert row["roles_rule"].startswith("designation")


def test_one_declared_the_winner_of_an_election_is_not_designated():
    row = coded("Venezuela's electoral council declared Nicolás Maduro the winner of Sunday's election.",
                published="2024-07-29")
    assert row["action"] == "election" and not row["roles_rule"].startswith("designation")


def test_a_bare_noun_announced_has_no_subject_after_it():
    # "anunció este martes sanciones ... contra Rosneft": the sanctions were announced, Rosneft undergoes them
    row = coded("Estados Unidos anunció este martes sanciones económicas contra Rosneft Trading, subsidiaria de la "
                "petrolera rusa Rosneft, por asistir al gobierno de Nicolás Maduro.", "es", published="2020-02-19")
    assert row["action"] == "sanctions"
    assert "Rosneft" not in row["actors_source"] and "Rosneft" in row["actors_target"], row["roles_rule"]


@pytest.mark.parametrize("text", [
    "«Hoy, estoy reconociendo oficialmente al presidente de la Asamblea Nacional de Venezuela, Juan Guaidó, como presidente interino».",
    "«Hoy reconocemos al presidente de la Asamblea Nacional de Venezuela como presidente interino».",
])
def test_a_spanish_verb_in_the_first_person_has_no_subject_after_it(text):
    # The speaker acts, not the first name after the verb (a Spanish subject may follow a verb in the
    # third person: "reconoció Estados Unidos a ...").
    row = coded(text, "es", published="2019-01-23")
    assert row["action"] == "recognition"
    assert row["actors_source"] == [] and "Venezuela" in row["actors_target"], row["roles_rule"]
    assert "first person" in row["roles_rule"]


def test_the_spanish_he_is_i_have_not_a_pronoun_and_its_quotation_speaks_for_who_said_it():
    row = coded("Nicolás Maduro juró un segundo mandato. «Hoy, he reconocido oficialmente al presidente de "
                "la Asamblea Nacional de Venezuela, Juan Guaidó, como presidente interino», dijo Trump vía Twitter.",
                "es", published="2019-01-23")
    assert row["action"] == "recognition"
    assert row["actors_source"] == ["Donald Trump"], row["roles_rule"]
    assert "Nicolás Maduro" not in row["actors"]  # "he" pointed back at the previous sentence's Maduro


@pytest.mark.parametrize("text, language, published, action, source, not_source, not_target, rule", [
    # a noun done by someone in its own passive has them as source
    ("The executive order was first issued by Obama in March 2015 and provoked a storm of controversy.", "en",
     "2016-03-03", "sanctions", ["Barack Obama"], [], ["Barack Obama"], "passive"),
    ("La orden ejecutiva fue firmada por el presidente Barack Obama en marzo de 2015.", "es", "2016-03-03",
     "sanctions", ["Barack Obama"], [], ["Barack Obama"], "passive"),
    # a verb after "and" has the subject of the verb before it
    ("The United States rejected Maduro on Wednesday and recognized Juan Guaidó as interim president.", "en",
     "2019-01-24", "recognition", ["United States"], ["Nicolás Maduro"], [], "coordinated"),
    ("Estados Unidos rechazó el miércoles a Maduro y reconoció a Juan Guaidó como presidente interino.", "es",
     "2019-01-24", "recognition", ["United States"], ["Nicolás Maduro"], [], "coordinated"),
    # where someone was going when it befell them is no party
    ("He had been in custody since 2020, when he was pulled off a private jet during a fuel stop en route to Iran.",
     "en", "2023-12-20", "arrest", [], ["Iran"], ["Iran"], "'Iran' after 'en route to'"),
    # a Spanish gerund takes no subject after it: whom it backs is acted upon
    ("Estados Unidos impuso duras sanciones y, junto con decenas de otros países, terminó respaldando en 2019 al "
     "jefe de la legislatura del país, Juan Guaidó.", "es", "2024-07-25", "recognition", [], ["Juan Guaidó"], [], ""),
    # a bare noun right after a verb of announcing is the announcer's, wherever the date stands
    ("Attorney General William Barr announced new charges against Nicolás Maduro on Thursday.", "en", "2020-03-27",
     "charge", ["Bill Barr"], [], ["Bill Barr"], "announcer's"),
    # an agreement named as a noun is between whom "between" names, not who welcomed it
    ("Blinken and the Canadian foreign minister welcomed the agreement reached on Tuesday between Nicolás "
     "Maduro's government and the Unitary Platform.", "en", "2023-10-18", "agreement",
     ["Nicolás Maduro", "Unitary Platform"], ["Antony Blinken"], ["Antony Blinken"], "between"),
])
def test_who_acts_is_read_from_the_sentence_not_from_whoever_stands_nearest(text, language, published, action,
                                                                            source, not_source, not_target, rule):
    row = coded(text, language, published=published)
    assert row["action"] == action
    assert set(source) <= set(row["actors_source"]), row["roles_rule"]
    assert not set(not_source) & set(row["actors_source"]), row["roles_rule"]
    assert not set(not_target) & set(row["actors_target"]), row["roles_rule"]
    assert rule in row["roles_rule"]


@pytest.mark.parametrize("text, language, own, other", [
    ("Maduro condenó el viernes el ataque del 2 de septiembre contra una lancha.", "es", "2 de septiembre", "el viernes"),
    ("Maduro condemned on Friday the strike of September 2 that killed 11 people.", "en", "September 2", "on Friday"),
])
def test_a_happening_talked_about_with_its_own_date_is_that_dates_and_not_the_speakers(text, language, own, other):
    from newsline.events import extract_events
    from newsline.model import Article

    rows = {r["date_text"]: r for r in extract_events(Article("a", text, published="2025-09-06", language=language))}
    assert rows[own]["action"] == "military" and rows[own]["actors_source"] == []
    assert rows[own]["roles_rule"].startswith("talked about")
    # the saying keeps its own day and its speaker
    assert rows[other]["action"] == "statement" and rows[other]["actors_source"] == ["Nicolás Maduro"]
