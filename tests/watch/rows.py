"""Alert rows for API, UI and browser tests (the matching itself is tested in test_alerts.py)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from claims.models import Alert, Source
from tests.factories import ArticleFactory, ClaimFactory, PriorFactCheckFactory


def make_alerts(count: int, *, source: Source | None = None, tier: str = "strong", state: str = "new",
                minutes_apart: int = 1) -> list[Alert]:
    """`count` alerts, one claim and one prior fact-check each, created `minutes_apart` apart (newest last)."""
    source = source or Source.objects.create(url=f"https://news{Source.objects.count()}.example.org/rss",
                                             name="Le Quotidien")
    alerts = []
    now = timezone.now()
    for n in range(count):
        article = ArticleFactory(url=f"https://news.example.org/{source.pk}/{n}-{tier}-{state}")
        claim = ClaimFactory(article=article)
        prior = PriorFactCheckFactory(rating_text="Plutôt faux", publisher="Vérif")
        alert = Alert.objects.create(claim=claim, source=source, prior_factcheck=prior, score=0.9, tier=tier,
                                     state=state)
        Alert.objects.filter(pk=alert.pk).update(created_at=now - timedelta(minutes=minutes_apart * (count - n)))
        alerts.append(alert)
    return alerts

