"""Faults around extraction, with real processes: a broker that is down when articles arrive,
and a worker killed with SIGKILL in the middle of an extraction. Nothing is lost, nothing is
extracted twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from claims.models import Article, AuditEvent, Claim
from claims.services.extraction_sweep import extraction_sweep
from tests.workers import ROOT, celery_worker, purge, wait_for, worker_env

PARAGRAPH = (
    "Le ministère de la Santé a annoncé mardi que 1 200 lits supplémentaires seraient ouverts d'ici mars. "
    "Selon la directrice de l'agence régionale, près de 40 % des hôpitaux manquent d'infirmiers. "
    "Le budget consacré aux urgences a augmenté de 12 millions d'euros en 2023, a déclaré le ministre. "
)

DEAD_BROKER = "redis://127.0.0.1:1/0"


def submit_in_another_process(text: str, broker: str) -> subprocess.CompletedProcess[str]:
    """Submit an article from a separate process, as a web server or the ingest command would."""
    code = (
        "import django; django.setup();"
        "from claims.services.ingest import article_ingest;"
        "import sys; a = article_ingest(text=sys.stdin.read(), language='fr').article;"
        "print(a.pk, a.extraction_status)"
    )
    env = worker_env({"CELERY_BROKER_URL": broker, "DJANGO_SETTINGS_MODULE": "factcheck.settings"})
    return subprocess.run([sys.executable, "-c", code], input=text, cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def claim_spans(article_id: int) -> list[tuple[int, int]]:
    return list(Claim.objects.filter(article_id=article_id).values_list("start", "end"))


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_articles_submitted_while_the_broker_is_down_are_extracted_once_it_returns(postgres, broker_url):
    purge(["extract"])
    result = submit_in_another_process(PARAGRAPH, DEAD_BROKER)
    assert result.returncode == 0, result.stderr[-2000:]
    article_id = int(result.stdout.split()[0])
    article = Article.objects.get(pk=article_id)
    assert article.extraction_status == "queued"  # stored, waiting: the database is the outbox

    with celery_worker(["extract"], name="outage"):
        assert extraction_sweep(min_age_seconds=0) == 1
        wait_for(lambda: Article.objects.get(pk=article_id).extraction_status == "done", timeout=120,
                 what="extraction after the broker came back")
        spans = claim_spans(article_id)
        assert spans, "the article produced claims"
        assert extraction_sweep(min_age_seconds=0) == 0  # nothing left to sweep
    assert sorted(claim_spans(article_id)) == sorted(spans)
    assert len(set(spans)) == len(spans)
    assert AuditEvent.objects.filter(action="article.extract", object_id=article_id).count() == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_extraction_leaves_exactly_one_set_of_claims(postgres, broker_url, settings):
    purge(["extract"])
    # Long enough that the kill lands while spaCy is still parsing.
    result = submit_in_another_process(PARAGRAPH * 150, broker_url)
    assert result.returncode == 0, result.stderr[-2000:]
    article_id = int(result.stdout.split()[0])

    with celery_worker(["extract"], name="victim") as victim:
        wait_for(lambda: Article.objects.get(pk=article_id).extraction_status == "running", timeout=120,
                 interval=0.05, what="the extraction to start")
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
    assert Article.objects.get(pk=article_id).extraction_status == "running"
    assert claim_spans(article_id) == []  # nothing half-written

    # A new worker that also redelivers the unacknowledged message soon, plus the sweeper: the two
    # deliveries race, and the conditional UPDATE lets exactly one of them extract.
    settings.FACTCHECK_EXTRACTION_STALE_SECONDS = 0
    with celery_worker(["extract"], name="rescuer", extra_env={"FACTCHECK_VISIBILITY_TIMEOUT": "3"}):
        assert extraction_sweep(min_age_seconds=0) == 1
        wait_for(lambda: Article.objects.get(pk=article_id).extraction_status == "done", timeout=180,
                 what="the swept extraction")
        spans = claim_spans(article_id)
    assert spans
    assert len(set(spans)) == len(spans)
    assert AuditEvent.objects.filter(action="article.extract", object_id=article_id).count() == 1
