"""Attributions set between commas inside a sentence ("..., a assuré le ministre, Jean Dupont, avec 15
élèves par classe."): the incise's token range and its inverted subject as the claimant, and the second
statement a participle clause after it reports (", soulignant que ...")."""

from __future__ import annotations

from spacy.tokens import Span

from claims.extraction.doccache import morph_values, span_tokens
from claims.extraction.participles import present_participle
from claims.extraction.people import entity_at
from claims.extraction.quotations import quoted
from claims.extraction.sources import Attribution, source_of
from claims.extraction.speech_verbs import finite_in, finite_word, negated, speech_verb
from claims.extraction.tails import said_clause


def _end_of_text(span: Span) -> int:
    """Where a sentence's words end: before its closing punctuation (a quotation mark is a word's, as is a
    bracket that closes one the sentence opened: "..., a annoncé le Collectif contre l'islamophobie (CCIF).")."""
    end = span.end
    while end > span.start and span.doc[end - 1].is_punct and span.doc[end - 1].text != '"' and not (
            span.doc[end - 1].text == ")" and "(" in span.doc[span.start : end - 1].text):
        end -= 1
    return end


def _said_after(span: Span, start: int, end: int, language: str) -> tuple[int, int, int] | None:
    """The participle clause of a second statement after the tail that starts at `start` (said_clause):
    (its comma, the start and end of the statement, with the sentence's closing punctuation)."""
    doc = span.doc
    for tok in doc[start + 1 : end]:
        conjunction = said_clause(tok, language)
        if conjunction is not None:
            return (tok.i - 1, conjunction.i + 1, span.end) if conjunction.i + 1 < end else None
    return None


def _said_drop(span: Span, said: tuple[int, int, int] | None) -> list[tuple[int, int]]:
    """"précisant que A et qu'une autre ...": the conjunction repeated before a second clause of the
    statement is the participle's, not the statement's ("A et une autre ..."); it is left out."""
    if said is None:
        return []
    doc = span.doc
    return [(t.i, t.i + 1) for t in doc[said[1] + 1 : said[2]] if t.lower_ in ("que", "qu'", "qu’", "that")
            and t.dep_ == "mark" and doc[t.i - 1].lower_ in ("et", "ou", "and", "or")]


def _incise(span: Span, language: str) -> Attribution | None:
    """An attribution set between commas inside the sentence, the statement going on after it:
    "La rentrée aura lieu le 11 mai, a assuré le ministre de l'Éducation, Jean Dupont, avec 15 élèves par
    classe." The incise (", a assuré ... Jean Dupont") is left out; its inverted subject is the claimant."""
    tokens = span_tokens(span)
    for k, comma in enumerate(tokens[:-4]):
        if comma.text != "," or k < 2:
            continue
        lead = k + 1
        while lead < len(tokens) and (tokens[lead].pos_ == "AUX" or tokens[lead].lower_ in ("a", "ont", "avait")):
            lead += 1
        if lead >= len(tokens):
            break
        verb = tokens[lead]
        if not (verb.pos_ == "VERB" and speech_verb(verb, language)) or negated(verb) or quoted(verb, span):
            continue
        # The inverted subject (the French parser often reads it as the object: "a assuré le maire").
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "obj") and c.i > verb.i), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            continue
        close = subject.right_edge.i if subject.right_edge.text == "," else subject.right_edge.i + 1
        named = entity_at(span.doc[close + 1]) if close + 1 < span.end else None
        if named is not None and named.label_ in ("PER", "PERSON") and named.start == close + 1 \
                and named.end < span.end and span.doc[named.end].text == ",":
            close = named.end  # "le ministre de l'Éducation, Jean Dupont,": the name set off after the role
        if close >= span.end - 3 or span.doc[close].text != ",":
            continue
        rest = [t for t in span.doc[close + 1 : span.end] if t.is_alpha]
        # ", soulignant que ...", ", en rappelant qu'...": a second statement of the speaker (said_clause).
        said = _said_after(span, close, _end_of_text(span), language)
        if said is not None and said[0] == close and not present_participle(verb) and finite_in(tokens[:k]):
            claimant, outlet, how = source_of(list(span.doc[verb.i + 1 : close]), language)
            if claimant or outlet:
                return Attribution(claimant, outlet, how or "speech", [(comma.i, close), *_said_drop(span, said)],
                                   said)
        # What follows must go on with the statement, not with the incise ("..., a indiqué la SNCF, qui
        # prévoit ..." describes the speaker).
        # ("..., précisant que ..." goes on with the speaker too).
        if not rest or rest[0].lower_ in ("qui", "dont", "selon", "lequel", "laquelle", "lesquels", "lesquelles",
                                          "où", "ajoutant", "précisant", "soulignant", "estimant", "expliquant") \
                or "Ger" in morph_values(rest[0], "VerbForm") or (
                    rest[0].pos_ == "VERB" and present_participle(rest[0])):
            continue
        before = tokens[:k]
        # (or after a circumstance put first: "Depuis 2012, rappelle Le Parisien, la dotation n'a pas évolué")
        fronted = len(before) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in before) \
            and finite_in(span.doc[close + 1 : span.end])
        if len(rest) < 3 or not (finite_in(before) or fronted):
            continue
        # A quotation then its speaker: what follows describes the scene ("..., a déclaré X, en conférence
        # de presse"), the sentence as a whole is the quote's. Only a statement going on with a figure or
        # a verb of its own ("..., et les bénéfices de 7 %") makes the incise an aside.
        if tokens[k - 1].text == '"' or not any(t.like_num or finite_word(t) for t in span.doc[close + 1 : span.end]):
            continue
        claimant, outlet, how = source_of(list(span.doc[verb.i + 1 : close]), language)
        if not claimant and not outlet:
            continue
        return Attribution(claimant, outlet, how or "speech", [(comma.i, close)])
    return None
