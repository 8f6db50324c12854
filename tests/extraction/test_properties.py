"""Property tests: extraction never raises, offsets always round-trip, output is deterministic.
Example counts stay small: every example goes through spaCy."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import candidate_dict, extract_claims
from claims.extraction.normalise import normalise

WORDS = st.sampled_from([
    "Le", "Kazakhstan", "a", "envoyé", "près", "de", "40", "tonnes", "l’Ukraine", "selon", "Nevzline", ",", ".",
    "«", "»", "mercredi", "15", "et", "16", "septembre", "trois", "ambulances", "\n\n", "\n", "(OD)", "Plus",
    "domestique.Consternant", "\u00a0", "n’a", "s’est", "a-t-il", "déclaré", "?", "said", "percent", "%",
])
NEWSY = st.lists(WORDS, min_size=0, max_size=60).map(" ".join)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=300))
def test_it_never_raises_and_keeps_offsets_on_any_unicode(text: str) -> None:
    result = extract_claims(text, language="fr")
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.quote
        assert claim.quote.strip() == claim.quote and claim.quote


@FAST
@given(NEWSY)
def test_it_keeps_offsets_on_newsy_text(text: str) -> None:
    result = extract_claims(text, language="fr")
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.quote
        for item in [*claim.quantities, *claim.dates, *claim.entities]:
            assert text[item["start"] : item["end"]] == item["text"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_it_is_deterministic(text: str) -> None:
    first = [candidate_dict(c) for c in extract_claims(text, language="fr").claims]
    second = [candidate_dict(c) for c in extract_claims(text, language="fr").claims]
    assert first == second


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_normalisation_maps_every_span_inside_the_original(text: str) -> None:
    norm = normalise(text)
    for start in range(0, len(norm.text) + 1, 7):
        for end in (start, min(len(norm.text), start + 5)):
            o_start, o_end = norm.to_original(start, end)
            assert 0 <= o_start <= o_end <= len(text)
