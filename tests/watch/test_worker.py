"""End to end with real processes on PostgreSQL + Redis: celery beat queues the poll, a worker
polls a loopback feed, extracts its article, matches its claims, raises exactly one alert and
delivers exactly one signed `alert.created` webhook, however many times the feed is polled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claims.models import Alert, Article, PollStatus, Source, WebhookDelivery
from claims.services.priors import priors_import
from claims.services.sources import source_add
from tests.api.test_webhooks import SECRET, Receiver, verify
from tests.loopback import loopback_server
from tests.watch.feeds import BASE_TIME
from tests.workers import ROOT, celery_worker, purge, wait_for, worker_env

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CLAIMREVIEW = {
    "@context": "https://schema.org", "@type": "ClaimReview",
    "url": "https://verif.example.org/2025/01/hopitaux-6000-lits",
    "claimReviewed": "Les hôpitaux ont perdu 6 000 lits en cinq ans",
    "author": {"@type": "Organization", "name": "Vérif"}, "datePublished": "2025-01-12",
    "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1,
                     "alternateName": "Plutôt vrai"},
    "inLanguage": "fr",
}
PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Les soignants manifestent à Rennes</title>
</head><body><nav><a href="/">Accueil</a></nav><article><h1>Les soignants manifestent à Rennes</h1>
<p>Plusieurs centaines de soignants ont manifesté lundi devant le CHU de Rennes pour réclamer des recrutements.</p>
<p>« Les hôpitaux ont perdu 6 000 lits en cinq ans », a déclaré Sophie Le Bihan, déléguée syndicale, devant les manifestants.</p>
<p>La direction indique que 18 lits de médecine ont été fermés cet été faute de personnel.</p>
</article></body></html>"""


def feed(base: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ouest</title><link>{base}/</link>'
            f"<description>d</description><item><title>Les soignants manifestent à Rennes</title>"
            f"<link>{base}/rennes</link><pubDate>{BASE_TIME.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            f"</item></channel></rss>").encode()


def celery_beat(log_path: Path, extra_env: dict[str, str]) -> subprocess.Popen[bytes]:
    schedule = log_path.with_suffix(".schedule")
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "factcheck", "beat", "-l", "INFO", "-s", str(schedule)],
        cwd=ROOT, env=worker_env(extra_env), stdout=log_path.open("wb"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def test_a_repeated_claim_in_a_watched_feed_raises_one_alert_and_one_webhook(
    broker_url: str, postgres: None, tmp_path: Path, settings: Any
) -> None:
    from claims.models import Webhook

    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1"]
    purge(["default", "extract", "evidence"])
    priors_import(payload_or_text=CLAIMREVIEW, source="test")
    receiver = Receiver()
    env = {"FACTCHECK_FETCH_ALLOWLIST": "127.0.0.1", "FACTCHECK_WATCH_BEAT_SECONDS": "1",
           "FACTCHECK_EVIDENCE_PROVIDERS": "prior_factchecks", "FACTCHECK_EXTRACTION_BATCH": "1"}
    with loopback_server({}) as server:
        server.routes["/feed"] = lambda r: (200, {"Content-Type": "application/rss+xml"}, feed(server.base_url))
        server.routes["/rennes"] = lambda r: (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode())
        server.routes["/hook"] = receiver
        Webhook.objects.create(name="desk", url=server.url("/hook"), secret=SECRET, events=["alert.created"])
        source = source_add(url=server.url("/feed"), name="Ouest", language="fr", interval_minutes=1)
        beat = celery_beat(tmp_path / "beat.log", env)
        try:
            with celery_worker(["default", "extract", "evidence"], concurrency=2, name="watch", extra_env=env,
                               log_path=tmp_path / "worker.log"):
                wait_for(lambda: WebhookDelivery.objects.filter(event="alert.created", status="sent").exists(),
                         timeout=180, what="the alert.created delivery")
                # Poll again and again (beat every second, the source made due each time): nothing new.
                for _ in range(3):
                    Source.objects.filter(pk=source.pk).update(next_poll_at=BASE_TIME)
                    wait_for(lambda: Source.objects.filter(pk=source.pk, poll_status=PollStatus.IDLE,
                                                           next_poll_at__gt=BASE_TIME).exists(),
                             timeout=60, what="another poll")
        finally:
            os.killpg(beat.pid, signal.SIGTERM)
            beat.wait(timeout=20)
        hooks = [verify(r) for r in server.requests if r["path"] == "/hook"]
        feed_polls = [r for r in server.requests if r["path"] == "/feed"]
    assert len(feed_polls) >= 4 and Article.objects.count() == 1
    alert = Alert.objects.get(tier="strong")  # possible matches are kept too, under their filter
    assert (alert.tier, alert.state, alert.source_id) == ("strong", "new", source.pk)
    assert alert.prior_factcheck.url == CLAIMREVIEW["url"]
    assert "6 000 lits" in alert.claim.quote
    assert len(hooks) == 1 and WebhookDelivery.objects.filter(event="alert.created").count() == 1
    data = hooks[0]["data"]
    assert hooks[0]["event"] == "alert.created" and data["alert_id"] == alert.pk
    assert data["fact_check"]["rating"] == "Plutôt vrai" and data["source"]["name"] == "Ouest"
