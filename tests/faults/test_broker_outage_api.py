"""The broker is down while a newsroom tool submits articles through the API: every submission
is accepted (202) and stored; extraction happens when the broker is back, exactly once."""

from __future__ import annotations

import pytest

from claims.models import Article, AuditEvent, Claim
from claims.services.api_keys import api_client_create
from claims.services.extraction_sweep import extraction_sweep
from factcheck.celery import app
from tests.workers import broker_at, celery_worker, purge, wait_for, waiting_messages

TEXTS = [
    f"La commune a inauguré {n} logements sociaux en 2024, a annoncé le maire lors du conseil municipal. "
    f"Selon la préfecture, {n * 3} familles attendent encore un logement dans le département."
    for n in (120, 245, 380)
]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_articles_posted_while_the_broker_is_down_are_kept_and_extracted_later(postgres, broker_url, editor_key,
                                                                               settings):
    from rest_framework.test import APIClient

    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {editor_key}")
    purge(["extract"])

    with broker_at("redis://127.0.0.1:1/0"):
        responses = [client.post("/api/v1/articles/", {"text": text, "language": "fr"}, format="json")
                     for text in TEXTS]
    assert [r.status_code for r in responses] == [202, 202, 202], [r.content for r in responses]
    assert waiting_messages("extract") == 0  # nothing reached the broker: only the sweeper can start them
    ids = [r.json()["id"] for r in responses]
    assert set(Article.objects.filter(pk__in=ids).values_list("extraction_status", flat=True)) == {"queued"}

    with celery_worker(["extract"], name="api-outage"):
        assert extraction_sweep(min_age_seconds=0) == 3
        wait_for(lambda: Article.objects.filter(pk__in=ids, extraction_status="done").count() == 3, timeout=180,
                 what="the three articles to be extracted")
    per_article = {pk: list(Claim.objects.filter(article_id=pk).values_list("start", "end")) for pk in ids}
    assert all(per_article.values())
    assert all(len(set(spans)) == len(spans) for spans in per_article.values())
    assert AuditEvent.objects.filter(action="article.extract", object_id__in=ids).count() == 3


@pytest.fixture
def editor_key(erin) -> str:
    return api_client_create(name="outage", scopes=["read", "write"], user=erin)[1]
