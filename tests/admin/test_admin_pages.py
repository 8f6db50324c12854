"""Every model's admin: pages load cheaply, validation holds, keys are shown once, side actions work."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import (
    ApiClient,
    Article,
    AuditEvent,
    Comment,
    Evidence,
    EvidenceRun,
    PriorFactCheck,
    Rating,
    Webhook,
    WebhookDelivery,
    hash_api_key,
)
from tests.admin.conftest import action_post
from tests.factories import ArticleFactory, ClaimFactory, PriorFactCheckFactory, VerdictFactory

pytestmark = pytest.mark.django_db


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def some_of_everything(alice: Any, hook: Any) -> None:
    article = ArticleFactory()
    for _ in range(5):
        claim = ClaimFactory(article=article, assignee=alice)
        Evidence.objects.create(claim=claim, provider="library", url=f"doc/{claim.pk}", excerpt="x" * 500)
        EvidenceRun.objects.create(claim=claim, provider="library")
        Comment.objects.create(claim=claim, author=alice, body="À revoir")
        AuditEvent.objects.create(actor=alice, action="claim.assign", object_type="claim", object_id=claim.pk,
                                  claim=claim)
        WebhookDelivery.objects.create(webhook=hook, event="claim.updated", object_id=claim.pk)
    VerdictFactory(claim=claim, author=alice)
    PriorFactCheckFactory()


def test_it_registers_every_model_of_the_app() -> None:
    from django.apps import apps

    models = set(apps.get_app_config("claims").get_models())
    assert models == {m for m in admin.site._registry if m._meta.app_label == "claims"}


def test_it_loads_every_changelist_and_change_form_with_a_bounded_number_of_queries(
    client: Any, admin_user: Any, some_of_everything: None, django_assert_max_num_queries: Any
) -> None:
    client.force_login(admin_user)
    for model in list(admin.site._registry):
        if model._meta.app_label != "claims":
            continue
        url = reverse(f"admin:claims_{model._meta.model_name}_changelist")
        with django_assert_max_num_queries(25):
            response = client.get(url)
        assert response.status_code == 200, url
        obj = model.objects.first()
        if obj is not None:
            response = client.get(reverse(f"admin:claims_{model._meta.model_name}_change", args=[obj.pk]))
            assert response.status_code == 200, model


def test_it_defers_heavy_text_in_the_claims_changelist(client: Any, admin_user: Any) -> None:
    ClaimFactory()
    client.force_login(admin_user)
    response = client.get(reverse("admin:claims_claim_changelist"))
    claim = response.context["cl"].result_list[0]
    assert {"quote", "entities", "checkworthiness_reasons"} <= claim.get_deferred_fields()
    assert {"text", "html"} <= claim.article.get_deferred_fields()
    assert response.context["cl"].show_full_result_count is False


def test_it_keeps_audit_history_read_only(client: Any, admin_user: Any, alice: Any) -> None:
    claim = ClaimFactory()
    event = AuditEvent.objects.create(actor=alice, action="claim.assign", object_type="claim", object_id=claim.pk)
    client.force_login(admin_user)
    page = client.get(reverse("admin:claims_auditevent_change", args=[event.pk]))
    assert page.status_code == 200 and page.context["has_change_permission"] is False
    client.post(reverse("admin:claims_auditevent_change", args=[event.pk]), {"action": "tampered"})
    assert client.post(reverse("admin:claims_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.action == "claim.assign"


def rating_data(**overrides: Any) -> dict[str, Any]:
    data = {"slug": "pants-on-fire", "label_fr": "Archi-faux", "label_en": "Pants on fire", "value": "",
            "colour": "#aa0000", "order": "5", "is_active": "on"}
    data.update(overrides)
    return data


def test_it_validates_the_numeric_rating_scale_against_claimreview(client: Any, admin_user: Any) -> None:
    client.force_login(admin_user)
    add = reverse("admin:claims_rating_add")
    zero = client.post(add, rating_data(value="0"))
    assert zero.status_code == 200
    assert "the worst numeric rating must be at least 1" in str(zero.context["adminform"].form.non_field_errors())
    taken = client.post(add, rating_data(value="3"))
    assert "value" in taken.context["adminform"].form.errors
    bad_colour = client.post(add, rating_data(colour="red"))
    assert "colour" in bad_colour.context["adminform"].form.errors
    assert not Rating.objects.filter(slug="pants-on-fire").exists()
    # Retiring all but one numeric rating would leave worst == best.
    Rating.objects.filter(value__in=[2, 3, 4, 5]).update(is_active=False)
    lone = Rating.objects.get(value=1)
    change = client.post(reverse("admin:claims_rating_change", args=[lone.pk]),
                         rating_data(slug=lone.slug, value="1"))
    assert "lower than the best" in str(change.context["adminform"].form.non_field_errors())
    ok = client.post(add, rating_data(value="6"))
    assert ok.status_code == 302 and Rating.objects.get(slug="pants-on-fire").value == 6


def test_it_shows_a_new_api_key_once_and_stores_only_its_hash(client: Any, admin_user: Any, alice: Any) -> None:
    client.force_login(admin_user)
    response = client.post(reverse("admin:claims_apiclient_add"),
                           {"name": "CMS", "user": alice.pk, "scopes": ["read", "write"], "is_active": "on"})
    assert response.status_code == 302
    (message,) = [m for m in messages_of(response) if "API key" in m]
    key = message.split("API key for CMS: ")[1].split(" ")[0]
    client_row = ApiClient.objects.get(name="CMS")
    assert client_row.key_hash == hash_api_key(key) and key not in client_row.key_hash
    assert key.startswith(client_row.prefix) and client_row.scopes == ["read", "write"]
    change = reverse("admin:claims_apiclient_change", args=[client_row.pk])
    assert key in client.get(change).content.decode()  # the message, displayed once...
    assert key not in client.get(change).content.decode()  # ...and never again
    assert AuditEvent.objects.filter(object_type="apiclient", object_id=client_row.pk).exists()
    bad = client.post(reverse("admin:claims_apiclient_add"), {"name": "X", "user": alice.pk, "scopes": ["root"]})
    assert bad.status_code == 200 and "scopes" in bad.context["adminform"].form.errors
    action_post(client, reverse("admin:claims_apiclient_changelist"), "revoke", [client_row.pk])
    client_row.refresh_from_db()
    assert not client_row.is_active and client_row.revoked_at is not None


def test_it_validates_webhook_events_and_queues_test_and_resend_deliveries(
    client: Any, admin_user: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any, loopback_webhooks: None
) -> None:
    queued: list[tuple[str, tuple[Any, ...]]] = []
    monkeypatch.setattr("claims.services.queue.enqueue_now", lambda name, *a, **k: queued.append((name, a)))
    client.force_login(admin_user)
    bad = client.post(reverse("admin:claims_webhook_add"),
                      {"name": "x", "url": "ftp://127.0.0.1/", "events": ["claim.exploded"], "is_active": "on"})
    assert {"url", "events"} <= set(bad.context["adminform"].form.errors)
    created = client.post(reverse("admin:claims_webhook_add"), {
        "name": "cms", "url": "http://127.0.0.1:9/h", "events": ["verdict.published"], "is_active": "on",
        "deliveries-TOTAL_FORMS": "0", "deliveries-INITIAL_FORMS": "0",
    })
    assert created.status_code == 302
    client.get(created["Location"])  # read the "added" message
    hook = Webhook.objects.get(name="cms")
    assert hook.events == ["verdict.published"]
    with django_capture_on_commit_callbacks(execute=True):
        done = action_post(client, reverse("admin:claims_webhook_changelist"), "send_test", [hook.pk])
    assert messages_of(done) == ["1 test deliveries queued"]
    ping = WebhookDelivery.objects.get(event="ping")
    assert queued == [("claims.tasks.webhook_deliver", (ping.pk,))]

    failed = WebhookDelivery.objects.create(webhook=hook, event="verdict.published", object_id=7, status="failed")
    sent = WebhookDelivery.objects.create(webhook=hook, event="verdict.published", object_id=8, status="sent")
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = action_post(client, reverse("admin:claims_webhookdelivery_changelist"), "resend",
                           [failed.pk, sent.pk])
    assert messages_of(done)[-1] == "1 deliveries queued again; 1 not failed, left alone"
    again = WebhookDelivery.objects.filter(object_id=7, status="pending").get()
    assert queued == [("claims.tasks.webhook_deliver", (again.pk,))]


def test_it_reextracts_articles_after_confirmation(
    client: Any, admin_user: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    queued: list[str] = []
    monkeypatch.setattr("claims.services.queue.enqueue_now", lambda name, *a, **k: queued.append(name))
    article = ArticleFactory(extraction_status="failed")
    client.force_login(admin_user)
    url = reverse("admin:claims_article_changelist")
    page = action_post(client, url, "reextract", [article.pk])
    assert "1 failed: queued for extraction again" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = action_post(client, url, "reextract", [article.pk], apply="yes")
    assert messages_of(done) == ["1 articles queued for extraction"]
    assert Article.objects.get(pk=article.pk).extraction_status == "queued"
    assert queued == ["claims.tasks.article_extract"]
    export = action_post(client, url, "export_csv", [article.pk])
    body = b"".join(export.streaming_content).decode()
    assert body.splitlines()[0].startswith("id,url,title") and str(article.pk) in body


def test_it_sets_evidence_stance_from_the_admin(client: Any, admin_user: Any) -> None:
    evidence = Evidence.objects.create(claim=ClaimFactory(), provider="library", url="doc/1")
    client.force_login(admin_user)
    done = action_post(client, reverse("admin:claims_evidence_changelist"), "set_stance", [evidence.pk],
                       apply="yes", stance="supports")
    assert messages_of(done) == ["1 evidence items set to supports"]
    evidence.refresh_from_db()
    assert evidence.stance == "supports" and evidence.stance_by is not None


def test_it_imports_an_uploaded_claimreview_file(client: Any, admin_user: Any) -> None:
    markup = [{
        "@context": "https://schema.org", "@type": "ClaimReview",
        "url": "https://checker.example.org/fc/upload-1", "claimReviewed": "La Lune est en fromage",
        "author": {"@type": "Organization", "name": "Checker"}, "datePublished": "2024-05-01",
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                         "alternateName": "Faux"},
    }]
    client.force_login(admin_user)
    url = reverse("admin:claims_priorfactcheck_import_claimreview")
    assert client.get(url).status_code == 200
    done = client.post(url, {"file": SimpleUploadedFile("cr.json", json.dumps(markup).encode())})
    assert done.status_code == 302
    assert messages_of(done)[0].startswith("ClaimReview import: 1 created")
    assert PriorFactCheck.objects.get().claim_reviewed == "La Lune est en fromage"
    not_text = client.post(url, {"file": SimpleUploadedFile("cr.json", b"\xff\xfe\xfa")})
    assert not_text.status_code == 200 and "file" in not_text.context["form"].errors


def test_it_searches_by_text_or_id_without_errors(client: Any, admin_user: Any) -> None:
    claim = ClaimFactory(text="Le budget de la défense a doublé")
    ClaimFactory(text="Autre chose")
    client.force_login(admin_user)
    url = reverse("admin:claims_claim_changelist")
    by_text = client.get(url, {"q": "défense"})
    assert [c.pk for c in by_text.context["cl"].result_list] == [claim.pk]
    by_id = client.get(url, {"q": str(claim.pk)})
    assert claim.pk in [c.pk for c in by_id.context["cl"].result_list]
    for model in ("evidence", "auditevent", "webhookdelivery", "verdict", "comment"):
        assert client.get(reverse(f"admin:claims_{model}_changelist"), {"q": "abc"}).status_code == 200


def test_it_offers_no_deletion_of_claims(client: Any, admin_user: Any) -> None:
    claim = ClaimFactory()
    client.force_login(admin_user)
    names = {n for n, _ in client.get(reverse("admin:claims_claim_changelist")).context["action_form"]
             .fields["action"].choices}
    assert "delete_selected" not in names
    assert client.post(reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"}).status_code == 403


def test_it_estimates_the_size_of_a_big_unfiltered_table_instead_of_counting(
    postgres: None, monkeypatch: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.admin import base
    from claims.models import Claim

    for _ in range(3):
        ClaimFactory()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")
    monkeypatch.setattr(base, "ESTIMATE_ABOVE", 0)
    with CaptureQueriesContext(connection) as ctx:
        assert base.EstimatedCountPaginator(Claim.objects.all(), 100).count == 3
    assert "reltuples" in ctx.captured_queries[0]["sql"] and "COUNT" not in ctx.captured_queries[0]["sql"]
    # A filtered list is counted exactly (the estimate would be of the whole table).
    assert base.EstimatedCountPaginator(Claim.objects.filter(status="dismissed"), 100).count == 0


def test_it_edits_and_adds_claims_through_the_services(client: Any, admin_user: Any) -> None:
    from claims.models import Claim

    claim = ClaimFactory()
    client.force_login(admin_user)
    data = {"text": "Texte corrigé", "claimant": "Le ministre", "kind": "quote", "language": "fr",
            "verdicts-TOTAL_FORMS": "0", "verdicts-INITIAL_FORMS": "0",
            "evidence-TOTAL_FORMS": "0", "evidence-INITIAL_FORMS": "0",
            "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0",
            "audit_events-TOTAL_FORMS": "0", "audit_events-INITIAL_FORMS": "0"}
    history = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert history.status_code == 200
    response = client.post(reverse("admin:claims_claim_change", args=[claim.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert (claim.text, claim.claimant, claim.kind, claim.version) == ("Texte corrigé", "Le ministre", "quote", 2)
    assert AuditEvent.objects.filter(action="claim.update", object_id=claim.pk, channel="admin").count() == 1
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert "claim.update" in page  # the claim's history is on its page

    article = ArticleFactory()
    added = client.post(reverse("admin:claims_claim_add"), {
        **data, "text": "Trois ambulances offertes", "article": article.pk, "start": "0", "end": "14",
    })
    assert added.status_code == 302
    new = Claim.objects.exclude(pk=claim.pk).get()
    assert new.quote == article.text[0:14] and new.created_by == admin_user
    assert AuditEvent.objects.filter(action="claim.create", object_id=new.pk).exists()
    bad = client.post(reverse("admin:claims_claim_add"), {
        **data, "text": "Hors du texte", "article": article.pk, "start": "0", "end": "99999",
    })
    assert bad.status_code == 200 and Claim.objects.count() == 2
    assert "fall outside the article" in str(bad.context["adminform"].form.non_field_errors())
