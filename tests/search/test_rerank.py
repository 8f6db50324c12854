"""Re-ranking and tiers (pure: no database)."""

from __future__ import annotations

import json

from claims.search.forms import prior_form, query_form
from claims.search.rerank import FEATURES, MODEL_PATH, Candidate, Model, features, load_model, rank


def model(strong: float = 0.8, possible: float = 0.2) -> Model:
    # A ranker that only looks at BM25 relative to the best candidate: enough to test the tier rules.
    weights = tuple(6.0 if name == "bm25_rel" else 0.0 for name in FEATURES)
    return Model(weights=weights, bias=-3.0, mean=(0.0,) * len(FEATURES), scale=(1.0,) * len(FEATURES),
                 strong=strong, possible=possible, provenance={})


def candidates(query_text: str, texts: list[str], bm25s: list[float]) -> list[Candidate]:
    query = query_form(text=query_text, language="fr")
    found = [Candidate(key=("prior_factcheck", i), form=prior_form(claim=t, language="fr"), bm25=b)
             for i, (t, b) in enumerate(zip(texts, bm25s, strict=True))]
    idf = {t: 1.0 for t in query.claim}
    features(query, set(query.claim), found, idf, 10.0, 1.0)
    return found


KAZAKH = "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine"


def test_a_figure_that_disagrees_is_demoted_to_possible_never_strong_and_never_dropped():
    found = rank(candidates(KAZAKH, [KAZAKH.replace("40", "400"), KAZAKH], [10.0, 9.5]), model())
    by_id = {c.key[1]: c for c in found}
    assert by_id[1].tier == "strong"
    assert by_id[0].numbers_conflict and by_id[0].tier == "possible"


def test_a_different_name_is_not_strong():
    found = rank(candidates(KAZAKH, [KAZAKH.replace("Kazakhstan", "Ouzbékistan")], [10.0]), model())
    assert found[0].names_conflict and found[0].tier == "possible"


def test_weak_candidates_are_related_and_ranked_last():
    found = rank(candidates(KAZAKH, [KAZAKH, "Le gouvernement a envoyé des courriers"], [10.0, 1.0]), model())
    assert [c.tier for c in found] == ["strong", "related"]
    assert found[0].probability > found[1].probability


def test_same_claim_in_english_shares_names_and_figures():
    query = query_form(text=KAZAKH, language="fr")
    english = prior_form(claim="Kazakhstan sent 40 tons of humanitarian aid to Ukraine", language="en")
    assert {"kazakhstan"} <= set(query.entities) & set(english.entities)
    assert [40.0, "tonne"] in english.quantities and [40.0, "tonne"] in query.quantities


def test_the_shipped_model_matches_the_features_and_says_where_it_comes_from():
    data = json.loads(MODEL_PATH.read_text())
    assert data["features"] == list(FEATURES)
    assert "train_matching" in data["provenance"]["command"]
    models = load_model()
    assert set(models) == {"dense", "lexical"}
    for part in models.values():
        assert 0 < part.possible <= part.strong < 1
