"""Quotation marks around a speech verb: whether a mark opens a quotation (opening), whether a word lies
inside one (quoted), and whether a verb introduces the quotation after it (': « ... »') or follows one
with its speaker ('"mais plus jeune" révèle l'éditorialiste')."""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from claims.extraction.doccache import column
from claims.extraction.speech_verbs import finite


def _quotation_starts_at(verb: Token, span: Span) -> bool:
    """'le député de l'Essonne a "appelé à ne pas laisser repartir vivants les députés ..."': a quotation that
    opens at the speech verb quotes the words of its subject, named before it."""
    doc = verb.doc
    return verb.i - 1 >= span.start and doc[verb.i - 1].text == '"' and opening(doc[verb.i - 1])


def _closing_quote_then_speaker(verb: Token, span: Span) -> bool:
    """'Elle a vu le prince "mais plus jeune" révèle l'éditorialiste.': a speech verb right after a closing
    quotation mark without its comma, followed by a noun phrase that ends the sentence (or its clause), has
    that noun phrase for subject, as after '",'; the name before the quotation is what was said about."""
    doc = verb.doc
    if verb.i - 1 <= span.start or doc[verb.i - 1].text != '"' or doc[span.start : verb.i].text.count('"') % 2:
        return False
    rest = list(itertools.takewhile(lambda t: t.text not in (".", ",", ";", "!", "?"), doc[verb.i + 1 : span.end]))
    return 2 <= len(rest) <= 6 and rest[0].pos_ == "DET" and any(t.pos_ in ("NOUN", "PROPN") for t in rest) \
        and not any(t.pos_ in ("VERB", "AUX", "SCONJ") or t.lower_ in _CONTENT_OPENERS for t in rest)


def _introduces_quotation(verb: Token, span: Span) -> bool:
    """'Ségolène Royal a répondu : "Si je suis ..."', 'Laurent Grandin se veut plus rassurant : "Certains coûts
    ..."': the last finite verb before a colon that opens a quotation introduces it, whatever the verb; its
    subject is the speaker. Not a passive, nor a verb with an object ('Il a reçu un SMS : "..."': what was received is
    someone else's), nor one inside a quotation or with another clause before the colon."""
    if verb.lang_ != "fr" or not finite(verb) or verb.dep_ == "acl:relcl" or any(
            c.dep_ in ("aux:pass", "nsubj:pass") or c.dep_ == "obj" and not _locution_noun(c) for c in verb.children):
        return False  # (nor a passive, 'Ce front commun est assumé : "..."', nor a relative clause, 'Véronique
        # Genest, qui en a pris pour son grade : "..."': they name the speaker elsewhere)
    doc = verb.doc
    for tok in doc[verb.i + 1 : min(span.end, verb.i + 16)]:
        if tok.text == ":":
            # (right after a colon a mark opens, even set off by a space as a French « is: ': " Ils ont ...')
            return tok.i + 2 < span.end and doc[tok.i + 1].text == '"' and (
                opening(doc[tok.i + 1]) or doc[tok.i + 2].is_alpha)
        if tok.text in '.;!?"' or tok.pos_ in ("VERB", "AUX") and finite(tok) and tok.dep_ != "conj":
            return False
    return False


def _locution_noun(obj: Token) -> bool:
    """'Le maire a rendu hommage aux sauveteurs : « ... »', 'elle a pris position : « ... »': a bare noun object
    makes a locution with its verb, no thing received or given; the quotation after the colon is the subject's."""
    return obj.pos_ == "NOUN" and not any(c.dep_ in ("det", "nummod", "nmod", "amod") for c in obj.children)


def opening(mark: Token) -> bool:
    """A quotation mark glued to the word after it opens a quotation ('"Nous', not 'gens",')."""
    doc = mark.doc
    return mark.text == '"' and not mark.whitespace_ and mark.i + 1 < len(doc) and doc[mark.i + 1].text not in ",.;:!?)"


def quoted(tok: Token, span: Span) -> bool:
    """Whether a token lies inside a quotation of its sentence: the last quotation mark before it opens one."""
    text_of = column(tok.doc, "text")  # (no Token per word before it: it runs for most names of an article)
    last = next((i for i in range(tok.i - 1, span.start - 1, -1) if text_of[i] == '"'), None)
    return last is not None and opening(tok.doc[last])


# The words that open what a speech verb reports: its inverted subject comes before them, never after.
_CONTENT_OPENERS = frozenset({"que", "qu'", "qu\u2019", "that"})
