"""Issue 15's reviewer interface, server side: what an editor approves and what a published claim
shows, actions hidden for roles the rulebook refuses (and refused if posted anyway), people-only
assignee lists, dates typed in the reader's format, translated error pages, pinned query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import AuditEvent, EvidenceRun
from claims.services.api_keys import api_client_create, api_service_user
from claims.services.workflow import claim_transition, verdict_save
from tests.factories import ClaimFactory, rating

pytestmark = pytest.mark.django_db


def page(client: Any, claim: Any) -> str:
    return client.get(reverse("review:claim", args=[claim.pk])).content.decode()


def submitted(author: Any) -> Any:
    claim = ClaimFactory(status="selected")
    claim_transition(claim=claim, to="in_progress", actor=author)
    verdict_save(claim=claim, actor=author, rating=rating("false"), summary="Aucune aide envoyée",
                 explanation="Le ministère ne cite aucun envoi.",
                 sources=["https://example.org/source-1", "https://example.org/source-2"])
    return claim_transition(claim=claim, to="in_review", actor=author)


def test_the_editor_sees_the_whole_verdict_they_approve_with_its_sources_and_weighed_evidence(
    as_user: Any, alice: Any, erin: Any
) -> None:
    from claims.models import Evidence

    claim = submitted(alice)
    Evidence.objects.create(claim=claim, provider="library", url="https://example.org/r", title="Bilan officiel",
                            stance="refutes", stance_by=alice, note="38 tonnes seulement")
    html = page(as_user(erin), claim)
    card = html.split('id="submitted-verdict"', 1)[1].split("</article>", 1)[0]
    assert "Le ministère ne cite aucun envoi." in card and "Aucune aide envoyée" in card
    assert '<a href="https://example.org/source-1"' in card and '<a href="https://example.org/source-2"' in card
    assert "Bilan officiel" in card and "Refutes" in card and "38 tonnes seulement" in card
    assert "This verdict cites no source." not in card


def test_a_published_claim_reads_as_published_and_only_an_editor_may_correct_or_research_it(
    as_user: Any, alice: Any, erin: Any
) -> None:
    claim = submitted(alice)
    claim_transition(claim=claim, to="published", actor=erin)
    claim.verdicts.filter(status="published").update(public_url="https://verif.example.org/aide")
    EvidenceRun.objects.create(claim=claim, provider="library", status="done")
    editor, reviewer = page(as_user(erin), claim), page(as_user(alice), claim)
    for html in (editor, reviewer):
        card = html.split('id="published-verdict"', 1)[1].split("</article>", 1)[0]
        assert "https://verif.example.org/aide" in card and "Approved by" in card and "erin" in card
        assert '<a href="https://example.org/source-1"' in card
        assert reverse("review:claim_duplicate", args=[claim.pk]) not in html  # the rulebook: never for published
    assert 'id="correct"' in editor and 'id="correct"' not in reviewer
    assert reverse("review:evidence_add", args=[claim.pk]) in editor
    assert reverse("review:evidence_add", args=[claim.pk]) not in reviewer
    assert reverse("review:evidence_retry", args=[claim.pk, "library"]) not in reviewer
    # Posting anyway: the service asks the same rule.
    refused = as_user(alice).post(reverse("review:evidence_add", args=[claim.pk]), {"url": "https://example.org/x"})
    assert refused.status_code == 403 and "Only an editor can gather evidence" in refused.content.decode()
    assert as_user(alice).post(reverse("review:evidence_retry", args=[claim.pk, "library"])).status_code == 403
    assert as_user(erin).post(reverse("review:evidence_retry", args=[claim.pk, "library"])).status_code == 303


def test_the_workflow_card_puts_each_reason_field_with_its_own_button(as_user: Any, alice: Any) -> None:
    html = page(as_user(alice), ClaimFactory())
    primary = html.index('id="primary-steps"')
    dismiss = html.index('id="step-dismissed"')
    assert primary < dismiss  # the primary step first, the dismissal (and its reason) after it
    form = html[dismiss:].split("</form>", 1)[0]
    assert 'name="comment"' in form and 'data-to="dismissed"' in form
    assert 'name="comment"' not in html[primary:dismiss]


def test_saving_a_verdict_lands_on_the_next_step_and_names_it(as_user: Any, alice: Any) -> None:
    claim = ClaimFactory(status="selected")
    claim_transition(claim=claim, to="in_progress", actor=alice)
    client = as_user(alice)
    response = client.post(reverse("review:verdict_save", args=[claim.pk]),
                           {"rating": "false", "summary": "Aucune aide", "sources": ""})
    assert response.status_code == 303 and response["Location"].endswith("#workflow")
    html = client.get(response["Location"]).content.decode()
    assert "Verdict saved. Next step: “Submit for review”." in html


def test_the_assignee_list_offers_people_not_api_service_accounts(as_user: Any, alice: Any, erin: Any) -> None:
    service = api_service_user(name="client-svc")
    api_client_create(name="CMS", scopes=["read"], user=service)
    html = page(as_user(erin), ClaimFactory())
    assert f'<option value="{alice.pk}"' in html and f'<option value="{service.pk}"' not in html
    assert "api-client-svc" not in html


@pytest.mark.parametrize(("language", "typed", "placeholder"), [("fr", "02/01/2026", "jj/mm/aaaa"),
                                                                 ("en", "2026-01-02", "yyyy-mm-dd")])
def test_date_filters_read_and_show_the_readers_format(as_user: Any, alice: Any, language: str, typed: str,
                                                       placeholder: str) -> None:
    from django.utils import timezone

    from claims.models import Claim

    old = ClaimFactory(text="Ancienne affirmation")
    Claim.objects.filter(pk=old.pk).update(created_at=timezone.make_aware(timezone.datetime(2026, 1, 1, 12)))
    ClaimFactory(text="Récente affirmation")
    html = as_user(alice, language=language).get("/review/", {"since": typed}).content.decode()
    assert "Récente affirmation" in html and "Ancienne affirmation" not in html
    assert f'value="{typed}"' in html and f'placeholder="{placeholder}"' in html
    # A saved ISO link still works in French.
    iso = as_user(alice, language="fr").get("/review/", {"since": "2026-01-02"}).content.decode()
    assert 'value="02/01/2026"' in iso and "Ancienne affirmation" not in iso


@pytest.mark.parametrize("debug", [False, True])
def test_an_unknown_claim_gets_a_translated_404_inside_the_layout(as_user: Any, alice: Any, settings: Any,
                                                                 debug: bool) -> None:
    settings.DEBUG = debug
    response = as_user(alice, language="fr").get("/review/claims/987654/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page introuvable" in html and "Il n’y a pas d’affirmation portant ce numéro." in html
    assert 'class="mainnav"' in html and "Retour à la file des affirmations" in html
    article = as_user(alice, language="fr").get("/review/articles/987654/")
    assert article.status_code == 404 and "Il n’y a pas d’article portant ce numéro." in article.content.decode()


def test_an_unknown_address_gets_the_translated_404_page(as_user: Any, alice: Any) -> None:
    response = as_user(alice, language="fr").get("/review/nowhere/")
    assert response.status_code == 404 and "Page introuvable" in response.content.decode()


def test_history_lines_name_people_in_a_fixed_number_of_queries(as_user: Any, alice: Any, bob: Any, erin: Any
                                                                ) -> None:
    from claims.services.workflow import claim_assign

    claim = ClaimFactory()
    client = as_user(erin)
    claim_assign(claim=claim, assignee=alice, actor=erin)
    client.get(reverse("review:claim", args=[claim.pk]))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("review:claim", args=[claim.pk]))
    for person in (bob, alice, bob, alice, bob):
        claim_assign(claim=claim, assignee=person, actor=erin)
    AuditEvent.objects.bulk_create(
        AuditEvent(actor=alice, action="claim.update.refused", object_type="claim", object_id=claim.pk, claim=claim)
        for _ in range(5))
    with CaptureQueriesContext(connection) as many:
        html = client.get(reverse("review:claim", args=[claim.pk])).content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)
    assert html.count("assigned the claim to bob") == 3 and html.count("assigned the claim to alice") == 3
    assert "claim.update.refused" not in html.replace('data-action="claim.update.refused"', "")
    assert "tried to save over a newer version" in html
