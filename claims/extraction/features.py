"""Structured fields of a claim: quantities, dates, entities, claimant; the entry point the pipeline
calls. French models tag only PER/LOC/ORG/MISC, so quantities and dates come from rules: a spaCy
Matcher for dates (dates.py, resolved in date_resolution.py), a token walk for numbers and their
units (quantities.py). Entities and the claimant are found here."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.date_resolution import anchor_weekdays, resolve_dates, unresolved_dates
from claims.extraction.dates import find_dates, is_year
from claims.extraction.quantities import find_quantities
from claims.extraction.tense import conditional, pronominal

__all__ = [
    "anchor_weekdays",
    "attribution",
    "conditional",
    "find_dates",
    "find_entities",
    "find_quantities",
    "is_year",
    "last_person",
    "Locate",
    "locate_all",
    "named_source",
    "PERSON_LABELS",
    "pronominal",
    "resolve_dates",
    "SOURCE_LABELS",
    "speech_tokens",
    "unresolved_dates",
]

Locate = Callable[[int, int], tuple[int, int]]
PERSON_LABELS = {"PER", "PERSON"}
SOURCE_LABELS = {"PER", "PERSON", "ORG", "NORP", "GPE"}


def find_entities(doc: Doc) -> list[dict[str, Any]]:
    out = []
    for ent in doc.ents:
        text = ent.text.strip(" '\"-")
        if len(text) < 2 or not any(ch.isalpha() for ch in text):
            continue
        if ent.label_ in ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"):
            continue  # numbers and dates have their own structured fields
        # Sentence-initial capitals are often mistaken for names by the small models.
        if len(ent) == 1 and ent[0].pos_ not in ("PROPN", "NOUN", "X") and ent[0].is_sent_start:
            continue
        out.append({"char_start": ent.start_char, "char_end": ent.end_char, "label": ent.label_})
    return out


def speech_tokens(span: Span, language: str) -> list[Token]:
    prefixes = lx.SPEECH_PREFIXES.get(language, ())
    return [t for t in span if t.pos_ in ("VERB", "AUX") and t.lower_.startswith(prefixes)]


def named_source(tokens: Span | list[Token], language: str) -> str:
    """The person or organisation a phrase names, preferring entities over bare nouns."""
    tokens = list(tokens)
    for labels in (PERSON_LABELS | {"ORG"}, SOURCE_LABELS):  # people and organisations before places
        for tok in tokens:
            if tok.ent_type_ in labels and tok.ent_iob_ == "B":
                ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
                if ent is not None:
                    return ent.text
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return ""
    head = [t for t in words if t.pos_ in ("PROPN", "NOUN")]
    if not head:
        return ""
    # "le ministère de l'Intérieur", "la préfecture de l'Indre": the noun phrase, at most 8 words.
    first = words.index(head[0])
    phrase = words[max(0, first - 1) : first + 7]
    return " ".join(t.text for t in phrase).replace("' ", "'")


def attribution(span: Span, language: str) -> tuple[str, str]:
    """(claimant, how) for one sentence: "Selon X", "X a déclaré", "a-t-il déclaré" (pronoun)."""
    lower = span.text.lower()
    for marker in lx.ATTRIBUTION_MARKERS.get(language, ()):
        pos = lower.find(marker)
        if pos < 0:
            continue
        start_char = span.start_char + pos + len(marker)
        toks = [t for t in span if t.idx >= start_char]
        phrase = []
        for t in toks:
            if t.text in (",", ".", ";", ":", "(") or t.lower_ in ("qui", "who"):
                break
            phrase.append(t)
        source = named_source(phrase, language)
        if source:
            return source, "according_to"
    for verb in speech_tokens(span, language):
        # "a-t-il déclaré": the tokenizer keeps "-t-il" on the auxiliary.
        window = span.doc[max(span.start, verb.i - 3) : verb.i + 3].text.lower()
        m = re.search(r"-t-(il|elle|ils|elles)\b|\b\w+-(il|elle)\b", window)
        if m:
            return "", f"pronoun:{m.group(1) or m.group(2)}"
        # A "subject" inside the quotation that ends before the verb is the parser's mistake.
        subjects = [
            c for c in verb.children
            if c.dep_.startswith("nsubj") and not any(t.text == '"' for t in span.doc[c.i : verb.i])
        ]
        for subj in subjects:
            if subj.lower_ in lx.PRONOUN_SPEAKERS:
                return "", f"pronoun:{subj.lower_}"
            if subj.pos_ in ("PROPN", "NOUN") and subj.lower_ not in lx.FIRST_PERSON.get(language, set()):
                source = named_source(list(subj.subtree), language)
                if source:
                    return source, "speech"
        # Inverted subject: "a déploré son président, Marc Olivier", "said commissioner Linda Perez".
        for tok in span.doc[verb.i + 1 : min(span.end, verb.i + 8)]:
            if tok.ent_type_ in ("PER", "PERSON") and tok.ent_iob_ == "B" and not subjects:
                ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
                if ent is not None:
                    return ent.text, "speech"
    if language == "en":
        m = re.search(r"\b(he|she|they) (said|says|told|added|noted|argued|claimed)\b", lower)
        if m:
            return "", f"pronoun:{m.group(1)}"
    return "", ""


def last_person(spans: list[Span]) -> str:
    """The last person named in these sentences (the speaker of a following "a-t-il déclaré"),
    else the last organisation ("La Mutualité estime ... », a-t-elle affirmé")."""
    for labels in (PERSON_LABELS, {"ORG"}):
        for span in reversed(spans):
            found = [e for e in span.ents if e.label_ in labels and len(e.text) > 2]
            if found:
                return found[-1].text
    return ""


def locate_all(items: list[dict[str, Any]], locate: Locate, original: str) -> list[dict[str, Any]]:
    """Replace chunk offsets by article offsets and attach the exact article text."""
    out = []
    for item in items:
        start, end = locate(item.pop("char_start"), item.pop("char_end"))
        out.append({"text": original[start:end], "start": start, "end": end, **item})
    return out
