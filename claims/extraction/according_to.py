"""Sources given inside a sentence rather than before or after it: "..., à 43 %, selon un sondage Elabe
publié jeudi, alors que ..." (the source is read; the phrase stays in the text unless commas set it off),
and a person's point of view opening it ("Pour Bruno Le Maire, ...")."""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc, Span, Token

from claims.extraction.doccache import column, morph_values, span_text
from claims.extraction.incises import _end_of_text
from claims.extraction.lexicon import INSTITUTION_NOUNS, PERSON_NOUNS
from claims.extraction.outlets import outlet_in
from claims.extraction.pronoun_speakers import _pronoun
from claims.extraction.quotations import quoted
from claims.extraction.roles import FOLDED_ROLES
from claims.extraction.sources import Attribution, source_of
from claims.extraction.speech_verbs import finite_in, finite_word, fold, speech_verb
from claims.extraction.tails import STRESSED_PRONOUNS, counter_figure

# "la thèse selon laquelle ...", "selon que ...", "selon moi": no source follows the marker.
_NOT_A_SOURCE = {"laquelle", "lequel", "lesquels", "lesquelles", "que", "qu'", "moi", "toi", "nous", "vous", "which"}


# "comme révélé par", "as reported by": the only "comme"/"as" _according_to_inside reads a source after (a
# participle, then "par"/"by"); any other leaves the sentence to the fast path.
_AS_SAID_BY = re.compile(r"\b(?:comme|as)\s+\S+\s+(?:par|by)\b")


def _according_to_inside(span: Span, language: str) -> Attribution | None:
    """"..., à 43 %, selon un sondage Elabe publié jeudi, alors que ...", "Toutefois, selon Forbes, en
    2018, ...", "... 1,5 million de curieux selon Médiamétrie, soit ...": a source given inside the
    sentence, where neither the opening nor the trailing attribution reads it. The phrase ends at the
    next punctuation, conjunction or finite verb; it stays in the text (only its source is read) unless
    commas set it off and the statement goes on after it."""
    doc = span.doc
    lowered = span_text(span).lower()  # the cached sentence text, read by every sentence
    if "selon" not in lowered and "d'après" not in lowered and "according to" not in lowered \
            and _AS_SAID_BY.search(lowered) is None:
        return None  # most sentences: no token loop
    for tok in span[1:]:
        after = doc[tok.i + 1 : span.end]
        if not after:
            return None
        if tok.lower_ == "selon" or tok.lower_ == "according" and after[0].lower_ == "to":
            phrase_start = tok.i + 1 + (tok.lower_ == "according")
        elif tok.lower_ == "d'" and after[0].lower_ == "après":
            phrase_start = tok.i + 2
        elif tok.lower_ in ("comme", "as") and len(after) > 2 and "Part" in morph_values(after[0], "VerbForm") \
                and speech_verb(after[0], language) and after[1].lower_ in ("par", "by"):
            phrase_start = tok.i + 3  # "... revus à la hausse comme révélé par le magazine Variety"
        else:
            continue
        if phrase_start >= span.end or doc[phrase_start].lower_ in _NOT_A_SOURCE or quoted(tok, span):
            continue
        if _bracketed_figure_source(tok, span) or counter_figure(tok):
            continue
        if doc[phrase_start].lower_ in STRESSED_PRONOUNS:
            # "L'affaire évoque selon lui la mort d'Eric Garner": the person the article is about; "Le Pr Jean
            # Roux a publié des études qui, selon lui, montrent ...": the person the sentence names before it.
            return _pronoun(span, STRESSED_PRONOUNS[doc[phrase_start].lower_], tok.i)
        phrase = list(itertools.takewhile(
            lambda t: t.text not in ",;:.()!?\"" and t.pos_ not in ("CCONJ", "SCONJ") and t.lower_ not in (
                "qui", "dont", "alors", "soit", "who", "which") and not finite_word(t),
            doc[phrase_start : min(span.end, phrase_start + 14)]))
        claimant, outlet, how = source_of(phrase, language) if phrase else ("", "", "")
        if claimant and not outlet:
            outlet = _passed_on_by(doc, phrase_start + len(phrase), span.end)
        if (claimant or outlet) and not _in_relative_clause(tok):
            # Set off by commas with the statement going on after it (", selon RTL, trois ans après ..."),
            # it leaves the text as an incise does.
            # Not when what follows names or describes the source (", selon un porte-parole, Doug Carlson,
            # cité par le journal"), which has no verb of its own.
            end = phrase_start + len(phrase)
            after = doc[end + 1 : span.end] if end + 1 < span.end else None
            set_off = doc[tok.i - 1].text == "," and doc[end].text == "," and after is not None
            described = set_off and _describes_source(tok, after[0])
            between_commas = set_off and after[0].pos_ != "PROPN" and finite_in(after) and not described \
                and not _source_of_words_quoted(tok)
            if between_commas and (after[0].lower_ in ("que", "qu'") or doc[tok.i - 2].pos_ in ("AUX", "VERB")
                                   or after[0].pos_ in ("AUX", "VERB")):
                end += 1  # "il se peut, selon X, que", "Il aurait, selon X, favorisé", "X, selon Y, a démissionné"
            drop = [(tok.i - 1, end)] if between_commas else _opening_source(span, tok, end)
            if described and _only_describes(span, after):
                drop = [(tok.i - 1, _end_of_text(span))]  # ", selon la préfecture, qui a publié des photos."
            return Attribution(claimant, outlet, "according_to" if how == "speech" else how, drop)
    return None


# Relative pronouns that open a clause about the noun right before them.
_RELATIVE_PRONOUNS = frozenset({"qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "who", "which"})


def _describes_source(marker: Token, first: Token) -> bool:
    """", selon le parquet, qui a transmis l'information lundi, ...", ", selon la préfecture, citée par
    l'AFP, ...": a relative clause or a participle right after the source's comma describes the source;
    the phrase stays in the text (the description would hang on the statement without it) unless the
    description only ends the sentence (_only_describes). Not the participle of a compound tense the phrase
    splits ("Il aurait, selon X, favorisé ...")."""
    if first.lower_ in _RELATIVE_PRONOUNS:
        return True
    doc = first.doc
    if first.pos_ == "ADP" and first.i + 1 < len(doc) and doc[first.i + 1].lower_ in _RELATIVE_PRONOUNS:
        return True  # ", selon les chiffres de l'agence, pour qui la baisse ...": "pour qui" is about the source too
    return first.pos_ in ("VERB", "AUX") and "Part" in morph_values(first, "VerbForm") \
        and "Past" in morph_values(first, "Tense") and marker.doc[marker.i - 2].pos_ not in ("AUX", "VERB")


def _only_describes(span: Span, description: Span) -> bool:
    """Whether the description after a source ends the sentence as one clause with nothing to check in it (no
    comma, no figure, no quotation): the source and its description leave the text together, as a trailing
    attribution does ("L'avion s'est écrasé, selon le journal, qui publie des photos de l'accident.")."""
    words = span.doc[description.start : _end_of_text(span)]
    return not any(t.text in ',;:"()' or t.like_num and t.lower_ not in ("un", "une", "one") for t in words)


def _source_of_words_quoted(marker: Token) -> bool:
    """'Les lois sont supprimées "d'une main tremblante", selon le rapporteur, mais ...': a source set off
    right after a closing quotation mark in mid-sentence gives who used the words quoted, not the
    sentence's source; it stays in the text (without it the words read as the article's)."""
    doc = marker.doc
    return marker.i >= 2 and doc[marker.i - 1].text == "," and doc[marker.i - 2].text == '"'


def _bracketed_figure_source(marker: Token, span: Span) -> bool:
    """"800.000 manifestants selon le ministère (1,5 million selon la CGT)": a source inside brackets after
    other words gives the source of what the brackets say (another count), not of the sentence; "(selon
    l'Insee)" right after its opening bracket is the sentence's."""
    text_of = column(marker.doc, "text")
    opened = next((i for i in range(marker.i - 1, span.start - 1, -1) if text_of[i] in ("(", ")")), None)
    return opened is not None and text_of[opened] == "(" and opened < marker.i - 1


# Words that may come before a source opening the sentence ("Mais selon Le Parisien,", "Toujours selon X,").
_BEFORE_OPENING_SOURCE = frozenset({"mais", "et", "or", "toujours", "encore", "aussi", "enfin", "cependant", "toutefois",
                                    "pourtant", "donc", "ainsi", "alors", "but", "and", "yet", "still", "also"})


def _opening_source(span: Span, marker: Token, end: int) -> list[tuple[int, int]]:
    """"Mais selon Le Parisien, le maire a démissionné", "Toujours selon X, ...": a source phrase that opens the
    sentence after a connective only, set off by its comma before the statement, leaves the text with the
    connective as "Selon X," does (find); [] otherwise (the phrase stays)."""
    doc = span.doc
    if marker.i == span.start or end + 1 >= span.end or doc[end].text != "," \
            or not all(t.lower_ in _BEFORE_OPENING_SOURCE or t.text == "," for t in doc[span.start : marker.i]) \
            or not finite_in(doc[end + 1 : span.end]):
        return []
    return [(span.start, end + 1)]


# Participles of a medium passing a source on: "selon une étude de l'Insee, repérée par Le Figaro".
_PASSED_ON = ("repéré", "relayé", "cité", "rapporté", "révélé", "publié", "repris", "reported", "cited", "spotted")


def _passed_on_by(doc: Doc, end: int, stop: int) -> str:
    """", repérée par Le Figaro", ", relayée par BFMTV" right after a source: the medium that passed the source
    on, the claim's outlet; "" when no medium follows so."""
    if end + 3 >= stop or doc[end].text != "," or not doc[end + 1].lower_.startswith(_PASSED_ON) \
            or doc[end + 2].lower_ not in ("par", "by"):
        return ""
    return outlet_in(doc[end + 3 : min(stop, end + 8)].text)


def _in_relative_clause(marker: Token) -> bool:
    """"Le videur, qui selon Ouest France lui aurait refusé l'entrée, a reçu un coup de couteau": a source
    given right after a relative pronoun is the source of that clause only, not of the sentence. (The
    parse is not asked: it hangs a trailing "selon" on the nearest verb, often a relative clause's.)"""
    return marker.i > 0 and marker.doc[marker.i - 1].lower_ in ("qui", "que", "qu'", "dont", "où", "which", "who")


def _point_of_view(tokens: list[Token], language: str) -> Attribution:
    """"Pour Bruno Le Maire, les Français doivent travailler plus.", "Pour le maire de la commune, le pire
    a été évité.", "Pour l'association de locataires ALV, la réforme doit être revue.": the person or body
    whose view the sentence gives is its claimant (_holds_views says which). The phrase stays in the text,
    as part of what is claimed. A connective may come first, as before a source ("Mais pour la CGT, ...",
    "Toutefois, pour le maire, ...")."""
    lead = next((k for k, t in enumerate(tokens) if t.lower_ not in _BEFORE_OPENING_SOURCE and t.text != ","), 0)
    tokens = tokens[lead:]
    if language != "fr" or len(tokens) < 4 or tokens[0].lower_ != "pour":
        return Attribution()
    comma = next((k for k in range(2, min(len(tokens), 12)) if tokens[k].text == ","), None)
    if comma is None:
        return Attribution()
    phrase = tokens[1:comma]
    if any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return Attribution()
    person = phrase[0].ent_type_ in ("PER", "PERSON") or (
        phrase[0].lower_ in ("le", "la", "l'") and len(phrase) > 1 and fold(phrase[1].lower_) in FOLDED_ROLES) or (
        # "Pour son ami Jean-Michel Jarre, ...", "Pour sa fille Lucie, ...": a relation of someone, named after it
        phrase[0].lower_ in ("son", "sa", "leur") and len(phrase) > 2 and phrase[-1].ent_type_ in ("PER", "PERSON"))
    claimant, outlet, how = source_of(phrase, language)
    if not claimant or not (person or _holds_views(phrase, tokens[comma + 1 :], how)):
        return Attribution()
    return Attribution(claimant, outlet, how or "speech")


# Institutions named by a common noun that also name a place: "Pour la région, ..." is as often where.
_PLACE_NOUNS = frozenset({"ville", "région", "département", "parc", "zoo"})
# People whose view on a case is what they are asked for: "Pour les enquêteurs, la piste criminelle ...".
_ASSESSORS = frozenset({"enquêteurs", "enquêtrices", "experts", "scientifiques", "chercheurs", "spécialistes"})


def _holds_views(phrase: list[Token], rest: list[Token], how: str) -> bool:
    """Whether "Pour <phrase>," opens the view of who it names rather than whom or what the sentence is about
    ("Pour la première fois", "Pour les usagers, les remboursements arriveront", "Pour 2020"): a person named
    with a title ("Pour le philosophe Paul Roux", "Pour Me Durand"); a person described by their occupation
    ("Pour l'actrice"); investigators or experts; an organisation, named ("Pour la CGT", "Pour l'association
    ALV") or by an institution's noun ("Pour le syndicat"), when what follows gives no figure ("Pour
    l'entreprise, le coût est de 3 millions" is the company's cost, not its view)."""
    if how == "speech" and any(t.ent_type_ in ("PER", "PERSON") for t in phrase):
        return True  # (source_of left out a name that is a complement: "Pour le dossier de Paul Roux")
    head = next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None:
        return False
    if head.lower_ in PERSON_NOUNS and phrase[0].lower_ in ("le", "la", "l'", "ce", "cet", "cette") \
            or head.lower_ in _ASSESSORS and phrase[0].lower_ == "les":
        return True
    # (the phrase's head, not a name in its complement: "Pour ce proche de l'ancien Premier ministre")
    # (a name the tagger read as a common noun heads it as well: "Pour le Rassemblement national"; so does an
    # acronym it took for a place: "Pour le RN")
    organisation = how == "outlet" or head.lower_ in INSTITUTION_NOUNS and head.lower_ not in _PLACE_NOUNS \
        or head.ent_type_ in ("ORG", "MISC") and (head.pos_ == "PROPN" or head.text[:1].isupper()) \
        or head.pos_ == "PROPN" and head.ent_type_ and len(head.text) >= 2 and head.text.isupper()
    return organisation and (_judgement(rest) or not any(
        t.like_num and t.lower_ not in ("un", "une") or t.text[:1].isdigit() for t in rest))


def _judgement(rest: list[Token]) -> bool:
    """"Pour le parti, une retraite à 60 ans est possible", "..., ces 3 % sont insuffisants": a clause whose
    predicate is an adjective after a copula judges what it names, a figure in it or not; it is the view of
    who "Pour" names, not a figure of theirs ("Pour l'entreprise, le coût est de 3 millions")."""
    return any(t.dep_ == "cop" and t.head.pos_ == "ADJ" and t.head.dep_ == "ROOT" and t.head in rest for t in rest)
