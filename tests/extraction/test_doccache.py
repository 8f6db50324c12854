"""The shortcuts extraction takes for speed give what spaCy itself gives (extraction/doccache.py, and the
date matcher run near the words its patterns need in date_patterns.py)."""

from __future__ import annotations

import pytest

from claims.extraction import date_patterns
from claims.extraction import lexicon as lx
from claims.extraction import number_values as nv
from claims.extraction import quantities as qt
from claims.extraction.doccache import (
    column,
    doc_text,
    morph_column,
    morph_dict,
    morph_values,
    release,
    sentence_bounds,
    sentence_end,
    sentence_start,
    span_ents,
    span_text,
    token_indices,
    tokens_within,
)
from claims.extraction.nlp import nlp_for

TEXTS = [
    "Le président Emmanuel Macron a rencontré Joe Biden à Paris mardi 24 octobre 2023. Ils se reverront "
    "les 12 et 13 novembre prochain, a précisé l'Élysée.  Le sommet de l'OTAN aura lieu en juillet.",
    "Depuis 2019, la région Auvergne-Rhône-Alpes a investi 40 millions d'euros. Du mardi 24 au mercredi 25 "
    "juillet, la mairie organise une fête ; la semaine dernière, le Journal du Dimanche l'annonçait.",
    "Taxes will rise in 2025, the Treasury said on Friday. Since March 3, prices have risen by 4 percent.",
    "Aucune date ici, seulement des mots et un chiffre : 12.",
    "",
]


def _parsed(text: str):  # type: ignore[no-untyped-def]
    nlp, _ = nlp_for("en" if text.startswith("Taxes") else "fr")
    return nlp(text)


@pytest.mark.parametrize("text", TEXTS)
def test_it_reads_texts_entities_and_morphology_as_spacy_does(text: str) -> None:
    doc = _parsed(text)
    spans = [doc[:], *doc.sents, *(doc[i : i + 3] for i in range(len(doc))), doc[2:2]] if len(doc) else [doc[:]]
    for span in spans:
        assert span_text(span) == span.text
        assert [(e.start, e.end, e.label_) for e in span_ents(span)] == [(e.start, e.end, e.label_) for e in span.ents]
    for tok in doc:
        for field in ("Tense", "Mood", "VerbForm", "Person"):
            assert morph_values(tok, field) == tuple(tok.morph.get(field))
        assert morph_dict(tok) == tok.morph.to_dict()
        for field in ("Tense", "Mood", "Number"):
            assert morph_column(doc, field)[tok.i] == tuple(tok.morph.get(field))


@pytest.mark.parametrize("text", TEXTS)
def test_it_reads_token_attributes_as_columns_as_spacy_does(text: str) -> None:
    doc = _parsed(text)
    for name in ("pos_", "dep_", "tag_", "ent_iob_", "ent_type_", "lower_", "text", "is_alpha", "is_punct",
                 "is_space", "like_num"):
        assert column(doc, name) == [getattr(tok, name) for tok in doc], name


@pytest.mark.parametrize("text", TEXTS)
def test_it_finds_tokens_by_offset(text: str) -> None:
    doc = _parsed(text)
    offsets = list(range(len(text) + 2))
    assert token_indices(doc, offsets) == [t.i for t in doc]
    assert list(tokens_within(doc, 10, 40)) == [t.i for t in doc if 10 <= t.idx < 40]


@pytest.mark.parametrize("text", TEXTS)
def test_it_finds_the_sentence_of_a_token_or_a_span_as_spacy_does(text: str) -> None:
    doc = _parsed(text)
    for tok in doc:
        assert sentence_bounds(tok) == (sentence_start(tok), sentence_end(tok)) == (tok.sent.start, tok.sent.end)
        for span in (doc[tok.i : tok.i + 1], doc[tok.i : tok.i + 4]):
            assert sentence_bounds(span) == (span.sent.start, span.sent.end)


def test_it_finds_sentences_the_pipeline_forced() -> None:
    """The pipeline sets sentence starts before parsing (pipeline._make_doc): those bound the sentences too."""
    nlp, _ = nlp_for("fr")
    doc = nlp.make_doc("Il pleut sur Lyon depuis lundi et la Saône a encore monté de deux mètres")
    doc[6].is_sent_start = True
    doc = nlp(doc)
    assert [sentence_bounds(t) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
    assert sentence_bounds(doc[6]) == (6, len(doc))


@pytest.mark.parametrize("text", TEXTS)
def test_it_matches_dates_near_their_words_as_over_the_whole_text(text: str) -> None:
    doc = _parsed(text)
    matcher = date_patterns.date_matcher(doc.vocab)
    assert date_patterns._matches_near_triggers(matcher, doc) == list(matcher(doc))


def test_it_lets_a_released_document_go() -> None:
    """The cached entities are Spans holding their document: release() breaks that cycle."""
    doc = _parsed(TEXTS[0])
    span_ents(doc[:]), span_text(doc[:]), token_indices(doc, [0]), column(doc, "pos_"), morph_values(doc[0], "Tense")
    sentence_bounds(doc[0])
    from claims.extraction import rule_signals as rs

    rs._in_a_name(doc)  # (a cache of the pipeline's, which release() drops too)
    assert "claims.extraction.in_a_name" in doc.user_data
    assert any(isinstance(key, str) and key.startswith("claims.") for key in doc.user_data)
    release(doc)
    assert not any(isinstance(key, str) and key.startswith("claims.") for key in doc.user_data)


@pytest.mark.parametrize("text", TEXTS)
def test_it_finds_quantities_as_a_token_by_token_walk_does(text: str) -> None:
    """find_quantities skips the words that cannot be a number; _is_number refuses them all."""
    doc = _parsed(text)
    language = "en" if text.startswith("Taxes") else "fr"
    skipped = [tok for tok in doc if tok.i not in {
        k for k, low in enumerate(column(doc, "lower_")) if low in qt._NUMERATORS or low in lx.NUMBER_WORDS.get(
            language, {}) or "-" in low or nv._MAY_BE_FIGURE.match(low)}]
    assert not any(nv._is_number(tok, language) for tok in skipped)


def test_it_finds_noise_as_the_lookbehind_first_regex_does() -> None:
    """readable._NOISE tests the character before a handle's "@" after matching it, which is the same."""
    import re

    from claims.extraction import readable as rd
    from claims.extraction.normalise import EMOJI

    plain = re.compile(r"https?://\S+|www\.\S+|(?<!\w)@\w+(?:\.[a-z0-9_]+)*|" + EMOJI + "+", re.UNICODE)
    for text in ["@a", "x@a", " @a", "a @b c@d @", "@@x", "é@x", "_@x", "(@x)", "écrit à a@b.fr et @c 🔥@x",
                 "Follow @discover.algeria.dz 🇩🇿", "à @a.b.", "x@a.b @c.d",
                 "voir https://t.co/x ou www.a.fr @BGriveaux", "", "@"]:
        assert [m.span() for m in rd._NOISE.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_it_reads_the_text_a_document_was_made_from() -> None:
    """The pipeline gives each document the text it made it from: doc_text never joins the tokens."""
    from claims.extraction import pipeline as pl

    nlp, _ = nlp_for("fr")
    art = pl._prepare(TEXTS[1] + "\n\n" + TEXTS[0], "fr", {"fr": "fr"})
    for chunk in art.chunks:
        doc = pl._make_doc(nlp, art, chunk)
        assert doc.user_data["claims.extraction.text"] == doc.text
        assert doc_text(doc) == doc.text


def test_it_maps_every_token_back_to_the_article_as_written(article_fr: str) -> None:
    """pipeline._token_originals gives each token's text in the original article (typographic apostrophes,
    line breaks), as the token's own offsets mapped back one by one do."""
    from claims.extraction import pipeline as pl

    nlp, _ = nlp_for("fr")
    art = pl._prepare(article_fr.replace("d’Asie", "d’Asie 🔥  ").replace("Parlement.", "Parlement.Il"), "fr",
                      {"fr": "fr"})
    for chunk in art.chunks:
        doc = nlp(pl._make_doc(nlp, art, chunk))
        locate = pl._locator(art, chunk.start)
        expected = [art.original[slice(*locate(t.idx, t.idx + len(t.text)))] for t in doc]
        assert pl._token_originals(art, doc, locate) == expected
        assert any(word != t.text for word, t in zip(expected, doc, strict=True))  # the article's own characters
