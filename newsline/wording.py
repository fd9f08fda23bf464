"""The words and figures of a sentence that say what it states, used to compare two reports.

Dates and actor names are blanked out first, case and accents are folded, and stop words in
English and Spanish are dropped, so two sentences compare on what they say happened.
"""

from __future__ import annotations

import re

from .actors import ActorMatcher, fold

STOP_WORDS = frozenset("""
a about above after again against ago all also am an and any are as at be because been before being
but by can could did do does doing down during each few for from further had has have having he her
here hers him his how i if in into is it its itself just more most no nor not now of off on once only
or other our out over own same she should so some such than that the their them then there these they
this those through to too under until up very was we were what when where which while who whom why
will with would you your yours may might must shall yet per via
said says say saying told tell reported reports reporting according added statement
de del la las el los lo y o en que por para con sin un una unos unas se su sus al como mas más pero
sobre este esta estos estas ese esa fue ha han dijo según
""".split())

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: A figure, not a time of day ("1:50 a. m.", "10.30pm" are no counts).
_NUMBER = re.compile(r"(?<![\d:.])\d+(?:[.,]\d+)*(?![\d:]|[.,]\d|\s?[ap]\.?\s?m\b|\s?h\b)", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def blank(text: str, spans) -> str:
    chars = list(text)
    for start, end in spans:
        for k in range(max(0, start), min(len(chars), end)):
            chars[k] = " "
    return "".join(chars)


def content_words(sentence: str, date_span: tuple[int, int] | None = None) -> list[str]:
    """The words that carry a sentence's statement: no date expression, actor names or stop words."""
    spans = [date_span] if date_span else []
    spans += [(m.start, m.end) for m in ActorMatcher.default().find(sentence)]
    folded = fold(blank(sentence, spans))
    return [w for w in WORD.findall(folded) if len(w) > 1 and w not in STOP_WORDS]


def _own(position: int, span, others) -> bool:
    """Whether a figure at ``position`` belongs to the date at ``span``: it stands no nearer to another
    date expression of the sentence ("charged in 2020, and in January the reward rose to $25 million":
    the sum is January's, not 2020's)."""
    if not span or not others:
        return True

    def gap(s):
        return 0 if s[0] <= position < s[1] else min(abs(position - s[0]), abs(position - s[1]))

    return gap(span) <= min(gap(o) for o in others)


#: Counts written out, in English and Spanish ("eleven people", "diez estadounidenses"); one and two
#: are left out, too common to tell anything.
NUMBER_WORDS = {
    **{w: str(n) for n, w in enumerate("three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                         "fifteen sixteen seventeen eighteen nineteen twenty".split(), start=3)},
    **{w: str(n) for n, w in enumerate("tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
                                         "dieciseis diecisiete dieciocho diecinueve veinte".split(), start=3)},
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "treinta": "30", "cuarenta": "40",
    "cincuenta": "50", "cien": "100",
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def numbers_of(sentence: str, date_span: tuple[int, int] | None = None, others=()) -> frozenset[str]:
    """Figures in a sentence outside its date expression, years left out ("$25 million" gives 25),
    counts written out as figures ("eleven" gives 11); with ``others`` (the sentence's other date
    expressions), only the figures nearer this date."""
    text = blank(sentence, [date_span, *others] if date_span else list(others))
    found = set()
    for match in _NUMBER.finditer(text):
        number = match.group().replace(",", "")
        if _YEAR.fullmatch(number) or not _own(match.start(), date_span, others):
            continue
        found.add(number.rstrip("0").rstrip(".") if "." in number else number)
    for match in _NUMBER_WORD.finditer(fold(text)):
        if _own(match.start(), date_span, others):
            found.add(NUMBER_WORDS[match.group().lower()])
    return frozenset(found)


_MONEY = re.compile(
    r"(?:[$€£]\s?|US\$\s?|USD\s?)(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s?(?:million|billion|m\b|bn\b|millones|mil millones)",
    re.IGNORECASE)


_MONEY_UNIT = re.compile(r"\s?(?:million|billion|millones|mil millones)\b", re.IGNORECASE)


def first_sum(sentence: str) -> tuple[int, int] | None:
    """The span of the first sum of money in a sentence, or None."""
    m = _MONEY.search(sentence or "")
    if m is None:
        return None
    unit = _MONEY_UNIT.match(sentence, m.end())  # "$25" of "$25 million"
    return m.start(), unit.end() if unit and m.group(1) else m.end()


def money_of(sentence: str, date_span: tuple[int, int] | None = None, others=()) -> frozenset[str]:
    """Sums of money in a sentence ("$25 million", "50 millones de dólares" give 25 and 50); with a
    date and the sentence's ``others``, only the sums nearer this date than any other."""
    out = set()
    for m in _MONEY.finditer(sentence or ""):
        if not _own(m.start(), date_span, others):
            continue
        number = (m.group(1) or m.group(2)).replace(",", ".")
        out.add(number.rstrip("0").rstrip(".") if "." in number else number)
    return frozenset(out)


#: Capitalised words that name no particular happening's people or places: titles, institutions,
#: agencies, days and months (English capitalises them, Spanish mostly does not).
NAME_STOP = frozenset(fold(w) for w in """
The This That These Those There Here When While After Before But And For With From Under About Mr Mrs Ms Dr
President Presidente Vice Secretary Secretario Secretaria Minister Ministro Ministra Foreign Affairs General
State States Estado Estados Department Departamento Unidos United Nations Naciones National Nacional
Assembly Asamblea Congress Congreso Senate Senado House Casa White Blanca Treasury Tesoro Pentagon Pentágono
Defense Defensa Justice Justicia Office Oficina Administration Administración Government Gobierno Council
Consejo Republic República Bolivarian Bolivariana Party Partido Army Ejército Navy Armada Force Forces Fuerza
Fuerzas Armed Armadas Military Militar Court Corte Tribunal Supreme Supremo Federal Agency Agencia
Reuters Associated Press EFE AFP USD EEUU EE UU Bloomberg CNN BBC Twitter Facebook Instagram Fox News
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Lunes Martes Miércoles Jueves Viernes Sábado Domingo
Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre Noviembre Diciembre
""".split())

_NAME = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def names_of(sentence: str, date_span: tuple[int, int] | None = None) -> frozenset[str]:
    """Names a sentence gives besides its actors: capitalised words not at the sentence's start,
    folded ("Barbados", "Freitas", "Phoenix"). Spelled alike in English and Spanish, they tie two
    reports in different languages where no other word can."""
    spans = [date_span] if date_span else []
    spans += [(m.start, m.end) for m in ActorMatcher.default().find(sentence)]
    text = blank(sentence, spans)
    out = set()
    for k, m in enumerate(_NAME.finditer(text)):
        word = m.group()
        start = text[:m.start()].rstrip()
        if not word[0].isupper() or len(word) < 3 or not start or start[-1] in ".!?:\"“«—(":
            continue
        folded = fold(word).strip("'’-")
        if folded not in NAME_STOP and folded not in STOP_WORDS:
            out.add(folded)
    return frozenset(out)


#: Word beginnings common to nearly every report here, so no sign that two are about one happening.
_GENERIC_STEMS = frozenset({"venez", "ameri", "estad", "unido", "state", "unite", "gobie", "gover", "presi"})
#: Letters two words must begin with alike to be taken for one word in English and Spanish.
COGNATE_PREFIX = 5


def cognates(a_words, b_words) -> frozenset[str]:
    """Words of one report that another report in the other language also uses, spelt nearly
    alike ("militar"/"military", "deportados"/"deported", "regularizado"/"regularized"): their
    first ``COGNATE_PREFIX`` letters, for the words long enough to tell anything."""
    def stems(words):
        return {w[:COGNATE_PREFIX] for w in words if len(w) >= COGNATE_PREFIX + 1} - _GENERIC_STEMS

    return frozenset(stems(a_words) & stems(b_words))
