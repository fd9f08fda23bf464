"""Who did what to whom: the source and target actors of an event.

Roles come from where actors stand around the action's trigger in the sentence, by
one of a few general rules (each event records which one, in ``roles_rule``):

- ``active``: actors before the trigger act, actors after it are acted upon
  ("The United States recognised Guaidó").
- ``passive``: a form of "to be"/"ser" before the trigger and "by"/"por" after it
  swap them ("Guaidó was recognised by the United States", "fue reconocido por").
- ``reported``: in "X said Y did Z" only Y acts; X merely speaks ("Officials said
  Venezuela freed ten Americans", "..., the State Department said Sunday").
- ``verb-first``: Spanish puts the subject after the verb ("Reconoció Estados
  Unidos a González"): the first actor after the verb not marked by "a" acts.
- ``speaker``: for a statement, the speaker is the source and what they speak
  about the target.
- ``no-trigger``: no action word: the first actor named is taken to act.

Before these, the mentions that cannot be parties are set aside, each with a note in
``roles_rule``: the dateline ("CARACAS/WASHINGTON (Reuters) –"); a state after a preposition
of place, the setting of the happening ("a boat near Venezuela", "detenidos en Venezuela";
not where a movement ends, "touched down in Venezuela", nor an institution, "at the White House",
nor the state a strike or coup befalls, "strikes in Venezuela"); and, when the date stands inside an
apposition or a relative clause ("the Act, a law from 1798 that ..."), everyone outside it.
A clause after the trigger's object that tells another happening (", leaving Maduro
isolated", ", in response to ...") gives no target. In reported speech that names nobody, a
pronoun near the trigger ("its decision not to renew") or a first-person quotation stands for
the speaker, who then acts. A statement's target is whom it addresses or speaks of as its
object, not who is named in what was said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actions import AFTER_WORDS, Trigger

#: Happenings that befall the place they happen in: a state named right after their trigger with
#: "in"/"en" is the party they befall ("a coup attempt in Venezuela"), not only their setting.
BEFALLS_PLACE = frozenset({"military", "protest", "election"})
#: A pronoun stands for the speaker as the trigger's subject or possessor only this many words
#: before it ("its decision not to renew", "dijo que su gobierno levantará las sanciones").
BACK_WORDS = 4
#: A relative clause tells about an actor named at most this many words before its comma.
ANTECEDENT_WORDS = 3
#: Classes whose happening is words said: whoever says them acts, even when a verb of saying
#: introduces them ("Maduro said Gonzalez must face justice" is Maduro's threat).
SPOKEN = frozenset({"statement", "threat"})
#: Happenings that befall their possessor: in "Maduro's capture", "Saab's release" the one named before
#: "'s" is the one captured or freed (unless an "of" names that one: "Washington's release of Saab").
UNDERGONE = frozenset({"arrest", "release", "deportation"})

_BE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|has been|have been|had been|fue|fueron|sido|ha sido|han sido|"
    r"será|serán|es|son)\s+(?:(?!\w+ing\s)\w+\s+)?$", re.IGNORECASE)
_ORDERED_BY = re.compile(r"\b(?:por\s+orden(?:es)?\s+(?:de|del)|on\s+(?:the\s+)?orders?\s+of|ordered\s+by)\s+"
                         r"(?:(?:the|el|la)\s+)?(?:[^\W\d_]+\s+){0,2}$", re.IGNORECASE)
_DESIGNATES = re.compile(r"declar\w*|designat\w*|label\w*|brand\w*|calific\w*|clasific\w*", re.IGNORECASE)
_UNDER = re.compile(r"\b(?:bajo|under)\s+(?:la|el|the|former)?\s*(?:administración|gobierno|presidencia|"
                    r"administration|government|presidency|president)?\s*(?:de|del|of)?\s*(?:(?:el|la|the)\s+)?"
                    r"(?:(?:expresidente|presidente|former|president)\s+)?$", re.IGNORECASE)
_QUE = re.compile(r"\bque\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|entre)\b", re.IGNORECASE)
_BETWEEN_CLASSES = frozenset({"agreement", "meeting"})
_DETERMINER_BEFORE = re.compile(r"\b(?:the|an?|el|la|los|las|un|una)\s+$", re.IGNORECASE)
_COORDINATED = re.compile(r"\b(?:and|y)\s+(?:then\s+|also\s+|luego\s+|también\s+)?$", re.IGNORECASE)
#: Between a verb of announcing and its bare noun: a determiner and at most two words ("announced the
#: new charges", "anunció este jueves las sanciones").
_ANNOUNCED_NOUN = re.compile(r"\s+(?:(?:on|this|last|este|esta|el)\s+\w+\s+)?(?:the|a|an|new|its|his|her|their|"
                             r"el|la|los|las|un|una|su|sus|nuevas?|nuevos?)\s+(?:[^\W\d_]+\s+){0,2}", re.IGNORECASE)
#: "[the order] was first issued by", "[la orden] fue firmada por": a noun's own passive verb and its agent.
_NOUN_PASSIVE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:was|were|has been|have been|had been|fue|fueron|ha sido|han sido)\s+"
                           r"(?:[a-z]+ly\s+|first\s+|later\s+|then\s+|también\s+)?[a-záéíóú]+(?:ed|en|ado|ada|ados|adas|ido|ida|idos|idas|to|ta)\s+"
                           r"(?:by|por)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?(?:(?:former|president|presidente|expresidente)\s+)?$",
                           re.IGNORECASE)
_BE_FIRST = re.compile(r"(?:was|were|been|fue|fueron|sido)\s", re.IGNORECASE)
_BY = re.compile(r"\b(?:by|por(?:\s+parte\s+de(?:l)?)?)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?"
                 # "by the Trump administration" is plain; "por la administración de Trump" names it after;
                 # "por parte de EE.UU." is "by" too
                 r"(?:(?:administración|administration|gobierno|government|fuerzas|forces|ejército)\s+"
                 r"(?:de\s+|del\s+|of\s+)(?:the\s+|la\s+|el\s+|los\s+)?)?$", re.IGNORECASE)
#: A name after "con", "contra", "hacia", "entre", "sobre", "ante" is a complement, never the subject of a
#: verb before it: "rompió relaciones con Estados Unidos el presidente Maduro".
_COMPLEMENT_ES = re.compile(r"\b(?:con|contra|hacia|entre|sobre|ante)\s+(?:[a-záéíóúñ.]+\s+){0,3}[«\"“']?$",
                            re.IGNORECASE)
_PERSONAL_A = re.compile(r"\b(?:a|al|contra)\s+(?:la\s+|los\s+|las\s+)?[«\"“']?$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;—–]")


@dataclass(frozen=True)
class Placed:
    """Actors named at a place in the sentence (a name, or a pronoun standing for them)."""

    start: int
    end: int
    names: tuple[str, ...]
    surface: str
    kinds: tuple[str, ...] = ()  # each name's type (person, state, ...), when known


@dataclass(frozen=True)
class Roles:
    source: list[str]
    target: list[str]
    rule: str


def _names(placed: list[Placed], exclude=()) -> list[str]:
    out: list[str] = []
    for p in placed:
        for n in p.names:
            if n not in out and n not in exclude:
                out.append(n)
    return out


#: A dateline says where a story was filed, not who took part: "CARACAS/WASHINGTON (Reuters) –",
#: "CARACAS, 5 ene (EFE) —", "CLEVELAND –".
_DATELINE = re.compile(
    r"^\s*[A-ZÁÉÍÓÚÑ]{2,}(?:[ /.'-]+[A-ZÁÉÍÓÚÑ]{2,})*(?:,[^()\n–—]{1,25})?\s*(?:\([^()]{1,40}\))?\s*[–—-]{1,2}\s+"
    # the Spanish "Ureña, Venezuela.-", "Caracas, 17 oct (EFE).-"
    r"|^\s*[A-ZÁÉÍÓÚÑ][^\s.,()]*(?:[ ,]+[^\s.,()]+){0,4}\s*(?:\([^()]{1,40}\))?\.[–—-]\s*")
#: A preposition of place: a state named after one is where something happens ("citizens detained
#: in Caracas", "a boat near Venezuela", "en aguas cerca de Venezuela"), not a party to it ...
_SETTING = re.compile(
    r"\b(?:in|at|near|off|inside|within|outside|across|around|throughout|en|cerca de|dentro de|fuera de|"
    r"frente a|in solidarity with|en solidaridad con|"
    # where someone was going when it befell them ("pulled off a jet en route to Iran")
    r"en route to|on (?:the|his|her|its|their) way to|rumbo a|con destino a|en ruta a|en ruta hacia)"
    r"\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?$"
    # "on the border between Colombia and Venezuela", "en la frontera entre Colombia y Venezuela"
    r"|\b(?:border|borders|frontera|fronteras)\s+(?:between|with|entre|con)\s+(?:the\s+|el\s+|la\s+)?"
    r"(?:[\w.-]+\s+){0,2}?(?:(?:and|y)\s+(?:the\s+|el\s+|la\s+)?)?$", re.IGNORECASE)
#: ... except as where a movement ends ("flights touched down in Venezuela", "aterrizó en Caracas").
_ARRIVING = re.compile(r"\b(?:arriv|land|touch\w* down|return|lleg|aterriz|regres)\w*\s*$", re.IGNORECASE)
_ANCHORED = re.compile(r"\b(?:after|before|después de|antes de|tras)$", re.IGNORECASE)
#: An institution is a party wherever it stands ("at the White House", "en el Departamento de Estado").
_INSTITUTION = re.compile(
    r"House|Department|Pentagon|Embassy|Congress|Senate|Court|Ministry|Treasury|Council|Assembly|"
    r"[Gg]overnment|[Aa]dministration|[Mm]ilitary|[Ff]orces|[Oo]fficials|[Aa]uthorities|Casa Blanca|"
    r"Departamento|Pentágono|Embajada|Congreso|Senado|Tribunal|Ministerio|Tesoro|Consejo|Asamblea|"
    r"[Gg]obierno|[Aa]dministración|[Ff]uerzas|[Ee]jército|[Ff]uncionarios|[Aa]utoridades")
_POSSESSIVE = re.compile(r"^[’']s\b")
#: Someone named only as whose relative or ally another is ("an ally of Maduro", "two nephews of
#: Maduro's wife", "los sobrinos de la esposa de Maduro", "Maduro's wife"): that other is the party.
_KIN = (r"(?:ally|allies|aide|aides|associate|associates|wife|husband|son|sons|daughter|daughters|nephew|"
        r"nephews|niece|relative|relatives|brother|sister|family|frontman|aliado|aliados|esposa|esposo|hijo|hijos|"
        r"hija|sobrino|sobrinos|familiares|hermano|hermana|testaferro)")
_RELATIVE_OF = re.compile(rf"\b(?P<noun>{_KIN})\s+(?:of|de|to)\s+(?:(?:the|la|el|su|his|her)\s+)?"
                          rf"(?:[\w.-]+\s+){{0,3}}$", re.IGNORECASE)
_KIN_AFTER = re.compile(rf"[’']s\s+(?P<noun>{_KIN})\b", re.IGNORECASE)
_POSSESSOR = re.compile(r"[’']s\s+(?:[a-z]+\s+)?", re.IGNORECASE)
_OF = re.compile(r"\s+(?:of|de|del)\b", re.IGNORECASE)
#: Words that open an apposition, a noun phrase that renames the one before it
#: ("the Alien Enemies Act, a provision from 1798 that ...").
_DETERMINER = re.compile(r"^\s*(?:the|a|an|el|la|los|las|un|una)\s", re.IGNORECASE)
#: A determiner (and perhaps an adjective) right before a trigger: it is a noun ("la ruptura", "una
#: nueva recompensa", "su decisión").
_NOUN_OPENS = re.compile(r"\b(?:el|la|los|las|un|una|su|sus|del|al)\s+(?:[^\W\d_]+\s+){0,2}[\"“«']?$", re.IGNORECASE)
#: Classes whose noun's "de" names who does it ("la juramentación de Maduro", "la visita de Grenell",
#: "el ataque de Estados Unidos"); for the others it names who undergoes it.
#: Classes a state declares someone to be ("a national security threat", "persona non grata"); one
#: declared the winner of an election is no object of the declaring in the same way.
DESIGNATED = frozenset({"sanctions", "expulsion"})
DONE_BY_OF = frozenset({"election", "meeting", "protest", "military", "agreement"})
_OF_ONLY = re.compile(r"\s+(?:de|del)\s+(?:(?:la|los|las)\s+)?", re.IGNORECASE)
_OF_AGENT = re.compile(r"\s+(?:[^\W\d_]+\s+)?(?:de|del)\s+(?:(?:la|los|las)\s+)?", re.IGNORECASE)  # "operación militar de"
_PRETERITE_BEFORE = re.compile(r"\b[^\W\d_]+(?:ó|aron|ieron)\s+$")
_THAT_VERB = re.compile(r"\bque\s+(?:(?:ya|no|se|lo|la|le|les)\s+)?$", re.IGNORECASE)
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whom|whose|where|que|quien|quienes|cuyo|cuya|donde)\b",
                            re.IGNORECASE)
#: A finite verb's usual companions: an auxiliary or modal.
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|did|does|"
                     r"es|son|fue|fueron|ha|han|había|habían|será|serán|está|están)\b", re.IGNORECASE)
_PARTICIPLE = re.compile(r"^\s*\w+(?:ing|ando|iendo)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"^\s*(?:that|which|who|whom|whose|where|que|quien|quienes|cuyo|cuya|donde|"
                       r"(?:el|la|los|las) cuale?s?)\s", re.IGNORECASE)
#: What opens another clause after the trigger's object: its actors belong to another happening
#: ("agreed to electoral guarantees, paving the way for U.S. sanctions relief", "reactivate sanctions,
#: in response to the decision to disqualify Machado"). A condition ("if Maduro ...") often names the
#: parties of the happening itself, so it does not count.
#: "Trump-era sanctions", "Chávez-era": a name that dates something, no party to it.
_ERA = re.compile(r"[-‐–]era\b", re.IGNORECASE)
_AFTER_LATER = re.compile(rf",?\s+{AFTER_WORDS}\b", re.IGNORECASE)
_AFTER_OPENS = re.compile(rf"\s*(?:\w+\s+){{0,3}}{AFTER_WORDS}\b", re.IGNORECASE)
#: ... unless its verb has no subject of its own ("After saying ..., Machado will", "Luego de haber sido
#: capturado ..., Maduro llegó"): then it is the main clause's.
_FRONTED = re.compile(rf"\s*(?:\w+\s+)?(?:{AFTER_WORDS}|when|cuando)\s+(?!haber\b|having\b|being\b|\w+ing\b|\w+(?:ar|er|ir)\b)",
                      re.IGNORECASE)
_OTHER_CLAUSE = re.compile(
    r",\s+(?!including\b|incluid|incluyendo\b)\w+(?:ing|ando|iendo)\b"
    r"|,?\s+(?:in response to|in retaliation for|because|although|though|whereas|"
    r"en respuesta al?|en represalia por|porque|aunque)\b"
    r"|,\s+(?:where|donde|en donde)\b"  # a relative clause of place: what happens there
    r"|\s(?:after|before|once|until|when|while|después de que|antes de que|cuando|mientras)\s+"
    r"(?:it|he|she|they|we|I)\s"  # a clause of time with its own subject
    r"|\s(?:después de que|antes de que|luego de que|hasta que)\s"  # its verb is finite: a subject of its own
    # "..., two days after US forces abducted Maduro", "horas después de que ...": a measured time
    # before or after the happening opens another one
    r"|\s(?:\w+\s+)?(?:days?|hours?|weeks?|months?|días|horas|semanas|meses)\s+(?:after|before|después|antes)\b",
    re.IGNORECASE)
#: A pronoun in what was said that most often stands for whoever says it ("Washington announced its
#: decision not to renew", "We welcome the agreement", "dijo que su gobierno ...").
_BACK = re.compile(r"\b(?:[Ii]t|[Ii]ts|[Ww]e|[Oo]ur|[Tt]hey|[Tt]heir|[Hh]e|[Hh]is|[Ss]he|[Hh]er|I|[Mm]y|"
                   r"[Ss]us?|[Nn]osotros|[Nn]uestr[oa]s?)\b")
#: The first person in a quotation: a pronoun, or a Spanish verb in "-mos" ("traemos a casa").
_GERUND_ES = re.compile(r"(?:ando|iendo|yendo)$", re.IGNORECASE)
#: A Spanish verb in the first person: its auxiliary ("estoy reconociendo", "hemos decidido") or its ending.
_FIRST_PERSON_VERB = re.compile(r"\b(?:estoy|estamos|he|hemos|voy|vamos|yo)\s+\w+$|\w{2,}(?:amos|emos|imos|zco)$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|I|[Mm]y|[Nn]osotros|[Nn]uestr[oa]s?|\w{2,}(?:amos|emos|imos))\b")
#: What opens the content of a saying: who is named past it is talked about, not addressed.
_CONTENT = re.compile(r"\b(?:that|whether|que|si)\b|[:“”\"«»,;—–]", re.IGNORECASE)
#: Words joining actors into one list ("the U.S., EU, Britain and Canada").
_JOINED = re.compile(r"^\s*(?:,\s*(?:and\s+|y\s+)?|and\s+|y\s+|&\s+)(?:the\s+|el\s+|la\s+|los\s+)?$",
                     re.IGNORECASE)
#: An adverb of hearsay ("reportedly") attributes without a speaker; it does not split a sentence.
_HEARSAY = re.compile(r"ly$|mente$", re.IGNORECASE)


def assign(sentence: str, language: str, placed: list[Placed], trigger: Trigger | None,
           speech: list[Trigger], date_span: tuple[int, int] | None = None) -> Roles:
    """Source and target of the happening ``trigger`` names; ``speech`` are the sentence's
    words of saying. In "X said Y did Z" Y acts; X is a source too when the date expression
    dates the saying as well ("Mr. Trump said Tuesday that the U.S. had struck the boat"):
    whoever makes a dated statement takes part in what that date dates."""
    speech = [s for s in speech if not _HEARSAY.search(sentence[s.start:s.end])]
    placed, notes = _parties(sentence, sorted(placed, key=lambda p: p.start), date_span, trigger, tuple(speech))
    roles = _assign(sentence, language, placed, trigger, speech, date_span)
    roles = _dated_speaker(sentence, placed, trigger, speech, date_span, roles)
    roles = _announcer(sentence, placed, trigger, speech, roles)
    roles = _ordered_by(sentence, placed, trigger, roles)
    roles = _given_hours(sentence, placed, trigger, roles)
    roles = _won_from(sentence, placed, trigger, roles)
    return Roles(roles.source, roles.target, "; ".join([roles.rule, *notes])) if notes else roles


#: Who is given hours or days to leave, or ordered to leave, is the one expelled: "gave U.S. Ambassador
#: Patrick Duddy 72 hours to leave", "le dio 72 horas al embajador estadounidense para irse".
_GIVEN_HOURS = re.compile(
    r"\b(?:gave|give|gives|giving)\s+(?P<who>[^,;]{1,90}?)\s+(?:an?\s+(?:deadline|ultimatum)\s+of\s+)?"
    r"(?:\d+|seventy-two|forty-eight|twenty-four)\s+(?:hours|days)\b"
    r"|\b(?:dio|dieron|da|dan|dar|otorgó|concedió)\s+(?:un\s+plazo\s+de\s+)?(?:\d+|setenta\s+y\s+dos|"
    r"cuarenta\s+y\s+ocho|veinticuatro)\s+(?:horas|días)\s+(?P<quien>(?:a|al|a\s+la|a\s+los)\s+[^,;]{1,90}?)"
    r"\s+(?:para|de\s+plazo)\b"
    # "dio a los diplomáticos de Washington un plazo de 72 horas"
    r"|\b(?:dio|dieron|da|dan|dar|otorgó|concedió)\s+(?P<aquien>(?:a|al|a\s+la|a\s+los|a\s+las)\s+[^,;]{1,90}?)"
    r"\s+un\s+(?:plazo|ultimátum)\s+de\s+(?:\d+|setenta\s+y\s+dos|cuarenta\s+y\s+ocho|veinticuatro)\s+"
    r"(?:horas|días)\b"
    # "ordenó este jueves al embajador de Estados Unidos en Caracas, Patrick Duddy, abandonar el país",
    # "ordered the U.S. ambassador to leave": whom one orders out is the one expelled
    r"|\b(?:ordenó|ordenaron|ordena|ordenan|exigió|exigieron|pidió|pidieron)\s+(?:[\w ]{1,30}?\s+)??"
    r"(?P<ordenado>(?:a|al|a\s+la|a\s+los|a\s+las)\s+[^;]{1,100}?),?\s+(?:abandonar|salir|irse|marcharse)\b"
    r"|\b(?:ordered|told|asked|instructed)\s+(?P<ordered>[^;]{1,100}?)\s+to\s+(?:leave|depart)\b", re.IGNORECASE)


def _given_hours(sentence: str, placed: list[Placed], trigger: Trigger | None, roles: Roles) -> Roles:
    """Whoever is given hours to leave, or ordered to leave, is acted upon, wherever the trigger ("to
    leave") stands."""
    if trigger is None or trigger.action != "expulsion":
        return roles
    m = _GIVEN_HOURS.search(sentence)
    if m is None or m.start() > trigger.end:
        return roles
    group = next(g for g in ("who", "quien", "aquien", "ordenado", "ordered") if m.group(g) is not None)
    who = _names([p for p in placed if m.start(group) <= p.start and p.end <= m.end(group)])
    moved = [n for n in who if n in roles.source]
    if not moved:
        return roles
    return Roles([n for n in roles.source if n not in moved], roles.target + [n for n in moved if n not in roles.target],
                 roles.rule + f"; {', '.join(moved)} given time to leave or ordered out, acted upon")


#: Who wins or receives the recognition, the support or the backing of others is acted upon by them:
#: "Guaidó won the recognition of more than 50 nations including the United States".
_WON_FROM = re.compile(
    r"\b(?:won|win|wins|gained|gains|earned|received|receives|obtained|secured)\s+(?:the\s+)?"
    r"(?:recognition|support|backing)\s+(?:of|from)\b"
    r"|\b(?:ganó|gana|obtuvo|obtiene|recibió|recibe|consiguió|logró)\s+(?:el\s+|la\s+)?"
    r"(?:reconocimiento|apoyo|respaldo)\s+(?:de|del)\b", re.IGNORECASE)


def _won_from(sentence: str, placed: list[Placed], trigger: Trigger | None, roles: Roles) -> Roles:
    """"X won the recognition of Y": Y recognised X, whatever the order of their names."""
    if trigger is None or trigger.speech:
        return roles
    m = _WON_FROM.search(sentence)
    if m is None or not (m.start() <= trigger.start < m.end()):
        return roles
    receivers = list(roles.source)
    givers = [n for n in _names([p for p in placed if p.start >= m.end()]) if n not in receivers]
    if not givers or not receivers:
        return roles
    return Roles(givers, receivers + [n for n in roles.target if n not in givers and n not in receivers],
                 roles.rule + f"; {', '.join(receivers)} won it from {', '.join(givers)}")


def _ordered_by(sentence: str, placed: list[Placed], trigger: Trigger | None, roles: Roles) -> Roles:
    """"un ataque ... por orden del presidente Donald Trump", "on the orders of Hegseth": whoever
    ordered the happening acts in it."""
    if trigger is None or trigger.speech:
        return roles
    who = _names([p for p in placed if p.start >= trigger.end and _ORDERED_BY.search(sentence, 0, p.start)])
    extra = [n for n in who if n not in roles.source]
    if not extra:
        return roles
    return Roles(roles.source + extra, [n for n in roles.target if n not in extra],
                 roles.rule + f"; {', '.join(extra)} ordered it")


def _announcer(sentence: str, placed: list[Placed], trigger: Trigger | None, speech: list[Trigger],
               roles: Roles) -> Roles:
    """"William Barr announced the charges on Thursday": a bare noun right after a verb of announcing,
    with no one else acting, is the announcer's own doing, wherever the date stands."""
    if trigger is None or trigger.speech or roles.source or not roles.rule.startswith("reported"):
        return roles
    for s in speech:
        if s.end <= trigger.start and _ANNOUNCED_NOUN.fullmatch(sentence[s.end:trigger.start]):
            source = _names(_speakers(sentence, placed, s))
            if source:
                return Roles(source, [n for n in roles.target if n not in source],
                             roles.rule + f"; a noun right after {sentence[s.start:s.end]!r} is the announcer's")
    return roles


def _dated_speaker(sentence: str, placed: list[Placed], trigger: Trigger | None, speech: list[Trigger],
                   date_span: tuple[int, int] | None, roles: Roles) -> Roles:
    if trigger is None or trigger.speech or date_span is None or not roles.rule.startswith("reported"):
        return roles
    framing = [s for s in speech if _frames(sentence, s, trigger)]
    dated = [s for s in framing if _dates_saying(sentence, s, trigger, date_span)]
    if not dated:
        return roles
    from .actions import _gap, token_span

    # A date dates one saying, the nearest ("Hegseth said Wednesday, ..."); one that ends in "after"
    # or "before" is anchored on what follows it ("a day after Trump said ...").
    d = token_span(sentence, date_span)
    anchored = _ANCHORED.search(sentence[date_span[0]:date_span[1]])
    saying = min(dated, key=lambda s: (anchored is not None and s.start < date_span[1], _gap(s, d), s.first))
    speakers = _names(_speakers(sentence, placed, saying))
    extra = [n for n in speakers if n not in roles.source]
    if not extra:
        return roles
    return Roles(roles.source + extra, [n for n in roles.target if n not in extra],
                 roles.rule + f"; speaker of the dated saying {sentence[saying.start:saying.end]!r} also acts")


def _parties(sentence: str, placed: list[Placed], date_span: tuple[int, int] | None,
             trigger: Trigger | None = None, speech: tuple[Trigger, ...] = ()) -> tuple[list[Placed], list[str]]:
    """The mentions that can be parties to the dated happening, and a note for each one left out:
    not the dateline, not a state named as the place where something happens, and, when the date
    stands in an apposition or a relative clause ("the Act, a law from 1798 that ..."), only who that
    phrase tells about."""
    notes, kept = [], []
    dateline = _DATELINE.match(sentence)
    apposition = _apposition(sentence, placed, date_span, [t for t in (trigger, *speech) if t is not None])
    # "..., que permanecían interrumpidos desde 2019, cuando Washington reconoció ...": the happening is
    # the "when" clause's, told outside the phrase that holds the date.
    if (apposition and trigger is not None and trigger.start >= apposition[1]
            and _WHEN_AFTER.match(sentence, apposition[1])):
        apposition = None
    for p in placed:
        prep = _setting(sentence, p, trigger)
        kin = "person" in p.kinds and (_RELATIVE_OF.search(sentence, max(0, p.start - 40), p.start)
                                       or _KIN_AFTER.match(sentence, p.end))
        if kin and not (trigger is not None and trigger.start <= kin.start() < trigger.end):
            notes.append(f"{p.surface!r} is named only as whose {kin.group('noun').lower()} "
                         "the happening concerns, not a party")
        elif dateline and p.end <= dateline.end():
            notes.append(f"{p.surface!r} in the dateline is where the story was filed")
        elif apposition and not (apposition[0] <= p.start and p.end <= apposition[1]):
            if not notes or not notes[-1].startswith("the date stands in"):
                notes.append(f"the date stands in {sentence[apposition[0]:apposition[1]].strip()[:40]!r}, "
                             "an apposition or relative clause: only who it tells about takes part")
        elif prep:
            notes.append(f"{p.surface!r} after {prep!r} is where it happened, not a party")
        elif _ERA.match(sentence, p.end):
            notes.append(f"{p.surface!r} names a period ({sentence[p.start:p.end + 4]!r}), not a party")
        else:
            kept.append(p)
    return kept, notes


_WHEN_AFTER = re.compile(r"\s*,\s*(?:when|cuando)\b", re.IGNORECASE)


def _setting(sentence: str, p: Placed, trigger: Trigger | None) -> str | None:
    """The preposition that makes the state ``p`` names the place where something happens, if any."""
    if (not p.kinds or any(k != "state" for k in p.kinds) or _POSSESSIVE.match(sentence[p.end:])
            or _INSTITUTION.search(p.surface)):
        return None
    prep = _SETTING.search(sentence, max(0, p.start - 30), p.start)
    if prep is None or _ARRIVING.search(sentence, max(0, prep.start() - 30), prep.start()):
        return None
    if (trigger is not None and trigger.action in BEFALLS_PLACE and trigger.end <= prep.start()
            and len(sentence[trigger.end:prep.start()].split()) <= 1):
        return None  # "a coup attempt in Venezuela", "un ataque en Caracas": the state it befalls
    going = _GOING.match(prep.group())
    return going.group() if going else prep.group().split()[0]


_GOING = re.compile(r"en route to|on \w+ way to|rumbo a|con destino a|en ruta (?:a|hacia)", re.IGNORECASE)


def _apposition(sentence: str, placed: list[Placed], date_span: tuple[int, int] | None,
                triggers: list[Trigger] = ()) -> tuple[int, int] | None:
    """The span of the apposition or relative clause the date expression stands inside, if any, with
    the actor it tells about when one is named just before its comma: a phrase set off by a comma that
    opens with a relative pronoun ("Denman and Berry, who joined a raid in 2020") or with a determiner
    and holds no verb of its own before any relative pronoun ("the Act, a provision from 1798 that
    ..."; not ", the U.S. agreed Wednesday to ...", nor ", the governments said Friday")."""
    if date_span is None:
        return None
    starts = [m.end() for m in re.finditer(r",", sentence[:date_span[0]])]
    if not starts:
        return None
    a = starts[-1]
    end = _CLAUSE.search(sentence, date_span[1])
    end = end.start() if end else len(sentence)
    if not _RELATIVE.match(sentence[a:]):
        if not _DETERMINER.match(sentence[a:]) or len(sentence[a:date_span[0]].split()) < 2:
            return None  # ", a day after ...": the date heads the phrase, it is no apposition
        relative = _RELATIVE_WORD.search(sentence, a, date_span[0])
        head_end = relative.start() if relative else date_span[0]
        if _FINITE.search(sentence, a, head_end) or any(a <= t.start < head_end for t in triggers):
            return None  # a clause of its own, not a noun phrase
    antecedent = [p for p in placed if p.end < a]
    if antecedent and len(sentence[antecedent[-1].end:a].split()) <= ANTECEDENT_WORDS:
        return _phrase(sentence, antecedent, forward=False)[0].start, end  # "Denman and Berry, who ..."
    return a, end


def _frames(sentence: str, s: Trigger, trigger: Trigger) -> bool:
    """Does the saying ``s`` introduce the clause of ``trigger`` (before it, or after it past a comma)?"""
    if s.last < trigger.first:
        return True
    return s.first > trigger.last and _CLAUSE.search(sentence, trigger.end, s.start) is not None


def _dates_saying(sentence: str, s: Trigger, trigger: Trigger, date_span: tuple[int, int]) -> bool:
    """Does the date expression date the saying too: it stands nearer the verb of saying than
    the action's trigger is ("said Tuesday that ... had struck")?"""
    from .actions import _gap, token_span

    d = token_span(sentence, date_span)
    return _gap(s, d) < _gap(trigger, d)


def _clause_start(sentence: str, pos: int) -> int:
    breaks = [m.end() for m in _CLAUSE.finditer(sentence, 0, pos)]
    return breaks[-1] if breaks else 0


def _phrase(sentence: str, mentions: list[Placed], forward: bool) -> list[Placed]:
    """The first (``forward``) or last mention and those it forms one noun phrase or one list
    with: a title and a name ("White House press secretary Jen Psaki"), "the U.S., EU and Canada"."""
    if not mentions:
        return []
    run, gaps = [mentions[0] if forward else mentions[-1]], []
    for p in (mentions[1:] if forward else list(reversed(mentions[:-1]))):
        gap = sentence[run[-1].end:p.start] if forward else sentence[p.end:run[-1].start]
        if gap.strip() and not _JOINED.match(gap):
            break
        run.append(p)
        gaps.append(gap)
    # Commas make a list only when "and" closes it ("the U.S., EU, Britain and Canada"), not in
    # "ante la ONU, Chávez volvió ..."; the closing "and" stands last forward, first backward.
    closing = (gaps[-1] if forward else gaps[0]) if gaps else ""
    if any(g.strip() == "," for g in gaps) and not re.search(r"\b(?:and|y)\b|&", closing):
        keep = next((i for i, g in enumerate(gaps) if g.strip() == ","), len(gaps))
        run = run[:keep + 1]
    return run if forward else run[::-1]


def _speakers(sentence: str, placed: list[Placed], s: Trigger, reach: int = 0) -> list[Placed]:
    """Who says: the last noun phrase of actors in the clause before the verb of saying, else
    the one at most ``reach`` words after it ("..., said Hegseth", "a statement from the U.S.,
    EU, Britain and Canada")."""
    clause_start = _clause_start(sentence, s.start)
    before = [p for p in placed if clause_start <= p.start and p.end <= s.start]
    if before:
        return _phrase(sentence, before, forward=False)
    if clause_start and not sentence[clause_start:s.start].strip():
        # "El presidente de Venezuela, Nicolás Maduro, anunció": the verb right after a name in
        # apposition, which is all that stands between the commas.
        prior = _clause_start(sentence, clause_start - 1)
        named = [p for p in placed if prior <= p.start and p.end < clause_start]
        if named and sentence[prior:clause_start - 1].strip() == sentence[named[0].start:named[-1].end]:
            return named
    after = [p for p in placed if p.start >= s.end]
    if (not after or len(sentence[s.end:after[0].start].split()) > reach
            or _CLAUSE.search(sentence, s.end, after[0].start)):
        return []
    return _phrase(sentence, after, forward=True)


def _quotation(sentence: str, at: int) -> tuple[int, int] | None:
    """The span of the quotation holding position ``at``; a quotation may open in an earlier
    sentence or close in a later one."""
    opened, spans = None, []
    for m in re.finditer(r"[“”\"«»]", sentence):
        q = m.group()
        if q in "“«" or (q == '"' and opened is None):
            opened = m.start() if opened is None else opened
        elif opened is None:  # a closing mark with no opening: the quotation began earlier
            spans.append((0, m.end()))
        else:
            spans.append((opened, m.end()))
            opened = None
    if opened is not None:
        spans.append((opened, len(sentence)))
    return next((sp for sp in spans if sp[0] <= at < sp[1]), None)


def _speaking_for(sentence: str, placed: list[Placed], trigger: Trigger, speech: list[Trigger],
                  saying: Trigger | None, language: str = "en") -> tuple[list[Placed], str]:
    """Who what was said stands for when it names nobody itself: the speaker, when a pronoun in it
    refers back ("Washington announced its decision not to renew"), or whom a quotation speaking in
    the first person is attributed to ("'We welcome the agreement,' according to a statement from
    the U.S. and Canada")."""
    near = 0
    if saying is not None:
        words = list(re.finditer(r"\S+", sentence[saying.end:trigger.start]))
        near = saying.end + (words[-BACK_WORDS].start() if len(words) > BACK_WORDS else 0)
    if saying is not None and _BACK.search(sentence, near, trigger.start):
        who = _speakers(sentence, placed, saying)
        if who:
            pronoun = _BACK.search(sentence, near, trigger.start).group()
            return who, f"{pronoun!r} in what was said stands for who {sentence[saying.start:saying.end]!r}"
    quote = _quotation(sentence, trigger.start)
    if quote and (_FIRST_PERSON.search(sentence, quote[0], quote[1]) or (
            language == "es" and _FIRST_PERSON_VERB.search(sentence[max(quote[0], trigger.start - 12):trigger.end]))):
        outside = [s for s in speech if s.start >= quote[1] or s.end <= quote[0]]
        for s in sorted(outside, key=lambda s: min(abs(s.start - quote[1]), abs(quote[0] - s.end))):
            who = [p for p in _speakers(sentence, placed, s, reach=3) if not quote[0] <= p.start < quote[1]]
            if who:
                return who, f"a quotation in the first person speaks for who {sentence[s.start:s.end]!r}"
    return [], ""


def _assign(sentence: str, language: str, placed: list[Placed], trigger: Trigger | None,
            speech: list[Trigger], date_span: tuple[int, int] | None = None) -> Roles:
    placed = sorted(placed, key=lambda p: p.start)
    if trigger is None:
        names = _names(placed)
        return Roles(names[:1], names[1:], "no-trigger: the first actor named acts")
    word = sentence[trigger.start:trigger.end]
    if trigger.speech:
        return _speaker(sentence, placed, trigger, word)
    if trigger.action in SPOKEN:
        saying = [s for s in speech if s.last < trigger.first] or [s for s in speech if s.first > trigger.last]
        if saying:  # "Maduro said Gonzalez must face justice": the one who warns acts
            return _speaker(sentence, placed, saying[-1] if saying[-1].last < trigger.first else saying[0],
                            sentence[saying[0].start:saying[0].end], content=True)
    left, right, rule, framing = 0, len(sentence), "active", None
    for s in speech:
        if s.last < trigger.first and _BE.search(sentence[_clause_start(sentence, s.start):s.start]):
            continue  # "Maduro was declared winner of the election": who is said to be is no speaker
        if s.last < trigger.first:
            if s.end > left:
                left, framing = s.end, s
            rule = "reported"
        elif s.first > trigger.last:
            breaks = [m.start() for m in _CLAUSE.finditer(sentence, trigger.end, s.start)]
            if breaks:
                right = min(right, breaks[-1])
                rule = "reported"
    # "Este miércoles, luego de la juramentación de Guaidó, la Casa Blanca ...": a clause before the
    # trigger that tells what came before holds no party to it.
    for m in _CLAUSE.finditer(sentence, left, trigger.start):
        opened = max((b.end() for b in _CLAUSE.finditer(sentence, left, m.start())), default=left)
        if _AFTER_OPENS.match(sentence, opened, m.start()):
            left = m.end()
    # "Tras una operación llevada a cabo por Estados Unidos ..., Trump anunció ...", "cuando se llevó
    # a cabo la captura de Maduro, el TSJ ordenó a Delcy Rodríguez ...": a happening told in a clause
    # of time set before the main one has its parties inside that clause.
    opened = _clause_start(sentence, trigger.start)
    if _FRONTED.match(sentence, opened, trigger.start):
        close = _CLAUSE.search(sentence, trigger.end, right)
        if close:
            right = close.start()
    other = _OTHER_CLAUSE.search(sentence, trigger.end, right)
    if other and (date_span is None or date_span[0] < other.start()):
        right = other.start()
    # "breaking relations with the United States, after Trump recognized Guaidó": what came before
    # has parties of its own.
    later = _AFTER_LATER.search(sentence, trigger.end, right)
    if later and (date_span is None or date_span[0] < later.start()):
        right = later.start()
    before = [p for p in placed if left <= p.start and p.end <= trigger.start]
    after = [p for p in placed if p.start >= trigger.end and p.end <= right]
    ahead = sentence[max(left, before[-1].end if before else left):trigger.start]
    # "was breaking relations", "is severing ties": a form in -ing after "be" is no passive
    # "fue detenido" may be the trigger itself
    if (_BE.search(ahead) or _BE_FIRST.match(word)) and not re.match(r"\w+ing\b", word, re.IGNORECASE):
        # "fue capturado el sábado en Caracas durante una operación ejecutada por el ejército de Estados Unidos"
        agents = [p for p in after if _BY.search(sentence[trigger.end:p.start][-40:] if p.start - trigger.end < 90
                                                 else "")]
        # "fue incautado el 2 de septiembre bajo la administración de Joe Biden": whose government did it
        agents = agents or [p for p in after if _UNDER.search(sentence, trigger.end, p.start)]
        if agents:
            source = _names(agents[:1])
            return Roles(source, _names(before + [p for p in after if p is not agents[0]], source),
                         f"passive: agent after by/por/under, patient before {word!r}")
        return Roles([], _names(before + after), f"passive: no agent named; {word!r} acts on who comes before")
    if not before and after and _NOUN_PASSIVE.match(sentence[trigger.end:after[0].start]):
        # "The executive order was first issued by Obama in March 2015": the noun's own verb names its agent
        source = _names(after[:1])
        return Roles(source, _names(after[1:], source), f"passive: {word!r} done by whom by/por names after it")
    if (before and trigger.action in UNDERGONE and _POSSESSOR.fullmatch(sentence[before[-1].end:trigger.start])
            and not _OF.match(sentence[trigger.end:])):
        return Roles(_names(before[:-1]), _names([before[-1]] + after, _names(before[:-1])),
                     f"possessive: {before[-1].surface}'s {word!r} befalls the possessor")
    if language == "es" and before:
        # "clasificar al «Cartel de los Soles» como organización terrorista": "a" marks an object.
        # (After a subject: "Estados Unidos clasificó al Cartel"; or after a saying with none.)
        marked = [p for p in before if _PERSONAL_A.search(sentence[:p.start]) and (
            rule == "reported" or any(q.start < p.start and not _PERSONAL_A.search(sentence[:q.start]) for q in before))]
        if marked:
            before = [p for p in before if p not in marked]
            after = marked + after
    if (framing is not None and before and trigger.action in DESIGNATED
            and _DESIGNATES.fullmatch(sentence[framing.start:framing.end])):
        # "Obama issued an order declaring Venezuela a national security threat", "declaró a Venezuela
        # como una amenaza": whom one declares something is what the declaring acts on.
        who = _speakers(sentence, placed, framing)
        if who:
            source = _names(who)
            return Roles(source, _names(before + after, source),
                         f"designation: who {sentence[framing.start:framing.end]!r} acts on whom they declare")
    # "acogieron con beneplácito el acuerdo logrado el martes entre el gobierno y la oposición": an
    # agreement or talks named as a noun have for parties whom "between" names, not who spoke of them.
    between = _BETWEEN.search(sentence, trigger.end, right) if trigger.action in _BETWEEN_CLASSES else None
    if between and _DETERMINER_BEFORE.search(sentence, max(0, trigger.start - 8), trigger.start):
        parties = [p for p in after if p.start >= between.end()]
        if parties:
            return Roles(_names(parties), [], f"between: {word!r} is between whom it names after 'between'")
    # "The United States rejected Maduro on Wednesday and recognized Guaidó": a verb after "and" has the
    # subject of the one before it, not its object.
    if framing is not None and _COORDINATED.search(sentence, max(0, trigger.start - 24), trigger.start):
        who = _speakers(sentence, placed, framing)
        if who:
            source = _names(who)
            return Roles(source, _names(after, source),
                         f"coordinated: {word!r} has the subject of {sentence[framing.start:framing.end]!r}")
    if before:
        source = _names(before)
        why = (f"reported: what was said is coded; source before {word!r}, target after"
               if rule == "reported" else f"active: source before {word!r}, target after")
        return Roles(source, _names(after, source), why)
    if rule == "reported":
        who, why = _speaking_for(sentence, placed, trigger, speech, framing, language)
        if who:
            source = _names(who)
            return Roles(source, _names(after, source), f"reported: {why}; target after {word!r}")
    if trigger.action in UNDERGONE and after and _OF.match(sentence[trigger.end:after[0].start]):
        # "la captura de Maduro", "the release of Saab": a noun's "of" names who undergoes it
        return Roles([], _names(after), f"{rule}: {word!r} of whom comes after it befalls them")
    # "Maduro anunció la ruptura de relaciones con Estados Unidos": a noun announced has no subject
    # after it; whoever it names after it is what it acts on, and the one who announced acts.
    # So too "Trump anunció que reconoce a Guaidó": a verb right after "que" has the speaker's subject.
    ahead = sentence[max(0, trigger.start - 24):trigger.start]
    # ("anunció este martes sanciones contra Rosneft": a bare noun right after the verb of saying and
    # its date is what was announced too)
    before = sentence[:date_span[0]] if (date_span and date_span[1] <= trigger.start
                                         and not sentence[date_span[1]:trigger.start].strip()) else sentence[:trigger.start]
    unnamed = rule == "reported" and (_NOUN_OPENS.search(ahead) or _THAT_VERB.search(ahead)
                                      or (language == "es" and _PRETERITE_BEFORE.search(before[-30:])))
    if language == "es" and after and _NOUN_OPENS.search(ahead):
        # "una operación llevada a cabo por Estados Unidos", "la juramentación de Maduro": a noun's
        # agent is named by "por", or by "de" for nouns of doing ("la designación del cartel" befalls it).
        agent = next((p for p in after if p.start - trigger.end < 60 and _BY.search(sentence[trigger.end:p.start][-40:])),
                     None)
        if agent is None and _OF_AGENT.fullmatch(sentence[trigger.end:after[0].start]) and trigger.action in DONE_BY_OF:
            agent = after[0]
        if agent is not None:
            source = _names([agent])
            return Roles(source, _names([p for p in after if p is not agent], source),
                         f"noun: its agent named after {word!r}")
        if _OF_ONLY.fullmatch(sentence[trigger.end:after[0].start]):  # "la designación del cartel"
            return Roles([], _names(after), f"noun: whom 'de' names after {word!r} undergoes it")
    # ("Hoy, estoy reconociendo oficialmente al presidente de la Asamblea": a verb in the first person
    # has the speaker for subject, never a name after it)
    first_person = language == "es" and _FIRST_PERSON_VERB.search(sentence[max(0, trigger.start - 12):trigger.end])
    # (a gerund has the subject of the clause it hangs on: "…, respaldando en 2019 al jefe …, Juan Guaidó")
    gerund = language == "es" and _GERUND_ES.search(word) is not None
    if language == "es" and after and not unnamed and not first_person and not gerund:
        subject = next((p for p in after if not _PERSONAL_A.search(sentence[:p.start])
                        and not _COMPLEMENT_ES.search(sentence[trigger.end:p.start])), None)
        # A noun's relative clause ("un ataque que afectó a ... la capital, Caracas") holds no subject of it.
        if subject is not None and _NOUN_OPENS.search(ahead) and _QUE.search(sentence, trigger.end, subject.start):
            subject = None
        if subject is not None:
            source = _names([subject])
            return Roles(source, _names([p for p in after if p is not subject], source),
                         f"verb-first: subject after {word!r}, object marked by 'a'")
    if first_person and after:
        return Roles([], _names(after), f"{rule}: {word!r} is in the first person, the speaker's; target after")
    return Roles([], _names(after), f"{rule}: no actor before {word!r}; target after")


_AFTER_QUOTE = re.compile(r"[”\"»]\s*,?\s*(?:—\s*)?$")


def _speaker(sentence: str, placed: list[Placed], trigger: Trigger, word: str, content: bool = False) -> Roles:
    """Who speaks acts. Whom they address or speak of as the verb's object is the target ("condemned
    the United States", "told Maduro"); who is named in what they say is not ("told reporters that
    ... headed toward Trinidad"), unless the words said are the happening (a threat: ``content``)."""
    # "«Estados Unidos no reconocerá la toma de posesión de Maduro», aseguró Bolton": right after a
    # quotation the speaker follows the verb; who is named inside the quotation is what was said.
    after_quote = _AFTER_QUOTE.search(sentence, 0, trigger.start) is not None
    speakers = [] if after_quote else _subject(sentence, placed, trigger.start)
    if not speakers:  # "..., said Hegseth", "according to a statement from the U.S., EU and Canada"
        speakers = _phrase(sentence, [p for p in placed if p.start >= trigger.end], forward=True)
    source = _names(speakers)
    if content:
        target = [p for p in placed if p not in speakers]
        return Roles(source, _names(target, source), f"speaker: who {word!r}; target what they speak about")
    said = _CONTENT.search(sentence, trigger.end)
    end = said.start() if said else len(sentence)
    target = [p for p in placed if p not in speakers and p.start >= trigger.end and p.end <= end]
    return Roles(source, _names(target, source), f"speaker: who {word!r}; target whom they address or speak of")


def _subject(sentence: str, placed: list[Placed], pos: int) -> list[Placed]:
    """The last noun phrase of actors in the clause before ``pos``; when that clause names nobody,
    in the clause before it, passing over an apposition ("Kamla Persad-Bissessar, the prime
    minister of Trinidad and Tobago, praised ...")."""
    end = pos
    start = _clause_start(sentence, pos)
    if start and _PARTICIPLE.match(sentence[start:]) and not any(start <= p.start < pos for p in placed):
        # A participle after a comma has the sentence's subject ("Chavez tore into his U.S. counterpart
        # and his U.N. hosts Wednesday, likening President Bush to the devil"): its first actor.
        return _phrase(sentence, [p for p in placed if p.end <= start], forward=True)
    for _ in range(4):
        start = _clause_start(sentence, end)
        here = [p for p in placed if start <= p.start and p.end <= end]
        if here and not (end != pos and _DETERMINER.match(sentence[start:end])):
            return _phrase(sentence, here, forward=False)
        if start == 0:
            return []
        end = start - 1
    return []

