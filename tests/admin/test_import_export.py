"""Imports with django-import-export: a preview with per-row errors first, then all or nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.admin.resources import ClaimResource, PriorFactCheckResource
from claims.models import AuditEvent, Claim, PriorFactCheck, WebhookDelivery
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db
CSV_FORMAT = "0"  # IMPORT_FORMATS = [CSV, XLSX, JSON]
XLSX_FORMAT = "1"
JSON_FORMAT = "2"


def upload(client: Any, url: str, name: str, content: bytes, fmt: str) -> Any:
    return client.post(url, {"import_file": SimpleUploadedFile(name, content), "format": fmt})


def confirm(client: Any, url: str, preview: Any) -> Any:
    form = preview.context["confirm_form"]
    return client.post(url, {name: form.initial.get(name, "") for name in form.fields})


PRIORS_CSV = (
    "claim_reviewed,rating_text,rating_value,best_rating,worst_rating,url,publisher,language\n"
    "Le vaccin contient une puce,Faux,1,5,1,https://checker.example.org/fc/1,Checker,fr\n"
    "Le chômage a baissé de 2 %,Plutôt vrai,4,5,1,https://checker.example.org/fc/2,Checker,fr\n"
)


def test_it_previews_an_import_and_writes_nothing_until_confirmed(client: Any, admin_user: Any) -> None:
    client.force_login(admin_user)
    preview = upload(client, reverse("admin:claims_priorfactcheck_import"), "priors.csv", PRIORS_CSV.encode(),
                     CSV_FORMAT)
    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["new", "new"]
    assert PriorFactCheck.objects.count() == 0
    done = confirm(client, reverse("admin:claims_priorfactcheck_process_import"), preview)
    assert done.status_code == 302
    assert sorted(PriorFactCheck.objects.values_list("url", flat=True)) == [
        "https://checker.example.org/fc/1", "https://checker.example.org/fc/2",
    ]
    assert AuditEvent.objects.filter(action="priorfactcheck.import", channel="admin").count() == 2


def test_it_shows_per_row_errors_and_offers_no_confirmation(client: Any, admin_user: Any) -> None:
    bad = PRIORS_CSV + (
        "Impossible rating,Vrai,9,5,1,https://checker.example.org/fc/3,Checker,fr\n"
        "No url,Vrai,,,,not a url,Checker,fr\n"
    )
    client.force_login(admin_user)
    preview = upload(client, reverse("admin:claims_priorfactcheck_import"), "priors.csv", bad.encode(), CSV_FORMAT)
    result = preview.context["result"]
    assert result.has_validation_errors()
    invalid = {row.number: row.error.message_dict for row in result.invalid_rows}
    assert set(invalid) == {3, 4}
    assert "rating_value must lie between worst_rating and best_rating" in invalid[3]["rating_value"]
    assert "url" in invalid[4]
    assert "confirm_form" not in preview.context
    assert PriorFactCheck.objects.count() == 0


def test_it_rolls_the_whole_import_back_when_one_row_is_bad() -> None:
    dataset = tablib.Dataset().load(
        PRIORS_CSV + "Bad scale,Vrai,1,1,1,https://checker.example.org/fc/9,Checker,fr\n", format="csv"
    )
    result = PriorFactCheckResource().import_data(dataset, dry_run=False, rollback_on_validation_errors=True)
    assert result.has_validation_errors()
    assert PriorFactCheck.objects.count() == 0
    assert not AuditEvent.objects.exists()


def test_it_rolls_back_claim_updates_when_a_later_row_fails(admin_user: Any) -> None:
    claim = ClaimFactory(claimant="Avant")
    rows = [
        {"id": claim.pk, "text": claim.text, "claimant": "Après", "language": "fr", "kind": "statistic",
         "checkworthiness": 0.5},
        {"id": "", "text": "Une nouvelle affirmation", "claimant": "", "language": "fr", "kind": "nonsense",
         "checkworthiness": 0.5},
    ]
    dataset = tablib.Dataset().load(json.dumps(rows), format="json")
    result = ClaimResource().import_data(dataset, dry_run=False, rollback_on_validation_errors=True, user=admin_user)
    assert result.has_validation_errors()
    claim.refresh_from_db()
    assert claim.claimant == "Avant" and claim.version == 1
    assert Claim.objects.count() == 1


def test_it_imports_claims_from_json_with_audit_and_webhooks(client: Any, admin_user: Any, hook: Any) -> None:
    claim = ClaimFactory(claimant="Avant")
    rows = [
        {"id": claim.pk, "text": claim.text, "claimant": "Le ministre", "language": "fr", "kind": "statistic",
         "checkworthiness": claim.checkworthiness, "status": "published"},
        {"id": "", "text": "Le budget a doublé en 2024", "claimant": "", "language": "fr", "kind": "statistic",
         "checkworthiness": 0.7, "status": ""},
    ]
    client.force_login(admin_user)
    preview = upload(client, reverse("admin:claims_claim_import"), "claims.json", json.dumps(rows).encode(),
                     JSON_FORMAT)
    assert preview.context["form"].errors == {}
    assert [row.import_type for row in preview.context["result"].rows] == ["update", "new"]
    confirm(client, reverse("admin:claims_claim_process_import"), preview)
    claim.refresh_from_db()
    assert (claim.claimant, claim.status, claim.version) == ("Le ministre", "new", 2)  # status is export-only
    created = Claim.objects.get(text="Le budget a doublé en 2024")
    assert created.created_by == admin_user
    # Through the claim services: a per-field audit row for the edit, a creation row for the new claim.
    edit = AuditEvent.objects.get(action="claim.update", claim=claim, channel="admin")
    assert edit.before == {"claimant": "Avant", "version": 1} and edit.after == {"claimant": "Le ministre",
                                                                                 "version": 2}
    assert AuditEvent.objects.filter(action="claim.create", claim=created, channel="admin").count() == 1
    assert WebhookDelivery.objects.filter(event="claim.created", object_id=created.pk).count() == 1
    assert WebhookDelivery.objects.filter(event="claim.updated", object_id=claim.pk).count() == 1


def test_it_imports_xlsx(client: Any, admin_user: Any) -> None:
    dataset = tablib.Dataset(headers=["claim_reviewed", "rating_text", "url", "language"])
    dataset.append(["La Terre est plate", "Faux", "https://checker.example.org/fc/x", "fr"])
    client.force_login(admin_user)
    preview = upload(client, reverse("admin:claims_priorfactcheck_import"), "priors.xlsx", dataset.export("xlsx"),
                     XLSX_FORMAT)
    confirm(client, reverse("admin:claims_priorfactcheck_process_import"), preview)
    assert PriorFactCheck.objects.get().claim_reviewed == "La Terre est plate"


def test_it_neutralises_formulas_in_resource_exports() -> None:
    ClaimFactory(claimant="@SUM(A1:A9)")
    exported = ClaimResource().export()
    assert exported.dict[0]["claimant"] == "'@SUM(A1:A9)"
    assert "'@SUM(A1:A9)" in exported.export("csv")


def test_it_keeps_imports_to_editors(client: Any, staff_reviewer: Any, staff_editor: Any) -> None:
    client.force_login(staff_reviewer)
    assert client.get(reverse("admin:claims_claim_import")).status_code == 403
    client.force_login(staff_editor)
    assert client.get(reverse("admin:claims_claim_import")).status_code == 200


def test_it_reads_an_uploaded_file_only_as_data(client: Any, admin_user: Any) -> None:
    client.force_login(admin_user)
    preview = upload(client, reverse("admin:claims_priorfactcheck_import"), "priors.csv", b"\xff\xfe\x00garbage",
                     CSV_FORMAT)
    assert preview.status_code == 200
    assert "confirm_form" not in preview.context
    assert PriorFactCheck.objects.count() == 0


def test_an_import_cannot_change_a_published_claim_nor_its_checkworthiness(admin_user: Any) -> None:
    published = ClaimFactory(status="published", claimant="Avant")
    open_claim = ClaimFactory(checkworthiness=0.2)
    rows = [
        {"id": open_claim.pk, "text": open_claim.text, "claimant": "", "language": "fr", "kind": "statistic",
         "checkworthiness": 0.99},
        {"id": published.pk, "text": published.text, "claimant": "Quelqu'un", "language": "fr",
         "kind": "statistic", "checkworthiness": published.checkworthiness},
    ]
    dataset = tablib.Dataset().load(json.dumps(rows), format="json")
    result = ClaimResource().import_data(dataset, dry_run=False, rollback_on_validation_errors=True, user=admin_user)
    assert result.has_validation_errors()
    (invalid,) = result.invalid_rows
    assert invalid.number == 2 and "cannot be edited" in str(invalid.error)
    published.refresh_from_db()
    open_claim.refresh_from_db()
    assert (published.claimant, published.version) == ("Avant", 1)
    assert open_claim.checkworthiness == 0.2
