"""Actors named in Spanish news text: the aliases of data/actors.json that Spanish copy uses."""

from __future__ import annotations

from datetime import date

import pytest

from newsline.actors import ActorMatcher

ON = date(2025, 9, 10)  # Maduro in office, Trump in his second term


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher.default()


NAMED = [
    ("Estados Unidos anunció nuevas sanciones contra Caracas.", "United States"),
    ("EE UU elevó la recompensa por la captura de Maduro.", "United States"),
    ("EEUU y Venezuela reanudaron los vuelos de deportación.", "United States"),
    ("EE.UU. revocó la licencia de Chevron.", "United States"),
    ("La Casa Blanca confirmó el ataque.", "United States"),
    ("El Departamento de Estado emitió un comunicado.", "United States"),
    ("Washington respondió con nuevas sanciones.", "United States"),
    ("El Comando Sur desplegó buques en el Caribe.", "United States"),
    ("El Gobierno estadounidense calificó la elección de fraude.", "United States"),
    ("Las autoridades estadounidenses deportaron a 200 venezolanos.", "United States"),
    ("La justicia estadounidense acusó a Maduro de narcoterrorismo.", "United States"),
    ("El Departamento de Seguridad Nacional canceló el TPS.", "United States"),
    ("El chavismo celebró la proclamación.", "Venezuela"),
    ("El régimen chavista rechazó las sanciones.", "Venezuela"),
    ("Funcionarios venezolanos viajaron a Catar.", "Venezuela"),
    ("La Fuerza Armada Nacional Bolivariana se declaró en alerta.", "Venezuela"),
    ("El presidente venezolano habló en cadena nacional.", "Nicolás Maduro"),
    ("Nicolás Maduro denunció una agresión.", "Nicolás Maduro"),
    ("Nicolas Maduro denunció una agresión.", "Nicolás Maduro"),
    ("María Corina Machado recibió el Premio Nobel de la Paz.", "María Corina Machado"),
    ("Maria Corina Machado pidió apoyo internacional.", "María Corina Machado"),
    ("La oposición venezolana convocó una marcha.", "Venezuelan opposition"),
    ("El secretario de Defensa, Pete Hegseth, visitó Puerto Rico.", "Pete Hegseth"),
]


@pytest.mark.parametrize("sentence, actor", NAMED)
def test_spanish_names_find_their_actor(matcher, sentence, actor):
    assert actor in matcher.actors(sentence, on=ON)


def test_one_sentence_several_actors(matcher):
    sentence = "El presidente venezolano, Nicolás Maduro, acusó a EE UU y a María Corina Machado de conspirar."
    assert matcher.actors(sentence, on=ON) == ["Nicolás Maduro", "United States", "María Corina Machado"]


def test_presidente_venezolano_is_dated(matcher):
    assert matcher.actors("El presidente venezolano habló en cadena nacional.", on=date(2010, 5, 1)) == ["Hugo Chávez"]


NOT_ACTORS = [
    "Tu apoyo es importante.",
    "Unidos Podemos presentó una moción.",
    "El estado venezolano de Zulia sufrió apagones.",
    "El juez federal argentino dictó sentencia.",
]


@pytest.mark.parametrize("sentence", NOT_ACTORS)
def test_spanish_words_that_name_no_actor(matcher, sentence):
    assert matcher.actors(sentence, on=ON) == []
