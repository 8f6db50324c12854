"""Per-document caches of what spaCy rebuilds on every read.

`Doc.ents` walks every token of the document and makes a new Span per entity each time it is read,
and `Span.ents` reads it whole and filters: read per sentence and per candidate, that is a scan of
the whole chunk each time. Extraction never changes a parsed document, so the entities are read
once per document and kept in `doc.user_data`. Likewise the tokens' character offsets, so that the
tokens at given offsets are found without a Token object per token of the document, and the
document's text. Morphological features are parsed once per analysis, for the whole process.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    LIKE_NUM,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.tokens import Doc, Span, Token

_ENTS = "claims.extraction.ents"
_STARTS = "claims.extraction.token_starts"
_TEXT = "claims.extraction.text"
_MORPHS = "claims.extraction.morph_keys"
_COLUMNS = "claims.extraction.columns"
_TOKENS = "claims.extraction.tokens"
_SENT_STARTS = "claims.extraction.sent_starts"
# Keys other modules cache under (pipeline's originals and words of names), dropped by release() too.
_OTHER_KEYS = ("claims.extraction.originals", "claims.extraction.in_a_name")


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, read once per document."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def release(doc: Doc) -> None:
    """Drop a document's caches once it is done with. The cached entities are Spans, which hold the
    document: left in its user_data, they make a cycle that only the garbage collector frees, so parsed
    documents (and their tensors) would pile up between collections."""
    for key in (_ENTS, _STARTS, _TEXT, _MORPHS, _COLUMNS, _TOKENS, _SENT_STARTS, *_OTHER_KEYS):
        doc.user_data.pop(key, None)


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside the span, in order), from the document's cache."""
    out = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


def span_tokens(span: Span) -> list[Token]:
    """`list(span)` (a new list), its Tokens made once per span: `doc[i]` makes a new Token on every read,
    and the attribution (find, its tail and incise tests) and the rewrite list each sentence's tokens."""
    doc = span.doc
    by_range = doc.user_data.get(_TOKENS)
    if by_range is None or by_range.get("", -1) != len(doc):  # not read yet, or the document was retokenized
        by_range = doc.user_data[_TOKENS] = {"": len(doc)}
    key = (span.start, span.end)
    tokens = by_range.get(key)
    if tokens is None:
        tokens = by_range[key] = list(span)
    return list(tokens)


def token_starts(doc: Doc) -> list[int]:
    """Every token's character offset (`tok.idx`), ascending (one C call, no Token object per token): index
    it with `tok.i`; shared, never change it."""
    starts = doc.user_data.get(_STARTS)
    if starts is None or len(starts) != len(doc):  # not read yet, or the document was retokenized
        starts = doc.user_data[_STARTS] = doc.to_array(IDX).tolist()
    return starts


def _sentence_starts(doc: Doc) -> list[int]:
    """The indices of the tokens that start a sentence (`is_sent_start`), ascending, once per document."""
    cached = doc.user_data.get(_SENT_STARTS)
    if cached is None or cached[0] != len(doc):  # not read yet, or the document was retokenized
        flags = doc.to_array(SENT_START).tolist()
        cached = doc.user_data[_SENT_STARTS] = (len(doc), [i for i, flag in enumerate(flags) if flag == 1])
    return cached[1]


def sentence_bounds(item: Token | Span) -> tuple[int, int]:
    """`(item.sent.start, item.sent.end)`: the sentence of a token, or of a span's first token, as spaCy finds it
    (back to the last sentence start, on to the next), from the document's sentence starts read once. `.sent`
    makes two Spans and walks the tokens on every read; the rules ask for the bounds of most words' sentences."""
    doc = item.doc
    if "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks or "sents" in doc.user_hooks:
        sent = item.sent
        return sent.start, sent.end
    i = item.i if isinstance(item, Token) else item.start
    starts = _sentence_starts(doc)
    k = bisect_right(starts, i)  # the sentence starts up to i: the last of them opens i's sentence
    return (starts[k - 1] if k else 0), (starts[k] if k < len(starts) else len(doc))


def sentence_start(item: Token | Span) -> int:
    """`item.sent.start` (sentence_bounds)."""
    return sentence_bounds(item)[0]


def sentence_end(item: Token | Span) -> int:
    """`item.sent.end` (sentence_bounds)."""
    return sentence_bounds(item)[1]


def token_indices(doc: Doc, offsets: Iterable[int]) -> list[int]:
    """The indices of the tokens that start at these character offsets (offsets inside a token or
    between tokens have none), in the order of `offsets`."""
    starts = token_starts(doc)
    out = []
    for offset in offsets:
        i = bisect_left(starts, offset)
        if i < len(starts) and starts[i] == offset:
            out.append(i)
    return out


def tokens_within(doc: Doc, start: int, end: int) -> range:
    """The indices of the tokens that start in [start, end) of the document's text."""
    starts = token_starts(doc)
    return range(bisect_left(starts, start), bisect_left(starts, end))


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once per document: spaCy joins the tokens on every read."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give doc_text() the text a document was made from (`nlp.make_doc(text).text == text`), so that it
    is never joined from the tokens."""
    doc.user_data[_TEXT] = text


def span_text(span: Span) -> str:
    """`span.text`, sliced from the document's text: spaCy joins the span's tokens on every read.
    Tokens cover the text without gaps, so the slice is the same string."""
    return doc_text(span.doc)[span.start_char : span.end_char]


# The token attributes column() reads, by their Token attribute name.
_ATTRS = {"pos_": POS, "dep_": DEP, "tag_": TAG, "ent_iob_": ENT_IOB, "ent_type_": ENT_TYPE, "lower_": LOWER,
          "text": ORTH, "is_alpha": IS_ALPHA, "is_punct": IS_PUNCT, "is_space": IS_SPACE, "like_num": LIKE_NUM,
          "whitespace_": SPACY}
# Token attribute name -> {the attribute's stored integer: the value the Token attribute gives for it}.
# Words ("text", "lower_") grow with what the process reads: emptied past _MAX_VALUES.
_VALUES: dict[str, dict[int, Any]] = {name: {} for name in _ATTRS}
_MAX_VALUES = 200_000


def _columns(doc: Doc) -> dict[Any, Any]:
    """The document's cached columns (column(), morph_column()), emptied if it was retokenized."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None or columns.get("", -1) != len(doc):  # not read yet, or the document was retokenized
        columns = doc.user_data[_COLUMNS] = {"": len(doc)}
    return columns


def _mapped(stored: list[int], known: dict[int, Any], learn: Callable[[int], Any]) -> list[Any]:
    """`[known[value] for value in stored]`, after learning each value not known yet from the first
    position that has it (`learn(i)` makes a Token): only new values cost a Token, and the mapping is
    made without a Python loop per token, since it runs for every attribute of every document."""
    new = set(stored).difference(known)
    if new:
        first = dict(zip(reversed(stored), range(len(stored) - 1, -1, -1), strict=True))  # value -> first position
        for value in new:
            known[value] = learn(first[value])
    return list(map(known.__getitem__, stored))


def column(doc: Doc, name: str) -> list[Any]:
    """`[getattr(tok, name) for tok in doc]` for one of the attributes in _ATTRS, in one C call and no Token
    object per token: index it with `tok.i` or a span's range. The integers spaCy stores are mapped to
    what the Token attribute gives, learnt from the Token attribute itself the first time one is seen."""
    columns = doc.user_data.get(_COLUMNS)  # (_columns inline: column() runs for most words of every claim)
    if columns is None or columns.get("", -1) != len(doc):
        columns = _columns(doc)
    values = columns.get(name)
    if values is None:
        known = _VALUES[name]
        if len(known) > _MAX_VALUES:
            known.clear()
        values = columns[name] = _mapped(doc.to_array(_ATTRS[name]).tolist(), known,
                                         lambda i: getattr(doc[i], name))
    return values


def morph_column(doc: Doc, field: str) -> list[tuple[str, ...]]:
    """`[morph_values(tok, field) for tok in doc]`, once per document: index it with `tok.i`."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None or columns.get("", -1) != len(doc):
        columns = _columns(doc)
    values = columns.get(("morph", field))
    if values is None:
        values = columns["morph", field] = _mapped(_morph_keys(doc), _FEATURES.setdefault(field, {}),
                                                   lambda i: tuple(doc[i].morph.get(field)))
    return values


# field -> {analysis hash: values}, and analysis hash -> {field: value}. Bounded by the models'
# morphology tables (a few thousand analyses).
_FEATURES: dict[str, dict[int, tuple[str, ...]]] = {}
_DICTS: dict[int, dict[str, str]] = {}


def _morph_keys(doc: Doc) -> list[int]:
    """Every token's analysis hash (`tok.morph.key`), in one C call: `tok.morph` makes a new object per read."""
    keys = doc.user_data.get(_MORPHS)
    if keys is None or len(keys) != len(doc):  # not read yet, or the document was retokenized
        keys = doc.user_data[_MORPHS] = doc.to_array(MORPH).tolist()
    return keys


def morph_values(tok: Token, field: str) -> tuple[str, ...]:
    """`tok.morph.get(field)`, as a tuple: spaCy looks the feature strings up and splits them on every call.
    (The cached hashes are read inline: it runs for most words of every claim.)"""
    by_key = _FEATURES.get(field)
    if by_key is None:
        by_key = _FEATURES[field] = {}
    doc = tok.doc
    keys = doc.user_data.get(_MORPHS)
    if keys is None or len(keys) != len(doc):
        keys = _morph_keys(doc)
    key = keys[tok.i]
    values = by_key.get(key)
    if values is None:
        values = by_key[key] = tuple(tok.morph.get(field))
    return values


def morph_dict(tok: Token) -> Mapping[str, str]:
    """`tok.morph.to_dict()`, parsed once per analysis; shared between tokens: read it, never change it."""
    return morph_dict_at(tok.doc, tok.i)


def morph_dict_at(doc: Doc, i: int) -> Mapping[str, str]:
    """`morph_dict(doc[i])`, making the Token only for an analysis not parsed yet."""
    key = _morph_keys(doc)[i]
    features = _DICTS.get(key)
    if features is None:
        features = _DICTS[key] = doc[i].morph.to_dict()
    return features
