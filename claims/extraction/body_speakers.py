"""A company a trailing speaker describes by its noun alone ("..., the company said", "..., a indiqué le
constructeur") is the organisation the statement before it named as its subject ("Apple sold 50 million
phones in the quarter, the company said": Apple)."""

from __future__ import annotations

from spacy.tokens import Span

from claims.extraction import lexicon as lx
from claims.extraction.people import entity_at
from claims.extraction.sources import _entity_name

# English nouns of a company or a body that speaks for itself (French ones: lexicon.DESCRIBED_BODIES).
BODIES_EN = frozenset({"company", "firm", "retailer", "supermarket", "carmaker", "automaker", "airline", "bank",
                        "insurer", "group", "chain", "brand", "manufacturer", "operator", "club", "startup",
                        "charity", "lender", "supplier", "force", "college", "society", "school", "trust"})
_DEFINITE = frozenset({"the", "le", "la", "l'"})
_SUBJECT = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def own_body(span: Span, start: int, claimant: str, how: str) -> str:
    """The organisation a tail's bare description of a company ("the company", "le groupe") stands for: the one
    named subject, tagged an organisation, of the statement before the tail (which starts at `start`); ""
    when the description says more ("the parent company") or the statement has no such subject, or two."""
    if not how.startswith("description:") or how.split(":", 1)[1] not in lx.DESCRIBED_BODIES | BODIES_EN:
        return ""
    words = claimant.lower().replace("\u2019", "'").replace("'", "' ").split()
    if len(words) != 2 or words[0] not in _DEFINITE:
        return ""
    doc = span.doc
    named = {ent.start: ent for t in doc[span.start : start] if t.dep_ in _SUBJECT and t.ent_type_ == "ORG"
             and (ent := entity_at(t)) is not None and ent.start >= span.start}
    if not named and not any(t.dep_ in _SUBJECT and t.pos_ == "PROPN" for t in doc[span.start : start]):
        # "Shares in Sainsbury's fell 4%, the company said": a statement whose subject names no one speaks of the
        # one organisation it names elsewhere
        named = {ent.start: ent for t in doc[span.start : start] if t.ent_type_ == "ORG"
                 and (ent := entity_at(t)) is not None and ent.start >= span.start and ent.end <= start}
    if len(named) != 1 or any(c.dep_ == "conj" for ent in named.values() for c in ent.root.children):
        # ("Apple and Samsung sold ...": which of them)
        return ""
    return _entity_name(next(iter(named.values())))
