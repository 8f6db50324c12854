"""Alerts: raised once per (claim, fact-check) by the prior-fact-check evidence run, announced by
`alert.created`, moved through their states by one service with an audit row each."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from claims.models import Alert, AuditEvent, Claim, EvidenceRun, Source, SourceItem, Webhook, WebhookDelivery
from claims.services.alerts import alert_transition, new_alert_count
from claims.services.errors import InvalidInput, InvalidTransition, NotAllowed
from claims.services.evidence import claim_gather_evidence, evidence_run_execute
from tests.factories import ArticleFactory, ClaimFactory, PriorFactCheckFactory, VerdictFactory

pytestmark = pytest.mark.django_db

KAZAKH = "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine."


@pytest.fixture
def hook(db: None) -> Webhook:
    return Webhook.objects.create(name="desk", url="http://127.0.0.1:9/hook", secret="s", events=["alert.created"])


@pytest.fixture
def repeated(db: None) -> Claim:
    """A claim the extractor found in an article from a watched source, repeating a fact-checked claim."""
    PriorFactCheckFactory(url="https://checker.example.org/kaz-40", rating_text="Vrai")
    PriorFactCheckFactory(url="https://checker.example.org/kaz-400", rating_text="Faux",
                          claim_reviewed="Le Kazakhstan a envoyé 400 tonnes d'aide humanitaire à l'Ukraine")
    article = ArticleFactory(text=f"{KAZAKH} Le ministère l'a confirmé.")
    source = Source.objects.create(url="https://news.example.org/rss", name="News")
    SourceItem.objects.create(source=source, url="https://news.example.org/a/1", article=article, status="done")
    return ClaimFactory(article=article, text=KAZAKH, end=len(KAZAKH),
                        entities=[{"text": "Kazakhstan", "label": "LOC"}, {"text": "Ukraine", "label": "LOC"}],
                        quantities=[{"text": "40 tonnes", "value": 40, "unit": "tonnes"}])


def match(claim: Claim) -> str:
    [run] = claim_gather_evidence(claim_id=claim.pk, providers=["prior_factchecks"])
    return evidence_run_execute(run_id=run.pk).result


def test_it_raises_one_alert_for_a_strong_match_and_keeps_possible_ones_aside(repeated: Claim, hook: Any) -> None:
    assert match(repeated) == "done"
    strong = Alert.objects.get(tier="strong")
    assert (strong.claim, strong.prior_factcheck.url, strong.state) == (
        repeated, "https://checker.example.org/kaz-40", "new")
    assert strong.source.name == "News" and strong.score >= 0.7
    # 400 tonnes is not the same claim: at most a possible match, never an alert.
    assert set(Alert.objects.exclude(pk=strong.pk).values_list("tier", flat=True)) <= {"possible"}
    assert new_alert_count() == 1
    [delivery] = WebhookDelivery.objects.filter(event="alert.created")
    data = delivery.payload["data"]
    assert delivery.object_id == repeated.pk and data["alert_id"] == strong.pk
    assert data["claim"]["quote"] == KAZAKH and data["claim"]["article_id"] == repeated.article_id
    assert data["fact_check"]["rating"] == "Vrai" and data["fact_check"]["kind"] == "prior_factcheck"
    assert data["source"] == {"id": strong.source_id, "name": "News", "url": "https://news.example.org/rss"}


def test_a_run_executed_again_raises_nothing_new(repeated: Claim, hook: Any) -> None:
    match(repeated)
    run = EvidenceRun.objects.get(claim=repeated)
    assert evidence_run_execute(run_id=run.pk).result == "skipped"
    match(repeated)  # re-run by hand: same matches, same alerts
    assert Alert.objects.filter(tier="strong").count() == 1
    assert WebhookDelivery.objects.filter(event="alert.created").count() == 1


def test_a_match_against_our_published_verdict_is_an_alert_too(hook: Any) -> None:
    checked = ClaimFactory(status="published", text=KAZAKH)
    verdict = VerdictFactory(claim=checked, status="published", published_at=timezone.now(),
                             public_url="https://factcheck.example.org/claims/1/")
    article = ArticleFactory(text=f"{KAZAKH} Selon l'ambassade.")
    claim = ClaimFactory(article=article, text=KAZAKH, end=len(KAZAKH))
    match(claim)
    alert = Alert.objects.get(tier="strong")
    assert (alert.verdict, alert.prior_factcheck, alert.source) == (verdict, None, None)
    fact = WebhookDelivery.objects.get(event="alert.created").payload["data"]["fact_check"]
    assert (fact["kind"], fact["rating"], fact["claim_id"]) == ("verdict", "Plutôt vrai", checked.pk)


@pytest.mark.parametrize("change", [{"status": "selected"}, {"created_by": "alice"}])
def test_claims_already_triaged_or_typed_by_people_raise_no_alert(repeated: Claim, alice: Any,
                                                                  change: dict[str, Any]) -> None:
    value = alice if change.get("created_by") else change.get("status")
    Claim.objects.filter(pk=repeated.pk).update(**{next(iter(change)): value})
    match(repeated)
    assert not Alert.objects.exists()
    assert Claim.objects.get(pk=repeated.pk).has_strong_match  # still evidence, just not news


def test_it_acknowledges_dismisses_with_a_reason_and_reopens(repeated: Claim, alice: Any) -> None:
    match(repeated)
    alert = Alert.objects.get(tier="strong")
    alert_transition(alert=alert, to="acknowledged", actor=alice)
    with pytest.raises(InvalidInput, match="Say why"):
        alert_transition(alert=alert, to="dismissed", actor=alice, reason="  ")
    dismissed = alert_transition(alert=alert, to="dismissed", actor=alice, reason="Not the same claim")
    assert (dismissed.state, dismissed.reason, dismissed.acted_by) == ("dismissed", "Not the same claim", alice)
    assert new_alert_count() == 0
    again = alert_transition(alert=alert.pk, to="new", actor=alice)
    assert (again.state, again.reason) == ("new", "")
    actions = list(AuditEvent.objects.filter(object_type="alert", object_id=alert.pk).order_by("id")
                   .values_list("action", "claim_id", "channel"))
    assert actions == [("alert.acknowledged", repeated.pk, "ui"), ("alert.dismissed", repeated.pk, "ui"),
                       ("alert.new", repeated.pk, "ui")]


def test_opening_an_alert_selects_its_claim_through_the_workflow(repeated: Claim, alice: Any) -> None:
    match(repeated)
    alert = Alert.objects.get(tier="strong")
    opened = alert_transition(alert=alert, to="opened", actor=alice)
    repeated.refresh_from_db()
    assert (opened.state, repeated.status) == ("opened", "selected")
    assert list(AuditEvent.objects.filter(claim=repeated).order_by("id").values_list("action", flat=True)) == [
        "claim.transition", "alert.opened"]
    with pytest.raises(InvalidTransition):
        alert_transition(alert=alert, to="acknowledged", actor=alice)  # opened is final


def test_only_reviewers_triage_alerts(repeated: Claim, charlie: Any) -> None:
    match(repeated)
    with pytest.raises(NotAllowed):
        alert_transition(alert=Alert.objects.get(tier="strong"), to="acknowledged", actor=charlie)
    assert Alert.objects.get(tier="strong").state == "new"
