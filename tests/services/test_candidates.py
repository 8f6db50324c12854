"""Recoverable candidates: stored with the extraction, pulled up through the manual-claim service."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import Article, AuditEvent, Claim
from claims.services.candidates import article_candidates, candidate_pull_up, candidates_match
from claims.services.errors import InvalidInput, NotAllowed
from claims.services.ingest import article_ingest
from tests.factories import PriorFactCheckFactory

pytestmark = pytest.mark.django_db

ARTICLE = """Inondations : la Seine sous surveillance

La Seine a atteint 5,84 mètres mardi au pont d'Austerlitz, selon Vigicrues. Plus de 1.500 personnes ont été évacuées dans le Val-de-Marne. Le préfet Laurent Nuñez a fermé 40 écoles mercredi. La RATP a fermé six stations du RER C. Les pompiers sont intervenus 800 fois en deux jours. Il faudra rester prudent ce week-end. Les visiteurs sont invités à éviter les quais. Le niveau devrait baisser à partir de vendredi. Un concert de soutien aura lieu samedi à 20 heures. Découvrez notre sélection de bottes de pluie. Le musée du Louvre a fermé ses réserves dimanche. La maire Anne Hidalgo a promis 2 millions d'euros d'aide aux commerçants.
"""


@pytest.fixture
def extracted(eager_tasks: None, django_capture_on_commit_callbacks: Any) -> Article:
    with django_capture_on_commit_callbacks(execute=True):
        article_ingest(text=ARTICLE, language="fr", published_at="2018-01-30")
    article = Article.objects.get()
    assert article.extraction_status == "done"
    return article


def test_it_keeps_a_short_list_and_stores_the_other_candidates_on_the_article(postgres: None, extracted: Article) -> None:
    claims = list(extracted.claims.all())
    assert 1 <= len(claims) <= 0.4 * 12
    stored = extracted.extraction_candidates
    assert stored, "the candidates below the short list are kept"
    spans = {(c.start, c.end) for c in claims}
    for cand in stored:
        assert (cand["start"], cand["end"]) not in spans
        assert extracted.text[cand["start"] : cand["end"]] == cand["quote"]
    texts = " ".join(c.text for c in claims)
    assert "Découvrez" not in texts and "Il faudra" not in texts


def test_a_reviewer_pulls_a_candidate_up_with_its_fields_and_it_leaves_the_list(
    postgres: None, extracted: Article, alice: Any
) -> None:
    cand = next(c for c in article_candidates(extracted) if c["quantities"] or c["claimant"])
    claim = candidate_pull_up(article=extracted, start=cand["start"], end=cand["end"], actor=alice)
    claim.refresh_from_db()
    assert (claim.article_id, claim.start, claim.end, claim.quote) == (extracted.pk, cand["start"], cand["end"],
                                                                       cand["quote"])
    assert claim.text == cand["text"]
    assert claim.quantities == cand["quantities"] and claim.claimant == cand["claimant"]
    assert claim.checkworthiness == cand["checkworthiness"]
    assert claim.checkworthiness_reasons[-1] == "pulled up by a reviewer"
    assert claim.created_by == alice and claim.touched
    extracted.refresh_from_db()
    assert all((c["start"], c["end"]) != (cand["start"], cand["end"]) for c in extracted.extraction_candidates)
    assert AuditEvent.objects.filter(action="claim.pull_up", claim_id=claim.pk).count() == 1
    assert AuditEvent.objects.filter(action="claim.create", claim_id=claim.pk).count() == 1
    with pytest.raises(InvalidInput) as exc:
        candidate_pull_up(article=extracted, start=cand["start"], end=cand["end"], actor=alice)
    assert exc.value.code == "unknown_candidate"


def test_only_reviewers_pull_up_and_a_refusal_writes_nothing(postgres: None, extracted: Article, charlie: Any) -> None:
    cand = extracted.extraction_candidates[0]
    before = Claim.objects.count()
    with pytest.raises(NotAllowed):
        candidate_pull_up(article=extracted, start=cand["start"], end=cand["end"], actor=charlie)
    assert Claim.objects.count() == before
    extracted.refresh_from_db()
    assert cand in extracted.extraction_candidates


def test_a_candidate_someone_already_made_a_claim_is_refused(postgres: None, extracted: Article, alice: Any) -> None:
    from claims.services.review_actions import claim_create_from_selection

    cand = extracted.extraction_candidates[0]
    claim_create_from_selection(article=extracted, start=cand["start"], end=cand["end"], quote=cand["quote"],
                                actor=alice)
    assert all((c["start"], c["end"]) != (cand["start"], cand["end"]) for c in article_candidates(extracted))
    with pytest.raises(InvalidInput) as exc:
        candidate_pull_up(article=extracted, start=cand["start"], end=cand["end"], actor=alice)
    assert exc.value.code == "already_claimed"


def _candidate_with_a_figure(settings: Any, eager: Any, capture: Any) -> dict[str, Any]:
    """Extract ARTICLE once without automatic evidence and return a candidate the short list left out."""
    settings.FACTCHECK_AUTO_EVIDENCE = False
    with capture(execute=True):
        article = article_ingest(text=ARTICLE, language="fr", published_at="2018-01-30").article
    article.refresh_from_db()
    assert article.candidates_matched  # nothing to match without automatic evidence
    cand = next(c for c in article.extraction_candidates if c["quantities"])
    article.delete()
    return cand


def _fact_checked(cand: dict[str, Any], settings: Any) -> None:
    """A prior fact-check of the candidate's claim, and automatic evidence that matches against it."""
    PriorFactCheckFactory(claim_reviewed=cand["text"], url="https://checker.example.org/fc/repeat")
    settings.FACTCHECK_AUTO_EVIDENCE = True
    settings.FACTCHECK_EVIDENCE_PROVIDERS = ["prior_factchecks"]


def test_a_candidate_repeating_a_fact_checked_claim_becomes_a_claim_and_raises_its_alert(
    postgres: None, eager_tasks: None, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from claims.models import Alert

    cand = _candidate_with_a_figure(settings, eager_tasks, django_capture_on_commit_callbacks)
    _fact_checked(cand, settings)
    with django_capture_on_commit_callbacks(execute=True):
        article = article_ingest(text=ARTICLE, language="fr", published_at="2018-01-30").article
    article.refresh_from_db()
    promoted = Claim.objects.get(article=article, start=cand["start"], end=cand["end"])
    assert promoted.created_by is None and promoted.text == cand["text"]
    assert promoted.checkworthiness_reasons[-1] == "repeats a claim already fact-checked"
    assert article.candidates_matched
    assert all((c["start"], c["end"]) != (cand["start"], cand["end"]) for c in article.extraction_candidates)
    assert AuditEvent.objects.filter(action="claim.promote_repeated", claim_id=promoted.pk).count() == 1
    alert = Alert.objects.get(claim=promoted, tier="strong")
    assert alert.prior_factcheck.url == "https://checker.example.org/fc/repeat"
    # Only the repeated candidate was promoted, and running the job again changes nothing.
    assert Claim.objects.filter(article=article, created_by__isnull=True).count() == article.claims.count()
    before = article.claims.count()
    assert candidates_match(article_id=article.pk) == []
    assert article.claims.count() == before


def test_candidates_left_unmatched_by_an_outage_are_swept_up(
    postgres: None, eager_tasks: None, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from claims.services.evidence import evidence_sweep

    cand = _candidate_with_a_figure(settings, eager_tasks, django_capture_on_commit_callbacks)
    _fact_checked(cand, settings)
    # The extraction commits, but its message to match the candidates never leaves (no callbacks run).
    with django_capture_on_commit_callbacks(execute=False):
        article = article_ingest(text=ARTICLE, language="fr", published_at="2018-01-30").article
    from claims.services.extraction_job import article_extract

    with django_capture_on_commit_callbacks(execute=False):
        article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert not article.candidates_matched
    assert not Claim.objects.filter(article=article, start=cand["start"]).exists()
    Article.objects.filter(pk=article.pk).update(extracted_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        counts = evidence_sweep()
    assert counts["candidates"] == 1
    assert Claim.objects.filter(article=article, start=cand["start"], end=cand["end"]).exists()
    article.refresh_from_db()
    assert article.candidates_matched
