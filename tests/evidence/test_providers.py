"""Network providers against loopback servers that speak the real APIs (never the internet)."""

from __future__ import annotations

import pytest

from claims.evidence import ProviderError, build_query, enabled_providers, get_provider
from tests.evidence.apis import (
    FACTCHECK_TOOLS_ANSWER,
    factcheck_tools_api,
    failing,
    json_response,
    mediawiki_api,
    slow,
)
from tests.loopback import html, loopback_server

pytestmark = pytest.mark.django_db


def test_it_builds_queries_from_entities_figures_and_content_words(kazakh_claim):
    query = build_query(kazakh_claim)

    assert query.split()[:2] == ["Kazakhstan", "Ukraine"]
    assert "40 tonnes" in query
    assert "humanitaire" in query
    assert " a " not in f" {query} " and "l'" not in query


def test_it_keeps_network_providers_off_unless_asked(settings):
    settings.FACTCHECK_NETWORK_PROVIDERS = False
    assert enabled_providers() == ["prior_factchecks", "library"]
    settings.FACTCHECK_NETWORK_PROVIDERS = True
    assert enabled_providers() == ["prior_factchecks", "library", "mediawiki", "factcheck_tools"]


def test_it_finds_wikipedia_pages_with_search_then_extracts(network, kazakh_claim):
    holder = {}
    with loopback_server({"/w/api.php": mediawiki_api(lambda: holder["base"])}) as server:
        holder["base"] = server.base_url
        network.FACTCHECK_MEDIAWIKI_ENDPOINTS = {"fr": server.url("/w/api.php")}
        candidates = get_provider("mediawiki").search(kazakh_claim)

    search, extracts = server.requests[0]["query"], server.requests[1]["query"]
    assert search["list"] == "search" and "Kazakhstan" in search["srsearch"]
    assert extracts["prop"] == "extracts|info" and extracts["pageids"] == "1841|77"
    assert [c.title for c in candidates] == ["Relations entre le Kazakhstan et l'Ukraine", "Kazakhstan"]
    best = candidates[0]
    assert best.url == f"{server.base_url}/wiki/Relations_entre_le_Kazakhstan_et_l'Ukraine"
    assert "40 tonnes d'aide humanitaire" in best.excerpt
    assert best.relevance > candidates[1].relevance


def test_it_maps_fact_check_tools_reviews_to_evidence_and_priors(network, kazakh_claim):
    with loopback_server({"/v1alpha1/claims:search": factcheck_tools_api()}) as server:
        network.FACTCHECK_TOOLS_ENDPOINT = server.url("/v1alpha1/claims:search")
        candidates = get_provider("factcheck_tools").search(kazakh_claim)

    sent = server.requests[0]["query"]
    assert sent["key"] == "test-key" and sent["languageCode"] == "fr" and "Kazakhstan" in sent["query"]
    by_url = {c.url: c for c in candidates}
    same = by_url["https://factuel.afp.com/doc.afp.com.KAZ40"]
    assert same.publisher == "AFP Factuel" and same.excerpt.startswith("Vrai: ")
    assert same.match_tier == "strong"
    assert same.prior["claim_reviewed"] == FACTCHECK_TOOLS_ANSWER["claims"][0]["text"]
    assert same.prior["claimant"] == "Ministère kazakh des Affaires étrangères"
    assert same.published_at.isoformat() == "2022-03-04T09:00:00+00:00"
    # 400 tonnes is not the claim about 40 tonnes: at most a possible match.
    assert by_url["https://lessurligneurs.eu/kazakhstan-armes"].match_tier != "strong"


def test_it_reports_an_invalid_api_key_as_a_permanent_failure(network, kazakh_claim):
    with loopback_server({"/search": factcheck_tools_api(key="another-key")}) as server:
        network.FACTCHECK_TOOLS_ENDPOINT = server.url("/search")
        with pytest.raises(ProviderError) as failure:
            get_provider("factcheck_tools").search(kazakh_claim)
    assert failure.value.retryable is False
    assert "400" in failure.value.message


def test_it_refuses_to_run_fact_check_tools_without_a_key(network, kazakh_claim):
    network.FACTCHECK_TOOLS_API_KEY = ""
    with pytest.raises(ProviderError, match="FACTCHECK_TOOLS_API_KEY"):
        get_provider("factcheck_tools").search(kazakh_claim)


def test_it_marks_429_with_retry_after_as_retryable(network, kazakh_claim):
    with loopback_server({"/w/api.php": failing(429, retry_after="7")}) as server:
        network.FACTCHECK_MEDIAWIKI_ENDPOINTS = {"fr": server.url("/w/api.php")}
        with pytest.raises(ProviderError) as failure:
            get_provider("mediawiki").search(kazakh_claim)
    assert failure.value.retryable is True
    assert failure.value.retry_after == 7.0


def test_it_marks_server_errors_as_retryable(network, kazakh_claim):
    with loopback_server({"/w/api.php": failing(503)}) as server:
        network.FACTCHECK_MEDIAWIKI_ENDPOINTS = {"fr": server.url("/w/api.php")}
        with pytest.raises(ProviderError) as failure:
            get_provider("mediawiki").search(kazakh_claim)
    assert failure.value.retryable is True and "503" in failure.value.message


def test_it_gives_up_on_slow_answers_after_the_provider_timeout(network, kazakh_claim):
    network.FACTCHECK_PROVIDER_TIMEOUTS = {"mediawiki": 0.5}
    holder = {}
    with loopback_server({"/w/api.php": slow(mediawiki_api(lambda: holder["base"]), 3)}) as server:
        holder["base"] = server.base_url
        network.FACTCHECK_MEDIAWIKI_ENDPOINTS = {"fr": server.url("/w/api.php")}
        with pytest.raises(ProviderError) as failure:
            get_provider("mediawiki").search(kazakh_claim)
    assert failure.value.retryable is True
    assert "Timed out" in failure.value.message


def test_it_refuses_oversized_api_answers(network, kazakh_claim):
    huge = {"claims": [{"text": "x" * 1000, "claimReview": []}] * 3000}
    with loopback_server({"/search": lambda request: json_response(huge)}) as server:
        network.FACTCHECK_TOOLS_ENDPOINT = server.url("/search")
        with pytest.raises(ProviderError) as failure:
            get_provider("factcheck_tools").search(kazakh_claim)
    assert "larger than" in failure.value.message and failure.value.retryable is False


def test_it_snapshots_a_page_with_title_text_hash_and_excerpt(network, kazakh_claim):
    page = """<html><head><title>Aide humanitaire : le Kazakhstan livre l'Ukraine</title></head><body>
      <nav>Accueil | Monde | Économie</nav>
      <article><h1>Aide humanitaire : le Kazakhstan livre l'Ukraine</h1>
      <p>Astana a annoncé mercredi un nouvel envoi vers Kiev, le troisième depuis le début du conflit.</p>
      <p>Selon le ministère des Affaires étrangères, le Kazakhstan a envoyé 40 tonnes d'aide humanitaire
      à l'Ukraine, essentiellement des médicaments et de la nourriture.</p>
      <p>Les convois passent par la Pologne, précise le communiqué publié en fin de journée.</p></article>
      <footer>© Journal</footer></body></html>"""
    with loopback_server({"/article": html(page)}) as server:
        candidates = get_provider("url_snapshot").search(kazakh_claim, options={"url": server.url("/article")})

    [snapshot] = candidates
    assert snapshot.url == server.url("/article")
    assert snapshot.title == "Aide humanitaire : le Kazakhstan livre l'Ukraine"
    assert "40 tonnes d'aide humanitaire" in snapshot.excerpt
    assert "Accueil | Monde" not in snapshot.excerpt
    assert len(snapshot.content_hash) == 64
    assert snapshot.publisher == "127.0.0.1"


def test_it_refuses_a_redirect_to_a_private_address(network, kazakh_claim):
    redirect = lambda request: (302, {"Location": "http://10.20.30.40/admin"}, b"")  # noqa: E731
    with loopback_server({"/moved": redirect}) as server:
        with pytest.raises(ProviderError) as failure:
            get_provider("url_snapshot").search(kazakh_claim, options={"url": server.url("/moved")})
    assert "private" in failure.value.message and failure.value.retryable is False
    assert len(server.requests) == 1


def test_it_refuses_pages_over_the_size_cap(network, kazakh_claim):
    network.FACTCHECK_FETCH_MAX_BYTES = 20_000
    with loopback_server({"/big": html("<p>" + "bla " * 20_000 + "</p>")}) as server:
        with pytest.raises(ProviderError, match="larger than 20000 bytes"):
            get_provider("url_snapshot").search(kazakh_claim, options={"url": server.url("/big")})
