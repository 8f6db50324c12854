"""Attributions set between commas inside a sentence ("..., a assuré le ministre, Jean Dupont, avec 15
élèves par classe."): the incise's token range and its inverted subject as the claimant, and the second
statement a participle clause after it reports (", soulignant que ...")."""

from __future__ import annotations

from spacy.tokens import Span

from claims.extraction.doccache import column, morph_values, span_text, span_tokens
from claims.extraction.participles import present_participle
from claims.extraction.people import entity_at
from claims.extraction.pronoun_speakers import _pronoun
from claims.extraction.quotations import opening, quoted
from claims.extraction.sources import Attribution, source_of
from claims.extraction.speech_verbs import PRONOUN_VERB, finite, finite_in, finite_word, negated, speech_verb
from claims.extraction.tails import _tail, said_clause


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


# Subject pronouns that name the speaker of a split quotation ('"...," she said, "..."').
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "il", "elle", "ils", "elles"})


def _split_quotation(span: Span, language: str) -> Attribution | None:
    """'"We will not accept this result," Senator Laura Jenkins said, "and we will appeal the ruling."',
    '"...," said the mayor, "..."', '"...", a déclaré le maire, "..."': a speaker and their speech verb, in
    either order, set between the two parts of one quotation (a mark that closes it, the comma inside it in
    English or after it in French; a comma, then a mark that opens the rest). The incise leaves the text,
    which reads as the one quotation it is; its speaker is the claimant."""
    if '"' not in span_text(span):
        return None
    tokens = span_tokens(span)
    # (French marks come spaced, '« Le budget »' read '" Le budget "': which one opens is told by their count)
    text_of = column(span.doc, "text")
    marks = [k for k, i in enumerate(range(span.start, span.end)) if text_of[i] == '"']
    for n, k in enumerate(marks):
        mark = tokens[k]
        if k < 2 or k + 4 >= len(tokens) or opening(mark) or not (quoted(mark, span) or n % 2):
            continue  # (a mark that closes a quotation)
        start = k + 1 if tokens[k + 1].text == "," else k if tokens[k - 1].text == "," else None
        if start is None:
            continue
        close = next((j for j in range(start + 2, min(len(tokens) - 2, start + 14)) if tokens[j].text in ",;.:\""),
                     None)
        if close is None or tokens[close].text != "," or tokens[close + 1].text != '"' or not (
                opening(tokens[close + 1])
                or tokens[close + 2].is_alpha and sum(t.text == '"' for t in tokens[:close]) % 2 == 0):
            continue
        words = [t for t in tokens[start + 1 : close] if not t.is_punct]
        verb = next((t for t in words if t.pos_ == "VERB" and speech_verb(t, language)), None)
        if verb is None or negated(verb) or not finite(verb) or sum(t.pos_ == "VERB" for t in words) > 1:
            continue
        speaker = [t for t in words if t is not verb and t.pos_ != "AUX" and not t.text.startswith("-")]
        window = span.doc[max(span.start, verb.i - 3) : min(span.end, verb.i + 3)].text
        inverted = PRONOUN_VERB.search(window) if language == "fr" else None
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _SUBJECT_PRONOUNS), None)
        pronoun = (inverted.group(1) or inverted.group(2)).lower() if inverted else \
            subject.lower_ if subject is not None else ""
        if pronoun:
            if pronoun == "on":
                continue
            found = _pronoun(span, pronoun, verb.i)
            claimant, outlet, how = found.claimant, "", found.how
        else:
            claimant, outlet, how = source_of(speaker, language) if speaker else ("", "", "")
        if not claimant and not how.startswith("pronoun:"):
            continue
        # (French keeps the comma after the closing mark, English the one inside it: either way one comma stays)
        drop_end = tokens[close].i if start == k + 1 else tokens[close].i + 1
        drop = [(tokens[start].i, drop_end)]
        second = _second_tail(span, drop_end, language)
        if second is not None:
            drop.append(second)  # '"...," the mayor said, "...," he added on Monday.': both incises leave the text
        return Attribution(claimant, outlet, how or "speech", drop)
    return None


def _second_tail(span: Span, after: int, language: str) -> tuple[int, int] | None:
    """The trailing speech verb of the second part of a split quotation ('"...," the mayor said, "...," he
    added on Monday.'): what leaves the text with it, from its comma to the sentence's closing punctuation;
    None when the sentence ends with the quotation."""
    tail = _tail(span, language)
    if tail is None or tail[0] <= after:
        return None
    start = tail[0]
    if span.doc[start].text != "," or '"' not in (span.doc[start - 1].text, span.doc[start + 1].text):
        return None  # (only a tail right after the quotation closes: '"...," he added' or '"...", a-t-il ajouté')
    return start, _end_of_text(span)


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
