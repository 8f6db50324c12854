"""A sentence's main clause as the parse gives it, for the rewrite's rules: its subject (past the parser's
slips on leading phrases and trailing attributions), whether some words hold a finite verb, and whether the
words before a comma are a clause of their own."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claims.extraction.attribution import speech_verb
from claims.extraction.doccache import morph_values
from claims.extraction.pronouns import _PERSONAL_PRONOUNS, _impersonal, doubles_subject, taken_up


def _subject(span: Span) -> Token | None:
    root = span.root
    subjects = [c for c in root.children if c.dep_.startswith("nsubj") and span.start <= c.i < span.end]
    doubled = next((c for c in subjects if doubles_subject(c)), None)
    if doubled is not None:
        # "Les démissions, elles, ont grimpé": the pronoun takes up the noun phrase before it, the subject
        subjects = [c for c in subjects if c != doubled] or [taken_up(doubled)]
    if not subjects:
        # A personal pronoun the parser took for an impersonal one ("Il a déclaré ..." as "expl:subj"): the
        # subject, unless it is one (pronouns._impersonal: "Il faut", "il est possible de").
        subjects = [c for c in root.children if c.dep_ == "expl:subj" and span.start <= c.i < span.end
                    and c.lower_ in _PERSONAL_PRONOUNS and not _impersonal(c)]
    if len(subjects) > 1:
        # A leading phrase the parser took for a second subject ("Un an après le décès de son mari, la star a
        # décidé ..." on "an"): the subject is the noun that stands right before the verb, after the comma.
        # ("Ancien poids-lourd du Sud-Ouest, il a passé ...": a personal pronoun there too)
        last = [c for c in subjects if c.i < root.i and (c.pos_ in ("NOUN", "PROPN") or c.lower_ in _PERSONAL_PRONOUNS
                                                          and c.i > 0 and span.doc[c.i - 1].text == ",")][-1:]
        if last and last[0] != subjects[0] and any(t.text == "," for t in span.doc[subjects[0].i : last[0].left_edge.i]):
            return last[0]
    if not subjects:
        subjects = [t for t in span if t.dep_.startswith("nsubj") and t.head.dep_ == "ROOT"]
    if not subjects:
        # Slips of the parser: a subject hung on a word of the verb's own phrase ("La journaliste a d'abord
        # répondu" on "d'", "La chanteuse a assuré" on "a"); or, when it made a trailing attribution's verb
        # the root ("Et elle renonce à sa rémunération ..., précise encore la région"), the subject of the
        # finite clause before it, which is the statement's.
        speech = speech_verb(root, span.doc.lang_)
        subjects = [t for t in span[: max(root.i - span.start, 0)] if t.dep_.startswith("nsubj") and t.head.head == root
                    and t.head.i < root.i and (t.head.pos_ in ("AUX", "ADP", "ADV") or t.head.dep_.startswith("aux")
                                               or speech and finite([t.head]))]
    if not subjects:
        # A participle clause put first that the parser made the sentence ("Après avoir harcelé le palais, ce
        # professeur a passé ...", the noun its apposition): the noun after the comma, its verb right after it.
        doc = span.doc
        subjects = [t for t in span if t.pos_ == "NOUN" and t.dep_ == "appos" and t.left_edge.i > span.start
                    and doc[t.left_edge.i - 1].text == "," and t.right_edge.i + 1 < span.end
                    and finite([doc[t.right_edge.i + 1]])][:1]
    return subjects[0] if subjects else None


def finite(tokens: list[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and ("Fin" in morph_values(t, "VerbForm") or t.tag_ in ("VBD", "VBZ", "VBP", "MD"))
               for t in tokens)


def _own_clause(phrase: list[Token]) -> bool:
    """Whether the words before a comma are a main clause ("Marion poursuit le combat, elle ..."), whose
    subject a pronoun after it stands for; not a leading phrase ("Depuis 2011,") nor a subordinate clause
    ("Même s'il a été poignardé,", "Quand la chaîne ...,"). A name in a leading phrase is not enough:
    "Interrogée par Thierry Ardisson, elle ..." is not about him."""
    return finite(phrase) and not any(t.pos_ == "SCONJ" or t.dep_ == "mark" for t in phrase[:3])


def topic(subj: Token, before: list[Token]) -> list[Token]:
    """The words of a leading "Quant à ..." that a pronoun subject after it takes up ("Quant à Paul Roux, il
    ...", "Et quant aux élus, ils ..."): the pronoun is that topic, no one the sentences before named; [] when the
    words before the subject (`before`, in order) open otherwise."""
    words = [t for t in before if t.i < subj.i]
    low = [t.lower_ for t in words[:4]]
    at = next((k for k, w in enumerate(low[:2]) if w == "quant"), None)
    if at is None or at + 1 >= len(low) or low[at + 1] not in ("à", "au", "aux") or not any(t.text == "," for t in words):
        return []
    return words[at:]
