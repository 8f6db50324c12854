"""Every reviewer page in every state worth seeing, with the data that fills it: the French walk
(tests/review/test_french_walk.py) and the accessibility run (tests/browser/test_accessibility.py)
visit the same list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from claims.models import AuditEvent, Comment, Evidence, EvidenceRun
from claims.services.workflow import claim_assign, claim_transition, claim_update, verdict_save
from tests.factories import ArticleFactory, ClaimFactory, rating
from tests.watch.rows import make_alerts


@dataclass(frozen=True)
class Visit:
    who: str  # "reviewer" or "editor"
    path: str
    name: str
    status: int = 200


def structured(claim: Any, actor: Any) -> Any:
    return claim_update(claim=claim, actor=actor, changes={
        "entities": [{"text": "Kazakhstan", "start": 3, "end": 13, "label": "LOC"}, "Ukraine"],
        "quantities": [{"text": "près de 40 tonnes", "start": 20, "end": 37, "value": 40, "unit": "tonnes",
                        "approx": True, "qualifier": "approx", "low": 38, "high": 42}],
        "dates": [{"text": "mercredi", "start": 40, "end": 48, "type": "weekday", "value": "2026-02-04"},
                  {"text": "le 15", "start": 50, "end": 55, "type": "date"}],
    })


def build(reviewer: Any, editor: Any, second_editor: Any) -> list[Visit]:
    """The pages and the rows behind them; `reviewer` writes verdicts that `editor` approves."""
    article = ArticleFactory(title="Aide humanitaire : le Kazakhstan affirme avoir envoyé 40 tonnes de vivres et de "
                                   "médicaments vers l'Ukraine depuis le début de l'année, selon le ministère")
    new = ClaimFactory(article=article, checkworthiness=0.91,
                       checkworthiness_reasons=["contains a quantity", "attributed to a named source", "in the lead",
                                                "scored by model.joblib"])
    structured(new, reviewer)
    Evidence.objects.create(claim=new, provider="library", url="https://example.org/rapport",
                            title="Rapport du ministère", excerpt="38 tonnes ont été livrées.", relevance=0.8,
                            stance="refutes", stance_by=reviewer, match_tier="possible")
    Evidence.objects.create(claim=new, provider="prior_factchecks", url="https://example.org/verif",
                            title="Vérification précédente", relevance=0.9, match_tier="strong")
    EvidenceRun.objects.create(claim=new, provider="library", status="done", found_count=1, attempts=1)
    EvidenceRun.objects.create(claim=new, provider="url_snapshot", status="failed", attempts=3,
                               error="The server answered 503 while fetching https://example.org/une/tres/longue/"
                                     "adresse/qui/ne/doit/pas/deborder/de/sa/carte")
    Comment.objects.create(claim=new, author=reviewer, body="Appeler le ministère")
    claim_assign(claim=new, assignee=reviewer, actor=reviewer)

    in_review = ClaimFactory(article=article, checkworthiness=0.7, status="selected")
    claim_transition(claim=in_review, to="in_progress", actor=reviewer)
    verdict_save(claim=in_review, actor=reviewer, rating=rating("mostly-false"), summary="40 tonnes envoyées",
                 explanation="Le ministère compte 38 tonnes livrées.", sources=["https://example.org/source"])
    claim_transition(claim=in_review, to="in_review", actor=reviewer)
    Evidence.objects.create(claim=in_review, provider="library", url="https://example.org/r2", title="Bilan",
                            stance="supports", stance_by=reviewer)

    published = ClaimFactory(article=article, checkworthiness=0.6, status="selected")
    claim_transition(claim=published, to="in_progress", actor=reviewer)
    verdict_save(claim=published, actor=reviewer, rating=rating("false"), summary="Aucune aide envoyée",
                 explanation="Aucune trace.", sources=["https://example.org/a", "https://example.org/b"])
    claim_transition(claim=published, to="in_review", actor=reviewer)
    claim_transition(claim=published, to="published", actor=editor)
    published.verdicts.filter(status="published").update(public_url="https://verif.example.org/kazakhstan")

    progress = ClaimFactory(article=article, checkworthiness=0.5, status="selected")
    claim_transition(claim=progress, to="in_progress", actor=reviewer)
    verdict_save(claim=progress, actor=reviewer, rating=rating("half-true"), summary="Brouillon")
    claim_transition(claim=ClaimFactory(article=article, checkworthiness=0.3), to="dismissed", actor=reviewer,
                     comment="Opinion")
    AuditEvent.objects.filter(claim=new).update(created_at=timezone.now())
    make_alerts(2)
    make_alerts(1, tier="possible")
    del second_editor  # an editor who wrote nothing: the approve button is theirs (see the flows test)
    claim_pages = [(new, "new"), (in_review, "in-review"), (published, "published"), (progress, "in-progress")]
    return [
        Visit("reviewer", "/review/", "queue"),
        Visit("reviewer", "/review/?status=all&since=2020-01-01", "queue-all"),
        Visit("reviewer", f"/review/articles/{article.pk}/", "article"),
        *[Visit("reviewer", f"/review/claims/{c.pk}/", f"claim-{name}") for c, name in claim_pages],
        Visit("editor", f"/review/claims/{in_review.pk}/", "claim-in-review-editor"),
        Visit("editor", f"/review/claims/{published.pk}/", "claim-published-editor"),
        Visit("editor", "/review/awaiting/", "awaiting"),
        Visit("reviewer", "/review/stats/", "stats"),
        Visit("reviewer", "/review/alerts/", "alerts"),
        Visit("reviewer", "/review/alerts/?tab=possible", "alerts-possible"),
        Visit("reviewer", "/review/claims/999999/", "claim-404", 404),
        Visit("reviewer", "/review/awaiting/", "awaiting-403", 403),
        Visit("reviewer", "/accounts/password/", "password"),
    ]
