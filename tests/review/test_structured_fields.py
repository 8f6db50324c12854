"""Entities, quantities and dates read as chips and change one item at a time through small forms
that validate each field; the server keeps each item's article text and offsets, and the change goes
through claim_update (version, audit, lock)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from claims.models import AuditEvent
from claims.services.workflow import claim_update
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

QUANTITY = {"text": "près de 40 tonnes", "start": 26, "end": 43, "value": 40, "unit": "tonnes", "approx": True,
            "qualifier": "approx"}
ENTITY = {"text": "Kazakhstan", "start": 3, "end": 13, "label": "LOC"}
DATE = {"text": "mercredi", "start": 50, "end": 58, "type": "weekday", "weekday": 2, "value": "2026-02-04"}


def structured_claim(**extra: Any) -> Any:
    return ClaimFactory(entities=[ENTITY, "Ukraine"], quantities=[QUANTITY], dates=[DATE], **extra)


def item_url(claim: Any, kind: str) -> str:
    return reverse("review:claim_item", args=[claim.pk, kind])


def test_it_shows_structured_fields_as_readable_chips_not_json(as_user: Any, alice: Any) -> None:
    claim = structured_claim()
    french = as_user(alice, language="fr").get(reverse("review:claim", args=[claim.pk])).content.decode()
    assert '"start"' not in french and "[{" not in french and "JSON" not in french
    assert "environ <b>40</b> tonnes" in french
    assert "<b>Kazakhstan</b> <span class=\"pill\">Lieu</span>" in french
    assert "<b>Ukraine</b>" in french  # a plain string item still reads as a name
    assert "4 février 2026" in french  # the date as a French date
    english = as_user(alice).get(reverse("review:claim", args=[claim.pk])).content.decode()
    assert "about <b>40</b> tonnes" in english and "<span class=\"pill\">Place</span>" in english


def test_a_rate_reads_with_its_base(as_user: Any, alice: Any) -> None:
    rate = {"text": "450 cas pour 100.000 habitants", "start": 0, "end": 30, "value": 450, "unit": "cas",
            "per": 100_000.0, "per_unit": "habitants", "approx": False, "qualifier": ""}
    claim = ClaimFactory(quantities=[rate])
    french = as_user(alice, language="fr").get(reverse("review:claim", args=[claim.pk])).content.decode()
    assert "<b>450</b> cas <span class=\"hint\">pour 100\xa0000 habitants</span>" in french
    english = as_user(alice).get(reverse("review:claim", args=[claim.pk])).content.decode()
    assert "<b>450</b> cas <span class=\"hint\">per 100,000 habitants</span>" in english


def test_it_changes_one_quantity_and_keeps_its_offsets(as_user: Any, alice: Any) -> None:
    claim = structured_claim()
    response = as_user(alice).post(item_url(claim, "quantities"), {
        "index": 0, "expected_version": claim.version, "value": "38.5", "unit": "t", "qualifier": "at_least",
        "low": "", "high": "",
    })
    assert response.status_code == 303 and response["Location"].endswith("#quantities")
    claim.refresh_from_db()
    assert claim.quantities == [{**QUANTITY, "value": 38.5, "unit": "t", "qualifier": "at_least", "approx": False}]
    assert claim.version == 2
    event = AuditEvent.objects.get(claim=claim, action="claim.update")
    assert event.before["quantities"] == [QUANTITY] and event.after["quantities"][0]["value"] == 38.5


@pytest.mark.parametrize("bad", [
    {"value": "quarante"}, {"value": ""}, {"low": "50", "high": "10"}, {"low": "10", "high": ""},
    {"low": "41", "high": "50"}, {"qualifier": "maybe"},
])
def test_it_refuses_an_invalid_quantity_field_and_changes_nothing(as_user: Any, alice: Any, bad: dict[str, str]
                                                                   ) -> None:
    claim = structured_claim()
    data = {"index": 0, "expected_version": claim.version, "value": "40", "unit": "t", "qualifier": "",
            "low": "", "high": "", **bad}
    response = as_user(alice).post(item_url(claim, "quantities"), data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    claim.refresh_from_db()
    assert claim.quantities == [QUANTITY] and claim.version == 1


def test_it_edits_an_entity_and_a_date_and_adds_and_removes_items(as_user: Any, alice: Any) -> None:
    claim = structured_claim()
    client = as_user(alice)
    assert client.post(item_url(claim, "entities"), {
        "index": 0, "expected_version": 1, "name": "République du Kazakhstan", "label": "ORG"}).status_code == 303
    assert client.post(item_url(claim, "dates"), {
        "index": 0, "expected_version": 2, "value": "2026-02-03", "until": "2026-02-04"}).status_code == 303
    assert client.post(item_url(claim, "dates"), {
        "index": 0, "expected_version": 3, "value": "2026-02-03", "until": "2026-01-01"}).status_code == 400
    assert client.post(item_url(claim, "quantities"), {
        "index": "", "expected_version": 3, "value": "12", "unit": "%", "qualifier": ""}).status_code == 303
    assert client.post(item_url(claim, "entities"), {"index": 1, "expected_version": 4, "remove": "1"}).status_code == 303
    claim.refresh_from_db()
    assert claim.entities == [{**ENTITY, "name": "République du Kazakhstan", "label": "ORG"}]
    assert claim.dates == [{**DATE, "value": "2026-02-03", "values": ["2026-02-03", "2026-02-04"]}]
    assert claim.quantities[1] == {"value": 12, "unit": "%", "qualifier": "", "approx": False}
    assert claim.version == 5


def test_it_refuses_a_stale_item_edit_and_an_edit_of_a_locked_claim(as_user: Any, alice: Any, bob: Any) -> None:
    claim = structured_claim()
    claim_update(claim=claim, actor=bob, changes={"claimant": "Le ministère"})
    stale = as_user(alice).post(item_url(claim, "quantities"), {
        "index": 0, "expected_version": 1, "value": "41", "unit": "t", "qualifier": ""})
    assert stale.status_code == 412 and "Changed by bob" in stale.content.decode()
    gone = as_user(alice).post(item_url(claim, "quantities"), {"index": 7, "expected_version": 2, "remove": "1"})
    assert gone.status_code == 400
    locked = structured_claim(status="in_review")
    page = as_user(alice).get(reverse("review:claim", args=[locked.pk])).content.decode()
    assert item_url(locked, "quantities") not in page and "environ" not in page and "about <b>40</b>" in page
    refused = as_user(alice).post(item_url(locked, "quantities"), {
        "index": 0, "expected_version": 1, "value": "41", "unit": "t", "qualifier": ""})
    assert refused.status_code == 409
    claim.refresh_from_db()
    locked.refresh_from_db()
    assert claim.quantities == [QUANTITY] and locked.quantities == [QUANTITY]


def test_it_has_no_route_for_other_fields(as_user: Any, alice: Any) -> None:
    claim = structured_claim()
    assert as_user(alice).post(item_url(claim, "status"), {"index": 0, "expected_version": 1}).status_code == 404
