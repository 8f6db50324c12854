"""A number or a day inside a short quoted title names a work, not a count nor a date («Mille soleils
splendides», «Vivement dimanche prochain»): the quotation marks, and whether a quotation around a token
is such a title. Read by dates.py and the quantity modules alike."""

from __future__ import annotations

from spacy.tokens import Doc

_TITLE_LABELS = {"MISC", "WORK_OF_ART", "PRODUCT", "EVENT", "ORG"}
OPENING_QUOTES = {"«", "“", '"'}
_CLOSING_QUOTES = {"»", "”", '"'}


def in_quoted_title(doc: Doc, i: int) -> bool:
    """A number inside a short quotation that opens with a capital and has no verb (or that the model
    tagged as a name, as it does titles) is part of a title («Mille soleils splendides», "Les 12 Coups
    de midi"); quoted speech («Nous avons 12 morts») has a verb, a quoted figure («12 morts») no
    capital."""
    opening = next((k for k in range(i - 1, max(-1, i - 5), -1) if doc[k].text in OPENING_QUOTES | _CLOSING_QUOTES),
                   None)
    if opening is None or doc[opening].text not in OPENING_QUOTES:
        return False
    closing = next((k for k in range(i + 1, min(len(doc), i + 9)) if doc[k].text in _CLOSING_QUOTES), None)
    # '"2 Broke Girls"': a quotation the number opens, every word after it capitalised, is a title.
    if opening + 1 == i and closing is not None and closing > i + 1 and all(
            t.is_alpha and t.text[:1].isupper() for t in doc[i + 1 : closing]):
        return True
    if not doc[opening + 1].text[:1].isupper():
        return False
    return closing is not None and (doc[i].ent_type_ in _TITLE_LABELS
                                    or not any(t.pos_ in ("VERB", "AUX") for t in doc[opening + 1 : closing]))
