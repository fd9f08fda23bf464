"""Which way a date without its year or direction leans: the verb's tense, the preposition
before it, and the year nearest publication that the tense allows."""

from __future__ import annotations

from .. import grammar

WRONG_WAY = 5  # how much farther a date against the verb's tense may be and still win


def infer_year(ctx, first_day, last_day, tense: str | None) -> int | None:
    """The year the context implies for a year-less date or month.

    ``first_day(y)``/``last_day(y)`` give the interval in year ``y``. The year
    nearest to publication wins, where a year against the tense counts as
    WRONG_WAY times as far ("the July 28 election" in an August article is
    that July even beside "would prove"). "since" (and "last March") look
    strictly back, "ahead" ("next March") strictly forward.
    """
    pub = ctx.anchor
    if pub is None:
        return None
    years = [pub.year - 1, pub.year, pub.year + 1]
    if tense == "since":
        return max(y for y in years if first_day(y) <= pub)
    if tense == "ahead":
        return min(y for y in years if first_day(y) > pub)

    def cost(y: int) -> int:
        if first_day(y) <= pub <= last_day(y):
            return 0
        distance = min(abs((first_day(y) - pub).days), abs((last_day(y) - pub).days))
        backwards = last_day(y) < pub
        against = (tense == "past" and not backwards) or (tense == "future" and backwards)
        if tense is None and not backwards:
            return distance * 2  # news reports what happened more than what will
        return distance * (WRONG_WAY if against else 1)

    return min(years, key=cost)


def tense_of(cand, ctx) -> str | None:
    return grammar.tense(ctx.grammar, ctx.text, cand.start, cand.end, *ctx.sentence_span(cand.start))


def leaning(cand, ctx) -> str | None:
    """Which way a year-less date leans: "since July" looks back; "until April" and
    "as of March 1" bound a period running on from now, unless the clause
    is told in the past ("he was in power until March")."""
    rel = (cand.groups.get("rel") or "").lower()
    if rel == "last" or leading(cand, ctx, ("since",)):
        return "since"
    if leading(cand, ctx, ("from", "after")):
        return "future" if tense_of(cand, ctx) == "future" else "since"  # "flights would leave from March 30"
    if rel == "next":
        return "ahead"
    if leading(cand, ctx, ("until", "till", "by", "as of", "through")):
        sent = ctx.sentence_span(cand.start)
        return "past" if grammar.stative_past(ctx.grammar, ctx.text, cand.start, cand.end, *sent) else "future"
    if grammar.names_a_happening(ctx.grammar, ctx.text, cand.start, cand.end):
        return None  # "fue inhabilitada para los comicios del 28 de julio": the nearest 28 July
    return tense_of(cand, ctx)


def told_in_past(cand, ctx) -> bool:
    """Is the clause told in the past ("estuvo abierta hasta el sábado")? Then "until" looks back."""
    sent = ctx.sentence_span(cand.start)
    return tense_of(cand, ctx) == "past" or grammar.stative_past(ctx.grammar, ctx.text, cand.start, cand.end, *sent)


def leading(cand, ctx, words) -> bool:
    """Does the expression open with one of these prepositions (a rule may capture it as `prep`)?"""
    if cand.groups.get("prep"):
        return cand.groups["prep"] in words
    head = ctx.text[cand.start:cand.end].lower()
    return head.startswith(tuple(w + " " for w in words))
