"""Matching a text against prior fact-checks and published verdicts (runs on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone

from claims.search import match_claim, match_text, recall, search_passages
from claims.search.backends import PostgresBackend, anchored_tsquery, query_terms, tsquery_source
from claims.search.text import analyse
from claims.services.library import library_document_add
from tests.factories import ClaimFactory, PriorFactCheckFactory, VerdictFactory

pytestmark = pytest.mark.django_db

KAZAKH = "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine"


@pytest.fixture
def priors(db):
    rows = {
        "same": PriorFactCheckFactory(claim_reviewed=KAZAKH, url="https://fc.example.org/same"),
        "figure": PriorFactCheckFactory(
            claim_reviewed="Le Kazakhstan a envoyé 400 tonnes d'aide humanitaire à l'Ukraine",
            url="https://fc.example.org/figure"),
        "country": PriorFactCheckFactory(
            claim_reviewed="L'Ouzbékistan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine",
            url="https://fc.example.org/country"),
        "english": PriorFactCheckFactory(
            claim_reviewed="Kazakhstan sent 40 tons of humanitarian aid to Ukraine", language="en",
            rating_text="True", url="https://fc.example.org/english", publisher="Checker EN"),
        "other": PriorFactCheckFactory(
            claim_reviewed="Le coronavirus n'est qu'un gros rhume monté en épingle",
            url="https://fc.example.org/other"),
    }
    # Noise that shares single common words: never a candidate on its own.
    for n in range(30):
        PriorFactCheckFactory(claim_reviewed=f"Le gouvernement a envoyé {n} courriers aux maires", language="fr")
    return rows


def tiers(matches):
    return {m.url: m.tier for m in matches}


def test_it_finds_a_paraphrase_as_a_strong_match(priors):
    matches = match_text(text="L'Ukraine a reçu 40 tonnes d'aide humanitaire envoyées par le Kazakhstan", language="fr")

    assert matches[0].url == "https://fc.example.org/same"
    assert matches[0].tier == "strong" and 0 < matches[0].score <= 1
    assert (matches[0].kind, matches[0].rating, matches[0].publisher) == ("prior_factcheck", "Vrai", "Checker")


def test_it_finds_the_english_fact_check_of_a_french_claim(priors):
    found = tiers(match_text(text=KAZAKH, language="fr"))
    assert found["https://fc.example.org/english"] in ("strong", "possible")


def test_it_never_strongly_matches_a_different_figure(priors):
    found = tiers(match_text(text=KAZAKH))
    assert found["https://fc.example.org/same"] == "strong"
    assert found["https://fc.example.org/figure"] == "possible"


def test_it_never_strongly_matches_a_different_country(priors):
    found = tiers(match_text(text=KAZAKH))
    assert found["https://fc.example.org/country"] == "possible"


def test_it_leaves_out_fact_checks_sharing_no_word_and_ranks_loose_ones_last_as_related(priors):
    matches = match_text(text=KAZAKH, limit=50)
    assert "https://fc.example.org/other" not in tiers(matches)
    loose = [m for m in matches if "courriers" in m.claim_reviewed]
    assert loose and all(m.tier == "related" for m in loose)
    close = [i for i, m in enumerate(matches) if m.url.startswith("https://fc.example.org/")]
    assert max(close) < min(i for i, m in enumerate(matches) if "courriers" in m.claim_reviewed)
    assert match_text(text="le la les de") == []
    assert match_text(text="") == []


def test_it_always_returns_the_best_candidates_up_to_the_limit(priors):
    assert len(match_text(text=KAZAKH, limit=10)) == 10
    assert len(match_text(text="Le gouvernement a envoyé des courriers", limit=5)) == 5


def test_it_filters_by_tier(priors):
    strong = match_text(text=KAZAKH, limit=50, tiers={"strong"})
    assert strong and {m.tier for m in strong} == {"strong"}
    assert [m.url for m in strong] == [m.url for m in match_text(text=KAZAKH, limit=50) if m.tier == "strong"]


def test_it_demotes_a_conflicting_figure_without_dropping_it(priors):
    matches = match_text(text=KAZAKH, limit=50)
    figure = next(m for m in matches if m.url == "https://fc.example.org/figure")
    same = next(m for m in matches if m.url == "https://fc.example.org/same")
    assert figure.numbers_conflict and not same.numbers_conflict
    assert figure.tier == "possible" and matches.index(same) < matches.index(figure)


def test_it_lists_strong_matches_first_and_respects_the_limit(priors):
    matches = match_text(text=KAZAKH, limit=2)
    assert len(matches) == 2
    assert matches[0].tier == "strong"
    assert [m.score for m in matches if m.tier == "possible"] == sorted(
        [m.score for m in matches if m.tier == "possible"], reverse=True)


def test_it_matches_published_verdicts_but_not_drafts(priors):
    published = VerdictFactory(
        claim=ClaimFactory(status="published", text=KAZAKH), status="published", published_at=timezone.now(),
        public_url="https://factcheck.example.org/claims/1/")
    VerdictFactory(claim=ClaimFactory(text=KAZAKH), summary="Le Kazakhstan a envoyé 40 tonnes d'aide à l'Ukraine")

    verdicts = [m for m in match_text(text=KAZAKH) if m.kind == "verdict"]

    assert [(m.id, m.url, m.rating, m.publisher) for m in verdicts] == [
        (published.pk, "https://factcheck.example.org/claims/1/", "Plutôt vrai", "Newsroom Fact Check")
    ]
    assert verdicts[0].tier == "strong" and verdicts[0].claim_id == published.claim_id


def test_it_finds_our_verdict_when_no_prior_fact_check_shares_its_words():
    # An empty (or unrelated) ClaimReview collection gives the words no document frequency: the
    # newsroom's own verdict must still be found, and as the same claim.
    published = VerdictFactory(
        claim=ClaimFactory(status="published", text=KAZAKH), status="published", published_at=timezone.now(),
        public_url="https://factcheck.example.org/claims/1/")

    matches = match_text(text=KAZAKH)

    assert [(m.kind, m.id, m.tier) for m in matches] == [("verdict", published.pk, "strong")]


def test_it_does_not_match_a_claim_with_its_own_verdict(priors):
    claim = ClaimFactory(status="published", text=KAZAKH,
                         entities=[{"text": "Kazakhstan"}], quantities=[{"text": "40 tonnes", "value": 40}])
    VerdictFactory(claim=claim, status="published", published_at=timezone.now(), public_url="https://x.example/1")

    matches = match_claim(claim=claim)

    assert all(m.kind == "prior_factcheck" for m in matches)
    assert matches[0].url == "https://fc.example.org/same"


def test_it_matches_with_a_constant_number_of_queries(priors, django_assert_max_num_queries):
    # Collection statistics (cached per process), document frequencies, BM25 top N with the rows,
    # published verdicts: never one query per candidate, however long the text.
    with django_assert_max_num_queries(4):
        match_text(text=KAZAKH)
    with django_assert_max_num_queries(4):
        match_text(text=KAZAKH + " " + " ".join(f"mot{n}" for n in range(500)))


def test_it_finds_library_passages(db):
    library_document_add(
        title="Bilan annuel", language="fr",
        text="Introduction générale du rapport sur l'agriculture.\n\n"
             "En 2023, la France a exporté 32 millions de tonnes de blé, selon FranceAgriMer.\n\n"
             "Annexe : méthodologie et sources.",
    )
    [passage, *_] = search_passages(text="La France a exporté 32 millions de tonnes de blé en 2023", language="fr")
    assert "32 millions de tonnes de blé" in passage.text and passage.title == "Bilan annuel"


def test_it_picks_names_and_figures_first_as_query_terms():
    terms = query_terms(analyse(KAZAKH))
    assert terms[:2] == ["kazakhstan", "ukraine"] and "40" in terms


def explain(sql: str, params: list) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # tiny test tables: make the planner show index use
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_it_reads_postings_through_their_index_on_postgresql(postgres, priors):
    library_document_add(title="Communiqué", language="fr", text=KAZAKH + ".\n\nDes médicaments ont été livrés.")
    backend = PostgresBackend()
    tsquery = backend._tsquery(analyse(KAZAKH), "claims_priorfactcheck")

    terms = ["kazakhstan", "40", "ukrain"]
    plan = explain("SELECT term, COUNT(*) FROM claims_priorterm WHERE term IN (%s, %s, %s) GROUP BY term", terms)
    assert "prior_term_idx" in plan
    values = ", ".join("(CAST(%s AS VARCHAR(64)), CAST(%s AS DOUBLE PRECISION))" for _ in terms)
    top = recall.TOP_SQL.format(values=values, placeholders="%s, %s, %s")
    params = [x for t in terms for x in (t, 1.0)] + [0.3, 0.1, *terms, 50]
    assert "prior_term_idx" in explain(top, params)
    assert "passage_search_vector_idx" in explain(backend.PASSAGE_SQL, {"q": tsquery, "limit": 50})


def test_a_short_misspelt_text_is_found_by_trigrams_on_postgresql(postgres, priors):
    # No term in common with any row: only trigram similarity can find the Kazakhstan family.
    matches = match_text(text="Kazakstann tonnnes humanitair Ukrane", limit=3)
    assert "https://fc.example.org/same" in [m.url for m in matches]


def test_library_passages_anchor_every_branch_of_the_query_on_a_rare_word():
    groups = [{"photo"}, {"montr", "montre"}, {"kazakhstan"}, {"40"}]
    frequencies = {"photo": 0.2, "montr": 0.1, "montre": 0.05, "40": 0.01}
    query = anchored_tsquery(groups, frequencies, rows=1000, anchors=2)
    branches = query.split(" | ((")
    assert len(branches) == 2
    assert query.startswith("(('kazakhstan') & ") and "(('40') & " in query
    strict = anchored_tsquery(groups, frequencies, rows=1_000_000)
    assert strict.count(" & ") == 2 * 6


def test_the_verdict_candidate_rule_needs_two_shared_words():
    assert tsquery_source(["a", "b", "c"]) == "('a' & 'b') | ('a' & 'c') | ('b' & 'c')"
